"""Words that look like events but name a state, a business's dealings, a text or a condition
(senses.py, occurrence.py, modifiers.py), checked both ways on real spaCy parses of sentences
written for these tests."""

import pytest

from events_fixtures import code, nlp, pipeline  # noqa: F401 - session fixtures

from chronicle.events.senses import excluded_reading


def _reading(nlp, sentence, word, event_type):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    return excluded_reading(token, event_type)


def _types(events):
    return {e.type for e in events}


def _by_trigger(events, word):
    return [e for e in events if e.trigger.text == word or any(m.trigger.text == word for m in e.mentions)]


# -- senses: who does it, and to what --------------------------------------------------

@pytest.mark.parametrize("sentence, word, event_type", [
    ("Water companies across the region are cracking down as unpaid household bills pile up.", "cracking", "COERCE"),
    ("The pension funds that investors signed onto last year have lost value.", "signed", "SUPPORT"),
    ("Border troops tried to block the irrigation ditches to save the orchards.", "block", "PROTEST"),
    ("The accords signed by both sides contain a pledge to share the river.", "accords", "AGREE"),
    ("The accords signed by both sides contain a pledge to share the river.", "signed", "SUPPORT"),
])
def test_not_that_event(nlp, sentence, word, event_type):
    assert _reading(nlp, sentence, word, event_type) is not None


@pytest.mark.parametrize("sentence, word, event_type", [
    ("The energy company signed a deal with the government on Tuesday.", "signed", "SUPPORT"),
    ("Police are cracking down on street vendors in the capital.", "cracking", "COERCE"),
    ("Striking farmers tried to block the highway to the port.", "block", "PROTEST"),
    ("The two sides signed an accord on Tuesday to share the river.", "accord", "AGREE"),
])
def test_still_that_event(nlp, sentence, word, event_type):
    assert _reading(nlp, sentence, word, event_type) is None


# -- occurrence: states, stances held, grounds ---------------------------------------------

def test_troops_where_they_are_now_are_a_state_not_a_deployment(code):
    assert "MOBILIZE" not in _types(code("About 800 Kenyan soldiers are currently stationed in the border region."))
    assert "MOBILIZE" in _types(code("The army deployed 800 soldiers to the border region on Monday."))


def test_prisoners_described_by_their_jailing_are_not_an_arrest(code):
    events = code("Relatives of inmates jailed in the northern prison met the governor on Monday.")
    assert not _by_trigger(events, "jailed")
    events = code("Police jailed six activists in the northern city on Monday.")
    assert _by_trigger(events, "jailed")


def test_a_stance_held_always_is_a_trait(code):
    events = code('"We have always been ready to talk to the opposition," the minister said.')
    assert not _by_trigger(events, "ready")


def test_an_agreement_kept_is_no_new_agreement(code):
    events = code("Inspectors who check Iran's compliance with its commitments to the agency said on Monday "
                  "that the site was closed.")
    assert not _by_trigger(events, "commitments")
    events = code("Iran made new commitments to the agency on Monday, inspectors said.")
    assert _by_trigger(events, "commitments")


def test_a_possessed_stance_is_a_relation_unless_voiced(code):
    events = code("Officials say the aim of Ghana's solidarity with Togo is to keep the border calm.")
    assert "SUPPORT" not in _types(events)
    events = code("Ghana's president expressed his solidarity with Togo on Monday.")
    assert "SUPPORT" in _types(events)


def test_the_grounds_of_a_penalty_are_not_an_act_of_their_own(code):
    events = code("Experts said it was the first time a mayor had been removed from office for backing "
                  "a rival candidate.")
    assert not _by_trigger(events, "backing")


def test_protesters_met_by_guards_is_no_meeting(code):
    events = code("The marchers were met at the gate by three security guards.")
    assert "CONSULT" not in _types(events)
    events = code("The foreign minister met the visiting envoy in the capital on Monday.")
    assert "CONSULT" in _types(events)


# -- modifiers: conditions and what is done "without" --------------------------------------

def test_a_refusal_that_would_mean_something_is_a_condition(code):
    events = code("Diplomats made it clear that a refusal to sign the accord means ending all aid to the region.")
    refusals = _by_trigger(events, "refusal")
    assert not refusals or all(e.hypothetical for e in refusals)
    events = code("The refusal of the rebels to sign the accord angered diplomats on Monday.")
    assert any(not e.hypothetical for e in _by_trigger(events, "refusal"))


def test_without_someone_halting_it_has_not_been_halted(code):
    # the parser hangs "without" and the gerund's subject on the gerund itself
    events = code('The envoy stressed that "without (Russia) halting all arms sales to the junta, there will '
                  'not be serious negotiations."')
    halts = _by_trigger(events, "halting")
    assert halts and all(e.negated for e in halts)
    events = code("Russia said on Monday it was halting all arms sales to the junta.")
    assert any(not e.negated for e in _by_trigger(events, "halting"))


def test_what_one_must_not_forget_happened(code):
    events = code("The villagers will never forget that soldiers shot three farmers near the well.")
    shots = _by_trigger(events, "shot")
    assert shots and not any(e.negated or e.hypothetical for e in shots)
    events = code("The army did not confirm that militants burned the village.")
    assert all(e.negated or e.hypothetical for e in _by_trigger(events, "burned"))
