"""find_sizes: stated counts of killed, injured, arrested and crowds, on sentences written for these tests."""

from __future__ import annotations

import pytest
from fixtures_structure import annotate

from chronicle.events.sizes import find_sizes, number_value


def sizes_of(text):
    ann = annotate(text)
    out = []
    for sent in ann.doc.sents:
        out.extend(find_sizes(ann, sent))
    for s in out:  # every size points at its evidence
        assert ann.text[s.start : s.end] == s.text
    return [(s.kind, s.value) for s in out], out


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Witnesses said 31 unarmed villagers were killed by the militia near the river.", [("killed", 31)]),
        ("At least 14 people died when the checkpoint was shelled.", [("killed", 14)]),
        ("Gunmen stormed the hall, killing four guards and wounding 27.", [("killed", 4), ("injured", 27)]),
        ("Scores were detained in overnight raids across the province.", [("arrested", 40)]),
        ("Thousands of demonstrators filled the main square on Saturday.", [("crowd", 2000)]),
        ("A crowd of about 8,000 gathered outside the courthouse.", [("crowd", 8000)]),
        ("Officers arrested nineteen students and six teachers.", [("arrested", 19), ("arrested", 6)]),
        ("The bombing left 9 dead and 33 wounded.", [("killed", 9), ("injured", 33)]),
        ("The death toll from the clashes rose to 61 on Thursday.", [("killed", 61)]),
        ("Tens of thousands of farmers staged a march on the capital.", [("crowd", 20000)]),
        ("A local reporter was killed by a sniper on Friday.", [("killed", 1)]),
        ("Troops shot dead three smugglers at the border crossing.", [("killed", 3)]),
        ("Nearly 1.2 million people took to the streets of the capital.", [("crowd", 1_200_000)]),
        ("Nearly 3,000 dockers went on strike over pay.", [("crowd", 3000)]),
        ("Police said 11 people were killed and 42 injured in the riot.", [("killed", 11), ("injured", 42)]),
    ],
)
def test_stated_counts(text, expected):
    found, _ = sizes_of(text)
    assert found == expected


def test_subset_of_a_count_is_not_counted_twice():
    found, _ = sizes_of("Twenty civilians, including seven children, were killed in the strike.")
    assert found == [("killed", 20)]


def test_attackers_are_not_victims():
    found, _ = sizes_of("Two gunmen killed nine worshippers at the shrine.")
    assert found == [("killed", 9)]


@pytest.mark.parametrize(
    "text",
    [
        "The minister served two terms over eight years.",
        "The government raised fuel prices by 30 percent in 2019.",
        "Three parties signed the coalition agreement on Monday.",
        "The 64-year-old lawyer was released.",
        "Inflation reached 12 percent last month.",
    ],
)
def test_numbers_that_are_not_casualties_or_crowds(text):
    found, _ = sizes_of(text)
    assert found == []


def test_hedge_and_vague_plural_are_reported_as_qualifier():
    _, out = sizes_of("More than 200 protesters were arrested, and dozens were injured.")
    by_kind = {s.kind: s for s in out}
    assert by_kind["arrested"].value == 200 and by_kind["arrested"].qualifier == "more than"
    assert by_kind["arrested"].text == "More than 200 protesters"
    assert by_kind["injured"].value == 24 and by_kind["injured"].qualifier == "approximate"


def test_exact_number_has_no_qualifier():
    _, out = sizes_of("Soldiers detained 45 men at the market.")
    assert [(s.kind, s.value, s.qualifier) for s in out] == [("arrested", 45, None)]


@pytest.mark.parametrize(
    "words,value,approx",
    [
        (["twenty-five"], 25, False),
        (["a", "dozen"], 12, False),
        (["1.5", "million"], 1_500_000, False),
        (["5,000"], 5000, False),
        (["three", "hundred"], 300, False),
        (["hundreds"], 200, True),
        (["tens", "thousands"], 20000, True),
        (["hundreds", "thousands"], 200000, True),
        (["several"], None, False),
    ],
)
def test_number_value(words, value, approx):
    got, got_approx = number_value(words)
    assert got == value
    if value is not None:
        assert got_approx is approx


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gunmen shot dead the village chief on Monday.", [("killed", 1)]),
        ("Soldiers killed Omar Bakri near the market.", [("killed", 1)]),
        ("Police are holding 40 activists at the stadium.", [("arrested", 40)]),
        ("Up to 800 miners began a hunger strike on Monday.", [("crowd", 800)]),
        ("A Valdorian prisoner died in custody last week.", [("killed", 1)]),
    ],
)
def test_singular_victims_and_people_objects(text, expected):
    found, _ = sizes_of(text)
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "A patrol helicopter was shot down over the valley.",
        "The union held a general strike across the province.",
        "The army will detain 30 people at the border.",
        "Rebels tried to kill the governor on Sunday.",
        "Police did not arrest 30 students.",
        "Members of a body linked to the council visited the town.",
        "The party organised a number of rallies last year.",
    ],
)
def test_things_that_are_not_counted_casualties(text):
    found, _ = sizes_of(text)
    assert found == []


def test_claimed_lives_but_not_claimed_victories():
    found, _ = sizes_of("The clashes claimed 14 lives on Sunday.")
    assert found == [("killed", 14)]
    found, _ = sizes_of("The rebels claimed three victories on Sunday.")
    assert found == []


def test_marching_soldiers_are_not_a_protest_crowd():
    found, _ = sizes_of("About 5,000 soldiers marched into the border town.")
    assert found == []
    found, _ = sizes_of("About 5,000 students marched into the border town.")
    assert found == [("crowd", 5000)]
