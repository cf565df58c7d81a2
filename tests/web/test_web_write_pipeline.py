"""POST an article through the real pipeline (built lazily, once) and read it back."""

from __future__ import annotations

import os

import pytest

from web_corpus import TOKEN

TEXT = ("Hundreds of nurses protested outside the health ministry in Nairobi on Monday, demanding unpaid wages. "
        "Police arrested twelve of them, a union spokesman said.")
HTML = ("<html><head><title>Strike</title></head><body><article><h1>Nurses strike</h1>"
        f"<p>{TEXT}</p></article></body></html>")


@pytest.fixture(scope="module")
def real_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from chronicle.web.app import create_app

    app = create_app(str(tmp_path_factory.mktemp("w") / "w.db"), token=TOKEN)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def test_post_text_extracts_and_stores(real_client):
    headers = {"Authorization": f"Bearer {TOKEN}"}
    r = real_client.post("/api/articles", json={"text": TEXT, "published": "2024-05-06", "id": "nurses"},
                         headers=headers)
    assert r.status_code == 201, r.text
    record = r.json()
    assert record["text"] == TEXT and record["published"] == "2024-05-06"
    stored = real_client.get("/api/articles/nurses").json()
    assert stored["events"] == record["events"] and len(stored["event_ids"]) == len(record["events"])
    worker = real_client.app.state.extractor.stats()["pid"]
    assert worker and worker != os.getpid()  # extracted in the server's worker process
    again = real_client.post("/api/articles", json={"text": TEXT, "published": "2024-05-06", "id": "nurses"},
                             headers=headers)
    assert again.json()["stored"] == "unchanged"
    assert real_client.app.state.extractor.stats()["pid"] == worker  # the same worker, loaded once


def test_post_html(real_client):
    r = real_client.post("/api/articles", json={"html": HTML, "id": "nurses-html"},
                         headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    assert "nurses protested" in r.json()["text"] and "<p>" not in r.json()["text"]


def test_post_of_unreadable_text_is_a_client_error(real_client):
    headers = {"Authorization": f"Bearer {TOKEN}"}
    german = ("Die Regierung hat am Montag neue Sanktionen beschlossen, wie das Ministerium in Berlin "
              "mitteilte. Die Opposition kritisierte die Entscheidung scharf.")
    r = real_client.post("/api/articles", json={"text": german}, headers=headers)
    assert r.status_code == 422 and "unsupported_language" in r.json()["detail"]
