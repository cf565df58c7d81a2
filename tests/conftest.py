"""Fixtures shared by the top-level tests of batches and records: one default pipeline for the
session (loading it is the slow part), and a corpus of the project's own generated articles
(benchmarks/corpus.py) for the batch, resume and ownership tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_support import ROOT  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_corpus  # noqa: E402  (the project's own article templates)


@pytest.fixture(scope="session")
def pipeline():
    from chronicle.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """40 generated articles of about 120 words, as JSON lines."""
    return write_corpus(tmp_path_factory.mktemp("corpus") / "articles.jsonl", count=40, seed=7, words=120)
