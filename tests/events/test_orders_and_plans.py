"""A court or government order to free someone is a release, not an arrest, even when the words
that say who is freed ("activists arrested last week") name an arrest; a planned event is no
happening yet. Sentences written for these tests."""

import pytest

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


# (arrests with a time of their own, "arrested over the past week", are a past event beside the
# release: test_evidence_sentences_and_dated_wars.py)
@pytest.mark.parametrize("text", [
    "The prime minister ordered all the detained activists to be freed.",
    "A court in the capital ordered the release of the two reporters on Sunday.",
    "The judge ordered police to free the detained students.",
])
def test_an_order_to_free_is_a_release(code, text):
    types = [e.type for e in code(text) if not e.negated and not e.hypothetical]
    assert "RETREAT" in types and "COERCE" not in types


def test_an_order_to_arrest_is_still_an_arrest(code):
    assert [e.type for e in code("The governor ordered the arrest of three opposition leaders.")][:1] == ["COERCE"]


@pytest.mark.parametrize("text, word", [
    ("Police arrested five activists ahead of planned rallies next month.", "rallies"),
    ("The upcoming talks between the two leaders were postponed.", "talks"),
])
def test_planned_events_are_hypothetical(code, text, word):
    named = [e for e in code(text) if e.trigger.text == word]
    assert named and all(e.hypothetical for e in named)


@pytest.mark.parametrize("text, word", [
    ("The rebels were too weak to attack the garrison.", "attack"),
    ("The ministry is reviewing the deal rather than cancelling it outright.", "cancelling"),
    ("Instead of arresting the protesters, police escorted them home.", "arresting"),
])
def test_what_was_not_done_is_negated(code, text, word):
    named = [e for e in code(text) if e.trigger.text == word]
    assert named and all(e.negated for e in named)


def test_what_the_writer_says_is_necessary_is_no_request(code):
    # narrative "need": a necessity, nobody asks anyone
    narrated = [e for e in code("Road engineers need to inspect the collapsed embankment before it reopens.")
                if e.type == "REQUEST" and e.trigger.text == "need"]
    assert not narrated
    # a speaker's "needs to": a demand voiced in quotes
    quoted = [e for e in code('"The government needs to release the detained editors now," the union leader said.')
              if e.type == "REQUEST"]
    assert quoted
