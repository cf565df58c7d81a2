"""A stray hyphen at the end of a name's word ("Abul- Gheit") does not hide a known
person (actors/names.py). Sentences written for these tests."""

from __future__ import annotations

from actor_lookup import actor_covering

from chronicle.actors.names import fold


def test_fold_drops_a_trailing_hyphen_but_keeps_lone_joiners_and_particles():
    assert fold("Abul-") == fold("Abul")
    assert fold("-") == "-"
    assert fold("al-") != fold("al")  # a particle written apart stays a particle


def test_a_known_minister_is_found_through_a_broken_hyphen(resolve):
    actors, _ = resolve("Foreign Minister Ahmed Aboul- Gheit flew to Khartoum on Sunday.", published="2009-03-01")
    person = actor_covering(actors, "Gheit")
    assert person.kind == "named" and person.country == "EGY"
