"""A country's name that names a division of another country ("Niger state" in
Nigeria) is a place there, not an actor of that country."""

import pytest

from chronicle.record import Article
from chronicle.stage import Annotations


@pytest.fixture(scope="module")
def resolve_with_places(nlp, stage):
    from chronicle.places import PlaceStage

    places = PlaceStage()

    def run(text):
        ann = Annotations(article=Article(text=text), doc=nlp(text), published="2021-02-27")
        ann.places = places(ann)
        actors, _ = stage.resolve(ann)
        return actors

    return run


def _countries(actors):
    return {a.country for a in actors}


def test_a_division_named_like_a_country_makes_no_actor_of_that_country(resolve_with_places):
    actors = resolve_with_places(
        "ABUJA, Nigeria - Gunmen stormed a boarding school in neighbouring Niger state on Wednesday, "
        "police in Nigeria said.")
    assert "NER" not in _countries(actors)
    assert "NGA" in _countries(actors)


def test_the_country_itself_is_still_an_actor(resolve_with_places):
    actors = resolve_with_places(
        "ABUJA, Nigeria - Niger's foreign minister met Nigerian officials on Wednesday to discuss border patrols.")
    assert "NER" in _countries(actors)
