"""A possessive pronoun on a request that the clause's subject decides on ("X denied his
request") is someone else's: one does not deny one's own request (actors/coreference.py).
Sentences written for these tests."""

from __future__ import annotations

from actor_lookup import actor_covering


def _holder(actors, word):
    for a in actors:
        if any(m.text == word for m in a.mentions):
            return a
    return None


def test_his_request_denied_by_another_person_is_the_earlier_person_s(resolve):
    actors, _ = resolve(
        "Governor Mark Ellison of Ohio wrote to Washington last month. On Tuesday Treasury Secretary Janet Yellen "
        "denied his request for emergency funds.",
        published="2023-05-01",
    )
    his = _holder(actors, "his")
    assert his is not None and his is actor_covering(actors, "Ellison")


def test_his_request_submitted_by_the_subject_stays_the_subject_s(resolve):
    # one submits one's own request: "submit" decides nothing, the nearest person wins
    actors, _ = resolve(
        "Governor Mark Ellison of Ohio wrote to Washington last month. On Tuesday Treasury Secretary John Hale "
        "submitted his request for emergency funds.",
        published="2023-05-01",
    )
    his = _holder(actors, "his")
    assert his is not None and his is actor_covering(actors, "Hale")


def test_their_bid_rejected_is_the_plural_group_named_before(resolve):
    actors, _ = resolve(
        "Opposition lawmakers tried to force a vote on the budget, but the speaker rejected their bid on Monday.",
        published="2023-05-01",
    )
    their = _holder(actors, "their")
    assert their is not None and their is actor_covering(actors, "lawmakers")
