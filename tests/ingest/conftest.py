"""Shared helpers of the ingestion tests."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
PAGES = FIXTURES / "pages"


@pytest.fixture
def pages_dir() -> Path:
    return PAGES
