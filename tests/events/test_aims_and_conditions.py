"""Aims, conditions and considered acts are not reported happenings: the purpose of an act
("reopened the road to allow ..."), the consequence of a condition ("if ..., we are ready to ..."),
an indefinite act in the subject of a modal clause ("an agreement would be ..."). Sentences
written for these tests."""

from __future__ import annotations

import pytest
from fixtures_structure import annotate, token

from chronicle.events.modifiers import find_modifiers


def hypothetical(text: str, trigger: str) -> bool:
    ann = annotate(text, None)
    trig = token(ann, trigger, 0)
    return find_modifiers(ann, trig.sent, trig).hypothetical


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("Engineers closed the bridge on Friday to allow divers to inspect the pillars.", "allow"),
        ("The radar stations are there to intercept incoming aircraft.", "intercept"),
        ("The mayor lowered the fees to encourage traders to return.", "encourage"),
        ("If the islanders vote to leave, we are ready to accept their decision.", "ready"),
        ("Unless the strike ends, the company will dismiss the staff.", "dismiss"),
        ("A quiet deal between the two neighbours would be risky for both.", "deal"),
        ("The price of cutting aid could be high for the region.", "aid"),
        ("The envoy tried persuading the junta to free the detained reporters.", "free"),
    ],
)
def test_aims_conditions_and_considered_acts_are_hypothetical(text, trigger):
    assert hypothetical(text, trigger) is True


@pytest.mark.parametrize(
    "text,trigger",
    [
        # a trip's purpose is what the trip was for, and the trip is reported as made
        ("The minister flew to Lagos on Monday to meet the governor.", "meet"),
        ("The president sent two envoys to the capital to discuss the ceasefire.", "discuss"),
        # a particular act, not a considered one: the attack happened
        ("The attack would be the deadliest in the city since 2010, officials said.", "attack"),
        # "even if" concedes, it does not make a condition
        ("Even if the talks fail, the army withdrew its tanks from the border on Sunday.", "withdrew"),
        ("Police arrested the two organisers on Tuesday.", "arrested"),
    ],
)
def test_reported_acts_stay_asserted(text, trigger):
    assert hypothetical(text, trigger) is False


@pytest.mark.parametrize("text,trigger", [
    ("Why did the police arrest the students before the vote?", "arrest"),
    ('"Why do you say the plan is approved by the people?" the envoy asked.', "approved"),
])
def test_what_a_question_asks_is_not_asserted(text, trigger):
    assert hypothetical(text, trigger) is True


def test_a_statement_after_a_question_is_asserted():
    assert hypothetical("Who was to blame? Police arrested the two organisers on Tuesday.", "arrested") is False
