"""find_modifiers: negation, hypothetical/future and attribution, on sentences written for these tests."""

from __future__ import annotations

import pytest
from fixtures_structure import annotate, token

from chronicle.events.modifiers import Modifiers, find_modifiers


def mods(text, trigger, actors=None, nth=0) -> tuple:
    ann = annotate(text, actors)
    trig = token(ann, trigger, nth)
    m = find_modifiers(ann, trig.sent, trig)
    assert isinstance(m, Modifiers)
    if m.attributed_span is not None:  # evidence points at the text
        assert ann.text[m.attributed_span.start : m.attributed_span.end] == m.attributed_to
    return ann, m


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("The coastguard did not board the ferry on Sunday.", "board"),
        ("Militia leaders denied shelling the camp.", "shelling"),
        ("No one was detained during the march.", "detained"),
        ("The army failed to recapture the airport.", "recapture"),
        ("Guards never fired on the crowd, the warden insisted.", "fired"),
        ("Officers dispersed the rally without arresting anyone.", "arresting"),
        ("The cabinet refused to expel the envoy.", "expel"),
        ("There was no attack on the convoy that night.", "attack"),
    ],
)
def test_negated(text, trigger):
    _, m = mods(text, trigger)
    assert m.negated is True
    assert m.cues


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("The coastguard boarded the ferry on Sunday.", "boarded"),
        ("Police arrested nine men after the match.", "arrested"),
        ("The army recaptured the airport, not the port.", "recaptured"),
    ],
)
def test_not_negated(text, trigger):
    _, m = mods(text, trigger)
    assert m.negated is False


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("Valdoria threatened to blockade the harbour.", "blockade"),
        ("The rebels may storm the capital within days.", "storm"),
        ("Teachers will strike on Monday.", "strike"),
        ("The union plans to march on parliament next week.", "march"),
        ("The ministry could impose a curfew tonight.", "impose"),
        ("If the talks collapse, the army would invade.", "invade"),
        ("Protesters called for the release of the detained editors.", "release"),
        ("The general warned that his troops would retaliate.", "retaliate"),
        ("The opposition urged supporters to boycott the vote.", "boycott"),
    ],
)
def test_hypothetical(text, trigger):
    _, m = mods(text, trigger)
    assert m.hypothetical is True


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("Valdoria threatened to blockade the harbour.", "threatened"),
        ("Troops stormed the capital on Friday.", "stormed"),
        ("Protesters called for the release of the detained editors.", "called"),
    ],
)
def test_not_hypothetical(text, trigger):
    _, m = mods(text, trigger)
    assert m.hypothetical is False


def test_said_after_the_clause():
    _, m = mods("Soldiers burned two houses in the village, local officials said.", "burned")
    assert m.attributed_to == "local officials"


def test_said_before_that_clause_with_proper_name_keeps_article():
    ann, m = mods(
        "The Interior Ministry said gunmen kidnapped four engineers.",
        "kidnapped",
        {"ministry": ["The Interior Ministry"]},
    )
    assert m.attributed_to == "The Interior Ministry"
    assert m.attributed_actor == 0


def test_according_to_report_resolves_to_actor():
    ann, m = mods(
        "According to the Helsinki Watch report, guards beat the inmates daily.",
        "beat",
        {"watch": ["Helsinki Watch"]},
    )
    assert m.attributed_to == "Helsinki Watch report"
    assert m.attributed_actor == 0


def test_told_reporters():
    _, m = mods("The spokesman told reporters that rebels had shelled the depot.", "shelled")
    assert m.attributed_to == "spokesman"


def test_claimed_and_alleged():
    _, m = mods("The party alleged that police beat its candidates.", "beat")
    assert m.attributed_to == "party"


def test_report_revealed():
    _, m = mods("A leaked report revealed that wardens tortured prisoners.", "tortured")
    assert m.attributed_to == "leaked report"


def test_quoted_paragraph_with_speech_verb_in_the_next_sentence():
    text = (
        "Our correspondent visited the town on Monday.\n"
        "\u201cThe brigade burned the market. Witnesses saw it,\u201d read the Amnesty report.\n"
        "Officials declined to comment."
    )
    ann, m = mods(text, "burned", {"amnesty": ["Amnesty"]})
    assert m.attributed_to == "Amnesty report"
    assert m.attributed_actor == 0


def test_quote_introduced_before():
    text = "The mayor said: \u201cThe police attacked peaceful people.\u201d"
    _, m = mods(text, "attacked")
    assert m.attributed_to == "mayor"


