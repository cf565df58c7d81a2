"""More verbal and contentious acts told without their usual verb. Casting conduct as wrongdoing
("describing the policy as ethnic cleansing") or saying someone broke a rule is an accusation;
a crowd of civilians fighting the police riots (PLOVER PROTEST riot), armed groups fighting the
police clash; defying a ban or ignoring an order refuses it; objecting to something opposes it.
Two different acts coordinated under one subject stay two events. Sentences written for these
tests."""

import pytest

from chronicle.events.classify import RuleClassifier
from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


def _types(events):
    return [(e.type, e.trigger.text) for e in events if not e.negated and not e.hypothetical]


@pytest.mark.parametrize("text, expected", [
    ("The foreign minister called on the government to stop demolishing homes, describing the policy as "
     "ethnic cleansing.", ("ACCUSE", "describing")),
    ("The coast guard says the tanker breached a UN embargo on arms exports.", ("ACCUSE", "says")),
])
def test_blame_by_description_or_a_broken_rule(code, text, expected):
    events = _types(code(text))
    assert expected in events
    assert ("ASSAULT", "ethnic cleansing") not in events  # a characterisation, not a massacre reported


def test_a_neutral_description_is_no_accusation(code):
    assert "ACCUSE" not in [t for t, _ in _types(code("The coalition described the talks as constructive."))]


@pytest.mark.parametrize("text, event_type", [
    ("In the city centre his supporters fought running battles with police on Sunday.", "PROTEST"),
    ("Students clashed with riot police outside the university.", "PROTEST"),
    ("Rebels clashed with police in the northern province.", "ASSAULT"),
])
def test_a_crowd_fighting_police_riots(code, text, event_type):
    events = code(text)
    assert events and events[0].type == event_type


@pytest.mark.parametrize("text", [
    "The opposition leader defied the ban and addressed the crowd.",
    "Two armed groups objected to the deployment of foreign troops in the region.",
    "The former premier joined the march after ignoring a house arrest order in his home town.",
])
def test_defiance_and_objection_are_refusals(code, text):
    assert "REJECT" in [t for t, _ in _types(code(text))]


def test_two_acts_of_one_kind_stay_two():
    from chronicle.nlp import load_nlp

    sent = next(load_nlp()("Police shut down six rallies and arrested 30 people in the capital.").sents)
    coded = RuleClassifier().code_sentence(sent, political=True)
    assert sorted((e.type, e.mode) for e in coded) == [("COERCE", "arrest"), ("COERCE", "withhold")]


@pytest.mark.parametrize("text", [
    '"He is today the biggest threat to the country," the former minister said.',
    "The opposition leader said the militia poses a threat to the peace process.",
])
def test_calling_someone_a_threat_is_an_accusation(code, text):
    types = [t for t, _ in _types(code(text))]
    assert "ACCUSE" in types and "THREATEN" not in types


def test_a_real_threat_stays_a_threat(code):
    assert _types(code("The rebels threatened to attack the capital."))[0][0] == "THREATEN"


def test_our_own_need_to_talk_is_intent_not_a_demand(code):
    events = _types(code('"We believe that we need to hold a serious dialogue with our neighbours," the president said.'))
    assert events and events[0][0] == "AGREE"


def test_a_text_that_says_what_should_happen_demands_nothing(code):
    text = "The bill, which must still be approved by the senate, says the governor should appoint three judges."
    assert "REQUEST" not in [t for t, _ in _types(code(text))]


def test_a_spokesman_saying_what_must_happen_demands_it(code):
    events = _types(code("The spokesman said the government must release the prisoners."))
    assert events and events[0] == ("REQUEST", "said")
