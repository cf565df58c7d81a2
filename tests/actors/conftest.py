"""Shared, loaded-once resources for the actors tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from chronicle.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def stage():
    from chronicle.actors import ActorStage

    return ActorStage()


@pytest.fixture(scope="session")
def resolve(nlp, stage):
    """resolve(text, published=None, focus=None) -> (actors, log) for a text written by the test."""
    from chronicle.record import Article
    from chronicle.stage import Annotations

    def run(text, published=None, focus=None, actor_stage=None):
        ann = Annotations(article=Article(text=text), doc=nlp(text), published=published)
        if focus:
            ann.notes["focus_country"] = focus
        return (actor_stage or stage).resolve(ann)

    return run


def actor_of(actors, mention_text):
    """The actor one of whose mentions is exactly `mention_text` (the first such)."""
    for a in actors:
        if any(m.text == mention_text for m in a.mentions):
            return a
    raise AssertionError(f"no actor has the mention {mention_text!r}: " + repr([(a.name, [m.text for m in a.mentions]) for a in actors]))


def actor_covering(actors, word):
    """The actor with a mention that contains `word`."""
    for a in actors:
        if any(word in m.text for m in a.mentions):
            return a
    raise AssertionError(f"no mention contains {word!r}: " + repr([(a.name, [m.text for m in a.mentions]) for a in actors]))
