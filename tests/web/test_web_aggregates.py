"""The map's areas, the timeline's counts and the typed network, recounted from the events
themselves on a generated store (benchmarks/web_events.py: country- and province-level places,
background events, stated deaths)."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gen_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from chronicle.web.app import create_app

    spec = importlib.util.spec_from_file_location("web_events", ROOT / "benchmarks" / "web_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = str(tmp_path_factory.mktemp("gen") / "gen.db")
    module.build(path, 1200)
    with TestClient(create_app(path), base_url="http://127.0.0.1") as c:
        c.all = list(c.app.state.store.iter_events())
        yield c


WIDE = {"country", "admin1", "region", "continent"}


def test_areas_count_every_event_placed_only_at_country_or_province_level(gen_client):
    areas = gen_client.get("/api/areas").json()["areas"]
    wide = [e for e in gen_client.all if e["place_feature"] in WIDE]
    assert wide and sum(a["n"] for a in areas) == len(wide)
    iraq = next(a for a in areas if a["feature"] == "country" and a["country_code"] == "IQ")
    in_iraq = [e for e in wide if e["place_feature"] == "country" and e["country_code"] == "IQ"]
    assert iraq["n"] == len(in_iraq) and iraq["country"] == "Iraq" and iraq["iso_n3"] == "368"
    assert iraq["fatalities"] == sum(e["fatalities"] or 0 for e in in_iraq)
    assert iraq["types"] == dict(Counter(e["type"] for e in in_iraq))
    assert {a["feature"] for a in areas} == {"country", "admin1"}
    # filtered like every other view
    protests = gen_client.get("/api/areas?type=PROTEST").json()["areas"]
    assert sum(a["n"] for a in protests) == sum(1 for e in wide if e["type"] == "PROTEST")


def test_town_points_leave_area_events_out(gen_client):
    town = gen_client.get("/api/points?precision=town").json()
    every = gen_client.get("/api/points").json()
    assert town["fields"][-1] == "feature" and all(p[7] not in WIDE for p in town["points"])
    assert len(every["points"]) - len(town["points"]) == sum(1 for e in gen_client.all
                                                              if e["place_feature"] in WIDE and e["lat"] is not None)


def test_timeline_counts_news_and_background_apart_with_deaths(gen_client):
    body = gen_client.get("/api/counts/timeline").json()
    assert body["fields"] == ["day", "type", "historical", "n", "fatalities"]
    rows = body["rows"]
    for flag in (0, 1):
        events = [e for e in gen_client.all if int(e["historical"]) == flag]
        assert sum(r[3] for r in rows if r[2] == flag) == len(events) > 0
        assert sum(r[4] for r in rows if r[2] == flag) == sum(e["fatalities"] or 0 for e in events)
    assert len({(r[0], r[1], r[2]) for r in rows}) == len(rows)


def test_network_edges_carry_their_types(gen_client):
    net = gen_client.get("/api/network?limit=40").json()
    assert len(net["edges"]) == 40
    for e in net["edges"]:
        assert sum(e["types"].values()) == e["n"] and e["types"][e["type"]] == max(e["types"].values())
    ns = [e["n"] for e in net["edges"]]
    assert ns == sorted(ns, reverse=True)
    ids = {n["id"] for n in net["nodes"]}
    assert ids == {e["source"] for e in net["edges"]} | {e["target"] for e in net["edges"]}


@pytest.mark.parametrize("sort, key, reverse", [("type", "type", False), ("-confidence", "confidence", True),
                                                ("country", "country_code", False), ("-fatalities", "fatalities", True)])
def test_events_sort_by_column_with_empty_cells_last(gen_client, sort, key, reverse):
    events = gen_client.get(f"/api/events?limit=1000&sort={sort}").json()["events"]
    values = [e[key] for e in events]
    filled = [v for v in values if v is not None]
    assert values[:len(filled)] == filled  # empty cells last
    assert filled == sorted(filled, reverse=reverse)


def test_acled_export_of_the_filter(gen_client):
    r = gen_client.get("/api/export.acled?country=IQ&type=ASSAULT")
    assert r.status_code == 200 and 'filename="chronicle-acled.csv"' in r.headers["content-disposition"]
    lines = r.text.strip().splitlines()
    assert lines[0].startswith("event_id_cnty,event_date") and lines[0].endswith("fatalities")
    assert len(lines) - 1 == sum(1 for e in gen_client.all if e["country_code"] == "IQ" and e["type"] == "ASSAULT")
    assert all(",Iraq," in line for line in lines[1:])
