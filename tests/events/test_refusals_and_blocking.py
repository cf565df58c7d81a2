"""Event types read from what a sentence does, not from the verb alone. A speaker announcing what
they will not do has refused it (PLOVER REJECT), an act made by speaking and so not negated; a
claim about someone else's conduct or about the world refuses nothing. Who blocks what decides
the type of "blocked": demonstrators on a road protest, a majority blocking a bill rejects it,
people kept from going somewhere are restricted (COERCE). Forces fired upon are the target of the
attack, not a deployment of their own. Sentences written for these tests."""

import pytest

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


def _asserted(events):
    return [e for e in events if not e.negated and not e.hypothetical]


@pytest.mark.parametrize("text, speaker, mode", [
    ("The governor said on Friday that he won't accept the federal loans for the state.", "said", "change"),
    ('"We will never negotiate with the kidnappers," the prime minister told reporters.', "told", "meet"),
    ("The senator said she would reject the offer from the administration.", "said", "change"),
    ("The president said he would not meet the opposition leader.", "said", "meet"),
    ("The ministry said it would not extend the curfew in the capital.", "said", "change"),
])
def test_an_announced_refusal_is_a_rejection_by_the_speaker(code, text, speaker, mode):
    events = _asserted(code(text))
    assert [(e.type, e.trigger.text, e.mode) for e in events] == [("REJECT", speaker, mode)]


@pytest.mark.parametrize("text", [
    # the speaker tells of another's conduct, or of no act at all
    "The minister said the rebels would not attack the capital.",
    "The central bank said prices would not fall this year.",
])
def test_a_claim_about_others_or_the_world_is_no_refusal(code, text):
    assert not [e for e in code(text) if e.type == "REJECT"]


@pytest.mark.parametrize("text, event_type", [
    ("Police blocked the reporters from entering the courthouse on Tuesday.", "COERCE"),
    ("Protesters blocked the main highway into the capital on Monday.", "PROTEST"),
    ("Republicans in the Senate blocked the spending bill on Thursday.", "REJECT"),
])
def test_what_is_blocked_decides_the_type(code, text, event_type):
    events = _asserted(code(text))
    assert events and events[0].type == event_type and events[0].trigger.text == "blocked"


@pytest.mark.parametrize("text", [
    "Unknown assailants opened fire on a police patrol in the hills on Sunday.",
    "Militants ambushed an army convoy near the border, killing four soldiers.",
])
def test_forces_under_fire_are_the_target_not_a_deployment(code, text):
    types = {e.type for e in code(text)}
    assert "ASSAULT" in types and "MOBILIZE" not in types


@pytest.mark.parametrize("text, event_type, trigger", [
    ("The opposition leader lauded the efforts of the United Nations envoy.", "SUPPORT", "lauded"),
    ("The army sent investigators to look into the deaths of the prisoners.", "ACCUSE", "look"),
])
def test_verbs_of_praise_and_inquiry(code, text, event_type, trigger):
    assert (event_type, trigger) in [(e.type, e.trigger.text) for e in code(text)]


@pytest.mark.parametrize("text, mode", [
    ("The president said the return of the islands is not negotiable.", "meet"),
    ("The minister said the border is non-negotiable.", "meet"),
    ("Officials said that lifting the sanctions is out of the question.", "yield"),
])
def test_a_refusing_predicate_is_a_rejection_of_its_subject(code, text, mode):
    events = _asserted(code(text))
    assert [(e.type, e.mode) for e in events] == [("REJECT", mode)]


def test_what_a_relative_clause_tells_stays_its_own_event(code):
    events = _asserted(code("The president said the islands, which the navy seized in 1982, are not negotiable."))
    assert "REJECT" in [e.type for e in events] and len(events) == 2


@pytest.mark.parametrize("text, expected", [
    ("When the envoy tried to cross the checkpoint on Monday, she was halted by militia guards.", ("COERCE", "restrict")),
    ("Soldiers halted the activist Dana Moor at the gate on Monday.", ("COERCE", "restrict")),
    ("The ministry halted fuel deliveries to the northern province on Monday.", ("SANCTION", "discontinue")),
])
def test_halting_a_person_restricts_them_halting_a_programme_discontinues_it(code, text, expected):
    events = [e for e in _asserted(code(text)) if e.trigger.text == "halted"]
    assert [(e.type, e.mode) for e in events] == [expected]
