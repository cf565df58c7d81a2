"""A store of a few dozen written records, an app over it, and (for the browser
tests) a real uvicorn server on loopback."""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from web_corpus import TOKEN, corpus  # noqa: E402


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

    import shutil

    db = tmp_path / "web.db"  # each test writes to its own copy
    shutil.copyfile(web_db, db)
    stub = StubPipeline()
    app = create_app(str(db), token=TOKEN, max_body=64 * 1024, pipeline_factory=lambda: stub)
    app.state.stub = stub
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(web_db):
    """uvicorn serving the app on 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    from chronicle.web.app import create_app

    app = create_app(web_db, token=TOKEN, pipeline_factory=lambda: StubPipeline())
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
