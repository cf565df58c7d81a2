"""Shared, session-scoped resources for the times tests: one spaCy pipeline, one tagger."""

import pytest


@pytest.fixture(scope="session")
def nlp():
    from chronicle.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def tagger():
    from chronicle.times.tagger import TimeTagger

    return TimeTagger()


@pytest.fixture(scope="session")
def tag(nlp, tagger):
    """tag(text, published) -> list[Time], parsed with the real pipeline."""

    def run(text, published):
        return tagger.tag(text, published, nlp(text))

    return run
