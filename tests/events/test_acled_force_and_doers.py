"""The ACLED rules on who does what to whom: force done to a crowd, targets that fought back,
counterfactual clauses, people seized, fires with no doer; and the codebook's decision order in
the combination with the learned model. Sentences written for these tests."""

import pytest

from chronicle.events import acled_model


class _NoOpinion:
    """A stand-in ACLED model that gives no opinion: every event keeps the rules' sub-type."""

    def __bool__(self):
        return True

    def probs(self, texts, passage=None, windows=None):
        return [{} for _ in texts]


@pytest.fixture(scope="module")
def pipeline():
    from chronicle.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="module")
def rules_events(pipeline):
    from chronicle.events import EventStage

    stage = next(s for s in pipeline.stages if isinstance(s, EventStage))

    def events(text):
        saved, stage.acled = stage.acled, _NoOpinion()
        try:
            return pipeline.process(text, published="2024-03-05").events
        finally:
            stage.acled = saved
    return events


def test_violence_done_by_police_to_a_march_is_an_intervention_not_a_riot(rules_events):
    events = rules_events("The rally in the capital was broken up by riot police, who smashed the march with batons.")
    assert events
    assert all(e.acled_sub_event_type == "Protest with intervention" for e in events)


def test_protesters_pepper_sprayed_is_an_intervention(rules_events):
    events = rules_events("Students rallied outside the ministry and were pepper-sprayed by officers.")
    assert events and events[0].acled_sub_event_type == "Protest with intervention"


@pytest.mark.parametrize("text, sub_type", [
    # the men shot had fired on the officers: two armed sides
    ("Officers shot dead two men who had opened fire on them at a roadblock.", "Armed clash"),
    # villagers gathering wood did not: a one-sided attack
    ("Soldiers shot three villagers who were collecting firewood near the camp.", "Attack"),
])
def test_a_target_that_fought_back_makes_a_clash(rules_events, text, sub_type):
    events = rules_events(text)
    assert events and events[0].acled_sub_event_type == sub_type


def test_a_riot_that_would_have_happened_makes_no_protest_scene(rules_events):
    events = rules_events("Ten years ago, when the last mayor was killed, such a visit would have sparked a riot.")
    killing = [e for e in events if e.trigger.text == "killed"]
    assert killing and killing[0].acled_sub_event_type == "Attack"


def test_members_of_an_armed_group_intercepted_are_arrested(rules_events):
    events = rules_events("Border guards intercepted twelve members of an armed group near the frontier.")
    assert events and events[0].acled_sub_event_type == "Arrests"


def test_migrants_intercepted_are_no_looting(rules_events):
    events = rules_events("Coast guards intercepted sixty migrants off the southern coast on Friday.")
    assert all(e.acled_sub_event_type != "Looting/property destruction" for e in events)


def test_a_building_that_burned_has_no_doer(pipeline):
    from chronicle.events.acled import _burned_by_itself
    from chronicle.events.sentence import lemma_of

    def burned(text):
        doc = pipeline.nlp(text)
        verb = next(t for t in doc if lemma_of(t) == "burn")
        subjects = {lemma_of(g) for c in verb.children if c.dep_ == "nsubj" for g in c.subtree}
        return _burned_by_itself(verb, subjects)

    assert burned("A school and four houses have burned in a blaze near the harbour.")
    assert not burned("Militants burned a school and four houses near the harbour.")
    assert not burned("The houses were burned by soldiers near the harbour.")


# -- the codebook's decision order in the combination ------------------------------------
def test_a_class_the_codebook_codes_first_overrules_a_cued_rules_reading():
    # tear gas is the intervention's cue, but the model reads the riot before it, which the codebook codes first
    probs = {"VIOL_DEMONSTR": 0.42, "PROTEST_WITH_INTER": 0.3, "PEACE_PROTEST": 0.28}
    decided = acled_model.decide("ASSAULT", ("Protests", "Protest with intervention"), probs,
                                 "Police answered with tear gas to disperse the crowd.")
    assert decided[1] == "Violent demonstration"


def test_a_peaceful_protest_read_by_the_rules_stands_against_the_order():
    probs = {"VIOL_DEMONSTR": 0.45, "PEACE_PROTEST": 0.35, "PROTEST_WITH_INTER": 0.2}
    decided = acled_model.decide("PROTEST", ("Protests", "Peaceful protest"), probs,
                                 "Hundreds of teachers held a protest outside the ministry.")
    assert decided[1] == "Peaceful protest"


# -- who gains the territory ------------------------------------------------------------
@pytest.mark.parametrize("text, sub_type", [
    # the capture is told by another verb of the sentence than the event's: its doer gains the place
    ("Government troops pushed into the rebel-held valley on Monday, clashing with insurgents and capturing a village "
     "at its southern edge.", "Government regains territory"),
    # state forces with their affiliates regain the place
    ("The army and allied militias have taken control of the river town after heavy fighting.",
     "Government regains territory"),
    # a non-state group "recapturing" a place overtakes it
    ("The jihadist group recaptured Marda yesterday after the army pulled out of the desert town.",
     "Non-state actor overtakes territory"),
])
def test_who_gains_the_place_decides_the_territory_type(rules_events, text, sub_type):
    events = rules_events(text)
    assert events and events[0].acled_sub_event_type == sub_type


@pytest.mark.parametrize("text, sub_type", [
    # an armed clash needs an armed side besides the target
    ("A policeman was shot dead outside his home in the north last night.", "Attack"),
    ("Militants shot dead two soldiers at a checkpoint near the border.", "Armed clash"),
    # attackers killed by their own explosives: a suicide bomb; a gunman who killed himself: none
    ("Two gunmen detonated explosives, killing themselves near the checkpoint after police surrounded them.",
     "Suicide bomb"),
    ("A gunman shot four people at the market before killing himself.", "Attack"),
])
def test_sides_and_means(rules_events, text, sub_type):
    events = rules_events(text)
    assert events and events[0].acled_sub_event_type == sub_type
