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
