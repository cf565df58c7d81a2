"""A body named by an act's noun ("the alliance agreed"), a work's release, a misdeed committed
and an act still awaited are no events of the lexicon's type; the act itself still is.
Real spaCy parses of sentences written for these tests; each rule checked both ways."""

import pytest

from events_fixtures import code, nlp, pipeline  # noqa: F401 - session fixtures

from chronicle.events.senses import excluded_reading


def _reading(nlp, sentence, word, event_type):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    return excluded_reading(token, event_type)


@pytest.mark.parametrize("sentence, word, event_type", [
    ("After a long debate, the alliance voted to send more ships to the gulf.", "alliance", "COOPERATE"),
    ("The ruling coalition lost its majority in the upper house on Tuesday.", "coalition", "COOPERATE"),
    ("Admiral Jane Okafor, who leads SEACOM, the regional naval alliance, spoke to reporters.", "alliance",
     "COOPERATE"),
    ("Critics said the studio timed the scandal to boost the movie's release.", "release", "RETREAT"),
    ("The minister said the newspaper had committed a vile slur against the army.", "committed", "AGREE"),
])
def test_not_that_event(nlp, sentence, word, event_type):
    assert _reading(nlp, sentence, word, event_type) is not None


@pytest.mark.parametrize("sentence, word, event_type", [
    ("The two parties formed an alliance against the ruling party in March.", "alliance", "COOPERATE"),
    ("The guards demanded the release of the two hostages.", "release", "RETREAT"),
    ("The rebels announced the release of forty prisoners on Sunday.", "release", "RETREAT"),
    ("The government committed two battalions to the peace mission.", "committed", "AGREE"),
])
def test_still_that_event(nlp, sentence, word, event_type):
    assert _reading(nlp, sentence, word, event_type) is None


def test_an_awaited_trial_has_not_happened(code):
    events = code("A court in the capital ruled on Monday that six activists accused of inciting riots must "
                  "stay in jail while they await trial, their lawyer said.", published="2024-03-05")
    trials = [e for e in events if e.trigger.text == "trial"]
    assert trials and all(e.hypothetical for e in trials)


def test_a_trial_that_opened_is_news(code):
    events = code("The trial of the former governor opened in the capital on Monday, and the court heard "
                  "two witnesses.", published="2024-03-05")
    assert [e for e in events if e.trigger.text == "trial" and not e.hypothetical]
