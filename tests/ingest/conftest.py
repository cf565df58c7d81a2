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


@pytest.fixture(autouse=True)
def allow_loopback_fetch(monkeypatch):
    """Every fetching test here talks to a server the test started on 127.0.0.1, which
    the fetcher refuses by default (server-side request forgery): the operator's switch."""
    monkeypatch.setenv("CHRONICLE_ALLOW_PRIVATE_FETCH", "1")
