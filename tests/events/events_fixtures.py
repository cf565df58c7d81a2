"""Fixtures of the events-classification tests: spaCy, the stage and the pipeline load once per session.

Imported by each test module (`from events_fixtures import *`), not a conftest, so the
other owners of tests/events keep their own set-up."""

import pytest


@pytest.fixture(scope="session")
def nlp():
    from chronicle.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def stage():
    from chronicle.events import EventStage

    return EventStage()


@pytest.fixture(scope="session")
def pipeline():
    from chronicle.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """Text -> the events of its record, through the full pipeline."""

    def run(text: str, published: str = "2024-03-05"):
        return pipeline.process(text, published=published).events

    return run
