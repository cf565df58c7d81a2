"""Who does an act and to what decides its type. Stones thrown by civilians or during a
demonstration are a riot (PLOVER PROTEST riot), grenades thrown by gunmen an attack; evacuating
the wounded is relief (AID), forcing an agency out of a country expels it while forcing refugees
out of their homes is violence; shortening a curfew eases it (CONCEDE); ordering a newspaper to
stop publishing censors it; one body that "protested", even when the parser hangs the verb on
its noun, objects in words (ACCUSE). Sentences written for these tests."""

import pytest

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


def _first(events):
    return (events[0].type, events[0].mode) if events else None


@pytest.mark.parametrize("text, expected", [
    ("Palestinian youths resorted to throwing stones during demonstrations against the occupation.", ("PROTEST", "riot")),
    ("Youths threw stones at police patrols in the old city.", ("PROTEST", "riot")),
    ("UN helicopters evacuated the wounded from the besieged town on Friday.", ("AID", None)),
    ("The government forced the UN refugee agency out of the country last month.", ("SANCTION", "expel")),
    ("The army forced more than 1,000 refugees out of their homes during the search.", ("ASSAULT", None)),
    ("The government ordered the opposition newspaper to suspend publication indefinitely.", ("COERCE", "censor")),
    ("The authorities are failing to protect the refugees, a human rights group protested here on Wednesday.",
     ("ACCUSE", "disapprove")),
])
def test_the_doer_and_the_object_decide_the_type(code, text, expected):
    assert _first(code(text)) == expected


def test_grenades_thrown_by_gunmen_are_an_attack(code):
    assert _first(code("Gunmen threw grenades at the police station."))[0] == "ASSAULT"


def test_shortening_a_curfew_eases_it(code):
    assert "CONCEDE" in [e.type for e in code("The military ruler on Thursday shortened the nightly curfew in the capital by one hour.")]


@pytest.mark.parametrize("text, event_type", [
    ("The cleric declared a cease-fire on Sunday after weeks of fighting.", "RETREAT"),
    ("The air force scrambled fighters to intercept the bombers.", "MOBILIZE"),
])
def test_spelling_and_phrasing_variants(code, text, event_type):
    assert event_type in [e.type for e in code(text)]
