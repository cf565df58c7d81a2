"""The API over a PostgreSQL store: the same answers as over SQLite."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from pgserver import fresh_database, postgres_or_skip  # noqa: E402

from web_corpus import TOKEN, corpus  # noqa: E402

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_client():
    from fastapi.testclient import TestClient

    from chronicle.store import open_store
    from chronicle.web.app import create_app

    gen = postgres_or_skip()
    url = fresh_database(next(gen))
    store = open_store(url)
    store.save_many(corpus())
    store.close()
    with TestClient(create_app(url, token=TOKEN), base_url="http://127.0.0.1") as c:
        yield c
    gen.close()


def test_same_answers_as_sqlite(pg_client, client):
    queries = ["", "type=PROTEST", "country=IRQ", "q=wages", "q=stormed building", "actor=police",
               "recipient=traders", "date_from=2024-03-10&date_to=2024-03-20", "bbox=30,45,40,55",
               "historical=true", "min_confidence=0.8", "q=' OR 1=1 --"]
    for q in queries:
        want = client.get("/api/events?limit=100&" + q).json()
        got = pg_client.get("/api/events?limit=100&" + q).json()
        assert got["total"] == want["total"], q
        assert [e["article_id"] for e in got["events"]] == [e["article_id"] for e in want["events"]], q
    assert pg_client.get("/api/counts/daily").json() == client.get("/api/counts/daily").json()
    net_pg, net_lite = pg_client.get("/api/network").json(), client.get("/api/network").json()
    assert sorted(e["n"] for e in net_pg["edges"]) == sorted(e["n"] for e in net_lite["edges"])
    assert pg_client.get("/api/counts/timeline").json() == client.get("/api/counts/timeline").json()
    assert pg_client.get("/api/areas").json() == client.get("/api/areas").json()
    for sort in ("type", "-fatalities", "country", "-confidence"):
        want = [e["article_id"] for e in client.get("/api/events?limit=100&sort=" + sort).json()["events"]]
        assert [e["article_id"] for e in pg_client.get("/api/events?limit=100&sort=" + sort).json()["events"]] == want


def test_pages_and_exports_on_postgres(pg_client):
    assert "&lt;script&gt;" in pg_client.get("/articles/hostile-1").text
    r = pg_client.get("/api/export.csv?type=ASSAULT")
    assert r.status_code == 200 and r.text.count("\n") > 1
