"""Trigger detection on sentences written for these tests."""

from events_fixtures import nlp  # noqa: F401 - session fixture

from chronicle.events.detect import detect_triggers


def triggers(nlp, text):
    sent = next(nlp(text).sents)
    return {t.text: {s.type for s in t.senses} for t in detect_triggers(sent)}


def test_verbs_nouns_and_phrases_are_found(nlp):
    found = triggers(nlp, "Police fired tear gas at the rally after talks with organisers collapsed.")
    assert "ASSAULT" in found["tear gas"]
    assert "PROTEST" in found["rally"]
    assert "CONSULT" in found["talks"]


def test_verb_with_particle_is_one_trigger(nlp):
    found = triggers(nlp, "The opposition called for early elections.")
    assert found["called"] == {"REQUEST"}


def test_circumstance_is_not_a_particle(nlp):
    found = triggers(nlp, "Officials called the militia a state force on several occasions.")
    assert "called" not in found


def test_idioms_and_modifiers_are_not_triggers(nlp):
    assert "seized" not in triggers(nlp, "The company seized the opportunity to expand abroad.")
    assert "protest" not in triggers(nlp, "The protest movement has grown in the south.")
    assert "alleged" not in triggers(nlp, "They marched against the alleged fraud.")


def test_a_field_of_law_or_policy_reports_no_aid(nlp):
    found = triggers(nlp, "The envoy urged all parties to respect international humanitarian law.")
    assert "humanitarian" not in found
    aid = triggers(nlp, "The agency delivered humanitarian aid to the besieged town.")
    assert "AID" in aid.get("aid", set()) | aid.get("delivered", set())
