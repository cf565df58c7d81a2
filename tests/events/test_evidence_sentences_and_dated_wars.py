"""Events news tells without the verb a lexicon expects. Evidence of wrongdoing made public is an
accusation (PLOVER ACCUSE allege); a sentence to prison is coded COERCE arrest (PLOVER manual
3.13.2), other convictions SANCTION; a war with a date of its own is one past happening, a war with
none a standing state; a killing told as a word on a named victim is an event; displeasure voiced
in a statement is the speaker's ACCUSE; a hostile act said to follow from someone's conduct is a
threat. Sentences written for these tests."""

import pytest

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


def _asserted(events):
    return [e for e in events if not e.negated and not e.hypothetical]


def _types(events):
    return {e.type for e in _asserted(events)}


@pytest.mark.parametrize("text, trigger", [
    ("Police released video footage on Tuesday allegedly showing the suspects planting a bomb.", "released"),
    ("The ministry published photographs allegedly showing rebels at a school.", "published"),
    ("Prosecutors presented evidence that the general ordered the shootings.", "presented"),
])
def test_evidence_made_public_is_an_accusation(code, text, trigger):
    events = _asserted(code(text))
    assert [(e.type, e.mode, e.trigger.text) for e in events] == [("ACCUSE", "allege", trigger)]


@pytest.mark.parametrize("text", [
    "The agency released its annual report on Monday.",
    "The rebels released the hostages on Monday.",
])
def test_a_release_with_no_evidence_of_wrongdoing_accuses_no_one(code, text):
    assert "ACCUSE" not in _types(code(text))


@pytest.mark.parametrize("text, event_type", [
    ("A court in the capital sentenced the former mayor to life imprisonment on Tuesday.", "COERCE"),
    ("The opposition leader was sentenced to five years in prison for fraud.", "COERCE"),
    ("The dissident journalist was sentenced to death in absentia.", "SANCTION"),
])
def test_a_sentence_to_prison_is_coercion(code, text, event_type):
    events = [e for e in _asserted(code(text)) if e.trigger.text == "sentenced"]
    assert events and events[0].type == event_type


def test_a_war_with_its_own_date_is_a_past_event(code):
    events = [e for e in _asserted(code("After the 2008 war, the two countries cut ties.")) if e.trigger.text == "war"]
    assert events and events[0].type == "ASSAULT" and events[0].historical


@pytest.mark.parametrize("text", [
    "The war in Yemen continues to drive up food prices.",
    "The country has been at war since 2001.",
    "Nothing like it had been seen since World War II.",
    "The two parties were locked in a war of words last week.",
    "Airlines started a price war in 2009.",
])
def test_a_war_without_a_date_is_a_standing_state(code, text):
    assert not [e for e in code(text) if e.trigger and e.trigger.text == "war"]


def test_a_killing_told_on_a_named_victim_is_an_event(code):
    events = _asserted(code("Thousands attended the funeral of murdered activist John Kemp on Sunday."))
    assert [(e.type, e.trigger.text) for e in events if e.type == "ASSAULT"] == [("ASSAULT", "murdered")]


def test_a_killing_word_on_an_unnamed_person_stays_a_description(code):
    assert "ASSAULT" not in _types(code("The murdered policeman was buried on Friday."))


@pytest.mark.parametrize("text, event_type, trigger", [
    ("Farm leaders implored the governor to veto the bill.", "REQUEST", "implored"),
    ("Students waved placards outside the ministry of education on Monday.", "PROTEST", "waved"),
])
def test_words_of_pleading_and_of_demonstrating(code, text, event_type, trigger):
    events = _asserted(code(text))
    assert events and (events[0].type, events[0].trigger.text) == (event_type, trigger)


def test_displeasure_voiced_in_a_statement_is_an_accusation(code):
    events = _asserted(code("The German government is not happy with the new Turkish visa rules, "
                            "the foreign minister said on Monday."))
    assert [(e.type, e.trigger.text) for e in events] == [("ACCUSE", "said")]


def test_a_mood_with_no_speaker_accuses_no_one(code):
    assert not _asserted(code("The coach was not happy with the referee."))


def test_a_hostile_act_said_to_follow_from_conduct_is_a_threat(code):
    events = _asserted(code("EU officials made it clear that a refusal to sign the accord means freezing "
                            "all trade talks with the country."))
    assert "THREATEN" in {e.type for e in events} and "SANCTION" not in {e.type for e in events}


@pytest.mark.parametrize("text, arrest", [
    ("The president ordered the journalists detained last month to be freed.", "detained"),
    ("The interior minister ordered the students detained on Friday to be released.", "detained"),
])
def test_arrests_dated_on_their_own_stay_beside_the_release_ordered(code, text, arrest):
    events = _asserted(code(text))
    assert {(e.type, e.trigger.text) for e in events} == {("RETREAT", "ordered"), ("COERCE", arrest)}


def test_people_described_as_detained_are_only_freed(code):
    events = _asserted(code("The president ordered the detained journalists to be freed."))
    assert [(e.type, e.trigger.text) for e in events] == [("RETREAT", "ordered")]
