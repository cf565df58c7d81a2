"""Verbal acts told without their usual verb. A speaker's public blame is an accusation (PLOVER
ACCUSE), even without the verb "accuse": someone said to be "behind" an act, conduct cast as terror,
sabotage or harassment; a denial or a plain report is none. A concession promised ("will allow")
is an agreement, one held over someone ("will withdraw ... unless") a threat. Sentences written
for these tests."""

import pytest

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


def _accusations(events):
    return [e for e in events if e.type == "ACCUSE" and not e.negated and not e.hypothetical]


@pytest.mark.parametrize("text, speaker", [
    ("The interior minister said that rebel commanders were behind the bombing of the bus station.", "said"),
    ("Police said a car bomb went off near the court and suggested that a banned militia could have "
     "been behind the blast.", "suggested"),
    ("The opposition leader told reporters the arrests were part of a campaign of terror against her party.", "told"),
    ("The foreign minister said the neighbouring government was doing everything to undermine the ceasefire.", "said"),
])
def test_blame_voiced_in_speech_is_an_accusation(code, text, speaker):
    accusations = _accusations(code(text))
    assert [e.trigger.text for e in accusations] == [speaker]


@pytest.mark.parametrize("text", [
    "The army said the militia was not behind the bombing of the bus station.",
    "The interior minister said that rebel commanders met in the capital on Monday.",
    # the blame word describes who a measure is for, it is not what is claimed
    "The ministry announced it would bar entry to all foreigners inciting violence in the province.",
])
def test_a_denial_or_a_plain_report_is_no_accusation(code, text):
    assert not _accusations(code(text))


@pytest.mark.parametrize("text, event_type", [
    # a concession promised is an agreement to make it
    ("The government said it would allow the exiled journalists to return home.", "AGREE"),
    ("The junta will release the detained students next week, the envoy said.", "AGREE"),
    # a concession decided is made
    ("The electoral court decided to allow the opposition candidate to run in the election.", "CONCEDE"),
    # a withdrawal held over someone is an ultimatum
    ("The government said it will withdraw its ambassador unless the neighbour frees the fishermen.", "THREATEN"),
])
def test_a_promised_concession_is_an_agreement(code, text, event_type):
    events = code(text)
    assert events and events[0].type == event_type
