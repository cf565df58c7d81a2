"""A store of a few dozen written records, an app over it, and (for the browser
tests) a real uvicorn server on loopback."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from web_corpus import TOKEN, corpus  # noqa: E402
from web_server import serving  # noqa: E402


@pytest.fixture(scope="session")
def web_db(tmp_path_factory):
    from chronicle.store import open_store

    path = str(tmp_path_factory.mktemp("web") / "web.db")
    store = open_store(path)
    store.save_many(corpus())
    store.close()
    return path


class StubPipeline:
    """Stands in for the real pipeline in the write tests that are not about extraction."""

    def __init__(self):
        self.calls = 0

    def process(self, article):
        from chronicle.record import ArticleRecord, content_id

        self.calls += 1
        return ArticleRecord(id=article.id or content_id(article.text), title=article.title, url=article.url,
                             published=article.published, text=article.text)


@pytest.fixture
def client(web_db, tmp_path):
    from fastapi.testclient import TestClient

    from chronicle.web.app import create_app

    db = tmp_path / "web.db"  # each test writes to its own copy
    shutil.copyfile(web_db, db)
    stub = StubPipeline()
    app = create_app(str(db), token=TOKEN, max_body=64 * 1024, pipeline_factory=lambda: stub)
    app.state.stub = stub
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


CHROMIUM = os.environ.get("CHRONICLE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def server(web_db):
    """The app over the written store, served on loopback; yields its base URL."""
    from chronicle.web.app import create_app

    with serving(create_app(web_db, token=TOKEN, pipeline_factory=lambda: StubPipeline())) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright; skipped where either is missing."""
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not installed at {CHROMIUM}: apt-get install -y chromium")
    from chronicle.web.assets import vendor_available

    if not vendor_available():
        pytest.skip("front-end libraries not installed: run `npm ci` (make venv does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
