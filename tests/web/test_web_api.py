"""The read and write API through FastAPI's TestClient."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from web_corpus import TOKEN
from web_corpus import CITIES, TEMPLATES, corpus

RECORDS = corpus()


def expected(pred) -> int:
    return sum(1 for r in RECORDS for e in r.events if pred(r, e))


def test_events_filters_match_the_corpus(client):
    assert client.get("/api/events").json()["total"] == expected(lambda r, e: True)
    cases = {
        "type=PROTEST": lambda r, e: e.type == "PROTEST",
        "mode=arrest": lambda r, e: e.mode == "arrest",
        "acled_event_type=Protests": lambda r, e: e.acled_event_type == "Protests",
        "country=KE": lambda r, e: r.places[0].country_code == "KE",
        "country=IRQ": lambda r, e: r.places[0].country_code == "IQ",
        "historical=true": lambda r, e: e.historical,
        "historical=false": lambda r, e: not e.historical,
        "min_confidence=0.8": lambda r, e: e.confidence >= 0.8,
        "date_from=2024-03-10&date_to=2024-03-20": lambda r, e: "2024-03-10" <= e.date <= "2024-03-20",
        "actor=police": lambda r, e: any("Police" in r.actors[a.actor].name for a in e.actor),
        "recipient=traders": lambda r, e: any("traders" in r.actors[a.actor].name for a in e.recipient),
        "bbox=30,45,40,55": lambda r, e: 45 <= r.places[0].lat <= 55 and 30 <= r.places[0].lon <= 40,
        "q=wages": lambda r, e: "wages" in r.text,
        "type=ASSAULT&country=IQ": lambda r, e: e.type == "ASSAULT" and r.places[0].country_code == "IQ",
    }
    for query, pred in cases.items():
        want = expected(pred)
        got = client.get("/api/events?" + query).json()
        assert got["total"] == want, query
        assert len(got["events"]) == min(want, 50), query
    assert expected(lambda r, e: "Police" in r.actors[e.actor[0].actor].name) > 0


def test_pagination_covers_every_event_once(client):
    seen = []
    for offset in range(0, 60, 10):
        seen += [e["id"] for e in client.get(f"/api/events?limit=10&offset={offset}").json()["events"]]
    assert len(seen) == len(set(seen)) == expected(lambda r, e: True)


def test_bad_parameters_are_422(client):
    for query in ("date_from=yesterday", "bbox=1,2,3", "min_confidence=2", "historical=maybe", "limit=100000",
                  "bbox=0,100,1,101"):
        assert client.get("/api/events?" + query).status_code == 422, query


def test_event_with_evidence(client):
    [e] = client.get("/api/events?q=wages&limit=1").json()["events"]
    got = client.get(f"/api/events/{e['id']}").json()
    assert got["sentence"].endswith("to demand higher wages.")
    assert got["coded"]["trigger"]["text"] == "marched"
    assert got["place"]["name"] in {c[0] for c in CITIES}
    assert got["time"]["type"] == "DATE"
    assert client.get("/api/events/999999").status_code == 404


def test_article_with_all_annotations(client):
    got = client.get("/api/articles/art-003").json()
    want = RECORDS[3].to_dict()
    for key in ("text", "places", "times", "actors", "events", "title"):
        assert got[key] == want[key]
    assert len(got["event_ids"]) == 1
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/articles").json()["total"] == len(RECORDS)


def test_actor_with_its_events(client):
    actors = client.get("/api/actors?q=police").json()["actors"]
    assert actors and all("police" in a["name"].lower() for a in actors)
    got = client.get(f"/api/actors/{actors[0]['id']}").json()
    assert got["as_actor"] == len(got["events"]) > 0
    assert all(e["type"] == "COERCE" for e in got["events"])
    assert client.get("/api/actors/999999").status_code == 404


def test_counts_by_day_and_type(client):
    counts = client.get("/api/counts/daily?historical=false").json()["counts"]
    total = sum(c["n"] for c in counts)
    assert total == expected(lambda r, e: not e.historical)
    by_type = {c["value"]: c["n"] for c in client.get("/api/counts/type").json()["counts"]}
    assert by_type["PROTEST"] == expected(lambda r, e: e.type == "PROTEST")
    assert client.get("/api/counts/text").status_code == 422


def test_network(client):
    net = client.get("/api/network").json()
    names = {n["id"]: n["name"] for n in net["nodes"]}
    pairs = {(names[e["source"]], names[e["target"]]) for e in net["edges"]}
    assert ("Gunmen (KEN)", "traders (KEN)") in pairs or ("Gunmen (IRQ)", "traders (IRQ)") in pairs
    assert sum(e["n"] for e in net["edges"]) == expected(lambda r, e: bool(e.recipient))


def test_points_for_the_map(client):
    data = client.get("/api/points?country=PE").json()
    assert data["points"] and all(p[1] == -12.043 and p[2] == -77.028 for p in data["points"])


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson", "parquet"])
def test_exports_of_a_filtered_set(client, fmt, tmp_path):
    r = client.get(f"/api/export.{fmt}?type=PROTEST")
    assert r.status_code == 200
    assert r.headers["content-disposition"] == f'attachment; filename="chronicle-events.{fmt}"'
    want = expected(lambda r, e: e.type == "PROTEST")
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert len(rows) == want and {row["plover_type"] for row in rows} == {"PROTEST"}
    elif fmt == "jsonl":
        assert len([json.loads(x) for x in r.text.splitlines()]) == want
    elif fmt == "geojson":
        assert len(r.json()["features"]) == want
    else:
        path = tmp_path / "x.parquet"
        path.write_bytes(r.content)
        assert pq.read_table(path).num_rows == want


def test_unknown_export_format_is_refused(client):
    assert client.get("/api/export.xlsx").status_code == 422


def test_openapi_is_served(client):
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "post" in spec["paths"]["/api/articles"]
    page = client.get("/api-docs").text
    assert "/api/export.{fmt}" in page


def auth(token=TOKEN):
    return {"Authorization": f"Bearer {token}"}


def test_post_needs_the_token(client):
    body = {"text": "Farmers blocked the highway near Lima on Monday."}
    assert client.post("/api/articles", json=body).status_code == 401
    assert client.post("/api/articles", json=body, headers=auth("wrong")).status_code == 401
    assert client.post("/api/articles", json=body, headers={"Authorization": TOKEN}).status_code == 401
    assert client.app.state.stub.calls == 0
    r = client.post("/api/articles", json=dict(body, id="post-1", title="Blockade"), headers=auth())
    assert r.status_code == 201, r.text
    assert r.json()["stored"] == "new or changed"
    assert client.get("/api/articles/post-1").json()["title"] == "Blockade"
    # the same article again: stored once
    assert client.post("/api/articles", json=dict(body, id="post-1", title="Blockade"), headers=auth()).json()["stored"] == "unchanged"


def test_writes_disabled_without_a_configured_token(web_db):
    from fastapi.testclient import TestClient

    from chronicle.web.app import create_app

    with TestClient(create_app(web_db, token=""), base_url="http://127.0.0.1") as c:
        assert c.post("/api/articles", json={"text": "x"}, headers=auth("")).status_code == 403


def test_oversized_body_is_413(client):
    big = {"text": "word " * 20000}  # over the 64 KiB limit the fixture sets
    r = client.post("/api/articles", json=big, headers=auth())
    assert r.status_code == 413
    assert client.app.state.stub.calls == 0

    def chunks():  # no Content-Length: the body is counted as it streams
        for _ in range(40):
            yield b"x" * 4096

    r = client.post("/api/articles", content=chunks(), headers=dict(auth(), **{"Content-Type": "application/json"}))
    assert r.status_code == 413


def test_post_needs_some_content(client):
    assert client.post("/api/articles", json={"title": "empty"}, headers=auth()).status_code == 422


def test_post_url_to_a_private_address_is_refused(client):
    r = client.post("/api/articles", json={"url": "http://127.0.0.1:9/secret"}, headers=auth())
    assert r.status_code == 422 and "forbidden_address" in r.json()["detail"]
    r = client.post("/api/articles", json={"url": "file:///etc/passwd"}, headers=auth())
    assert r.status_code == 422
    # 127.0.0.1 inside a 6to4 IPv6 address is loopback all the same
    r = client.post("/api/articles", json={"url": "http://[2002:7f00:1::]/"}, headers=auth())
    assert r.status_code == 422 and "forbidden_address" in r.json()["detail"]
