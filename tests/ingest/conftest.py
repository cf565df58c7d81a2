"""Shared helpers of the ingestion tests."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
PAGES = FIXTURES / "pages"


@pytest.fixture
def pages_dir() -> Path:
    return PAGES


@pytest.fixture(scope="module")
def server():
    from ingest_server import LocalServer

    with LocalServer() as running:
        yield running
