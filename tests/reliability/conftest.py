"""Shared fixtures of the reliability tests: one pipeline per session, hostile text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline, built once (spaCy and every stage's resources load here)."""
    from chronicle.pipeline import Pipeline

    return Pipeline()