def test_outlet_voice_is_not_attribution():
    ann, m = mods(
        "The regime's so-called security forces killed three protesters in Basra.",
        "killed",
        {"forces": ["security forces"]},
    )
    assert m.attributed_to is None and m.attributed_span is None and m.attributed_actor is None


def test_speech_verb_that_is_the_event_is_not_its_own_attribution():
    _, m = mods("Norway accused the junta of torture.", "accused")
    assert m.attributed_to is None


def test_text_outside_a_quote_is_not_attributed_to_the_quote():
    text = (
        "\u201cWe will not leave,\u201d the organisers said.\n"
        "Police arrested six organisers later that night."
    )
    _, m = mods(text, "arrested")
    assert m.attributed_to is None


def test_infinitive_on_a_noun_is_hypothetical():
    _, m = mods("The decree gives the governor the power to detain journalists.", "detain")
    assert m.hypothetical is True


def test_reporting_clause_with_a_hyphenated_source():
    _, m = mods("Rebels shelled the airport overnight, a state-owned radio station said.", "shelled")
    assert m.attributed_to == "state-owned radio station"


def test_source_keeps_its_of_or_to_phrase():
    _, m = mods("Troops fired on the crowd, a spokesman for the ministry said.", "fired")
    assert m.attributed_to == "spokesman for the ministry"


def test_speech_in_a_separate_clause_is_not_attribution():
    _, m = mods(
        "Valdoria mobilized its reservists on Tuesday while foreign inspectors said they needed more time.",
        "mobilized",
    )
    assert m.attributed_to is None


def test_date_after_the_speech_verb_is_not_the_source():
    _, m = mods("Police detained two editors, the governor's office said Wednesday.", "detained")
    assert m.attributed_to == "governor's office"


@pytest.mark.parametrize(
    "text,trigger,negated",
    [
        ("Guards failed to stop the attack on the embassy.", "attack", False),
        ("The army did not prevent the raid.", "raid", False),
        ("The army prevented the raid.", "raid", True),
        ("Police stopped the march near the bridge.", "march", False),
        ("Police did not stop the march near the bridge.", "march", False),
    ],
)
def test_negations_that_cancel_out(text, trigger, negated):
    _, m = mods(text, trigger)
    assert m.negated is negated


def test_source_actor_is_not_taken_from_a_relative_clause_on_the_source():
    ann, m = mods(
        "Troops shelled the port, according to a senator who met the Valdorian envoy.",
        "shelled",
        {"VAL": ["Valdorian envoy"]},
    )
    assert m.attributed_to == "senator"
    assert m.attributed_actor is None


def test_source_actor_from_the_possessor():
    ann, m = mods(
        "\u201cThe militia burned the archive,\u201d the Helsinki Watch's report added.",
        "burned",
        {"watch": ["Helsinki Watch"]},
    )
    assert m.attributed_to == "Helsinki Watch's report"
    assert m.attributed_actor == 0


def test_negated_verb_does_not_negate_a_noun_under_its_preposition():
    _, m = mods("The junta did not respond to requests for comment.", "requests")
    assert m.negated is False
    _, m = mods("The army did not launch an attack on the town.", "attack")
    assert m.negated is True


def test_quote_opened_by_a_speech_verb_sentences_before():
    text = "The inspectors' report said: \u201cGuards beat the prisoners. They also burned the files.\u201d"
    _, m = mods(text, "burned")
    assert m.attributed_to == "inspectors' report"


def test_pronoun_source_resolved_through_its_mention():
    text = (
        "The mayor spoke after the raid.\n"
        "\u201cSoldiers looted every shop on the street,\u201d he said."
    )
    ann, m = mods(text, "looted", {"mayor": ["The mayor", "he"]})
    assert m.attributed_to == "he"
    assert m.attributed_actor == 0


def test_called_off_is_not_a_call_for():
    _, m = mods("The union said it has called off a four-day strike.", "strike")
    assert m.hypothetical is False
    _, m = mods("The union called for a four-day strike.", "strike")
    assert m.hypothetical is True


@pytest.mark.parametrize(
    "text,trigger,source",
    [
        ("Valdoria cut air links on Wednesday, one day after an Ostrian jet shot down a helicopter.", "shot", None),
        ("The junta declared a state of siege, suspending the constitution and arresting opponents, a diplomat said.", "arresting", "diplomat"),
        ("Valdoria said today it had expelled two diplomats.", "expelled", "Valdoria"),
    ],
)
def test_only_what_is_said_is_attributed(text, trigger, source):
    _, m = mods(text, trigger)
    assert m.attributed_to == source
