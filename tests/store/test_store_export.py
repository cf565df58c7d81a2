"""Exports of a filtered event set: JSON lines, ACLED-like CSV, GeoJSON, Parquet."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pyarrow.parquet as pq
import pytest

from chronicle.export import ACLED_COLUMNS, export_chunks, export_events
from chronicle.record import Size
from chronicle.store import EventFilter, open_store


@pytest.fixture
def filled(tmp_path, basra, doha):
    # the historical killing states its dead
    basra.events[2].sizes = [Size(kind="killed", value=300, text="hundreds", start=0, end=1)]
    s = open_store(str(tmp_path / "x.db"))
    s.save_many([basra, doha])
    yield s
    s.close()


def _bytes(events, fmt):
    return b"".join(export_chunks(events, fmt))


def test_jsonl_has_one_line_per_filtered_event(filled):
    lines = _bytes(filled.iter_events(EventFilter(country="IQ")), "jsonl").decode().splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 3 and {r["article_id"] for r in rows} == {"basra-1"}
    assert all(isinstance(r["historical"], bool) for r in rows)


def test_csv_has_acled_columns(filled):
    text = _bytes(filled.iter_events(EventFilter(type="ASSAULT")), "csv").decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0].keys()) == ACLED_COLUMNS
    by_sub = {r["sub_event_type"]: r for r in rows}
    attack = by_sub["Attack"]
    assert attack["event_type"] == "Violence against civilians"
    assert attack["country"] == "Iraq" and attack["iso"] == "368" and attack["event_id_cnty"].startswith("IRQ")
    assert attack["actor1"] == "Iraqi security forces" and attack["actor2"] == "protesters"
    assert attack["fatalities"] == "300" and attack["year"] == "2019" and attack["time_precision"] == "3"
    assert attack["notes"] == "In 2019, security forces killed hundreds of demonstrators."
    assert by_sub["Protest with intervention"]["time_precision"] == "1"


def test_csv_neutralises_spreadsheet_formulas(tmp_path, basra):
    basra.title = "x"
    basra.text = "=HYPERLINK(\"http://x\") " + basra.text
    shift = len("=HYPERLINK(\"http://x\") ")
    for e in basra.events:
        e.sentence.start = 0 if e.sentence.start == 0 else e.sentence.start + shift
        e.sentence.end += shift
    s = open_store(str(tmp_path / "f.db"))
    s.save(basra)
    rows = list(csv.DictReader(io.StringIO(_bytes(s.iter_events(), "csv").decode())))
    s.close()
    assert any(r["notes"].startswith("'=HYPERLINK") for r in rows)
    assert not any(r["notes"].startswith("=") for r in rows)


def test_geojson_points_are_lon_lat(filled):
    data = json.loads(_bytes(filled.iter_events(), "geojson"))
    assert data["type"] == "FeatureCollection"
    # the undated COOPERATE event has no place: left out
    assert len(data["features"]) == 5
    basra = [f for f in data["features"] if f["properties"]["place_name"] == "Basra"][0]
    assert basra["geometry"]["coordinates"] == [47.783, 30.508]


def test_parquet_round_trip(filled, tmp_path):
    path = tmp_path / "events.parquet"
    export_events(filled.iter_events(EventFilter(historical=False)), "parquet", path)
    table = pq.read_table(path)
    assert table.num_rows == 5 and table.column_names == ACLED_COLUMNS
    assert set(table.column("plover_type").to_pylist()) == {"PROTEST", "ASSAULT", "AGREE", "CONSULT", "COOPERATE"}
    assert table.schema.field("latitude").type == "double"


def test_empty_parquet_is_valid(filled, tmp_path):
    path = tmp_path / "none.parquet"
    export_events(filled.iter_events(EventFilter(type="SANCTION")), "parquet", path)
    assert pq.read_table(path).num_rows == 0


def test_unknown_format_is_refused(filled):
    with pytest.raises(ValueError):
        export_chunks(filled.iter_events(), "xlsx")


def test_geo_precision_follows_the_place_feature(tmp_path, basra):
    s = open_store(str(tmp_path / "g.db"))
    s.save(basra)
    basra_province = dataclasses.replace(basra, id="basra-province")
    basra_province.places = [dataclasses.replace(basra.places[0], feature="admin1", name="Basra Governorate")]
    s.save(basra_province)
    rows = list(csv.DictReader(io.StringIO(_bytes(s.iter_events(), "csv").decode())))
    s.close()
    precision = {(r["article_id"], r["location"]): r["geo_precision"] for r in rows}
    assert precision == {("basra-1", "Basra"): "1", ("basra-province", "Basra Governorate"): "3"}


def test_jsonl_export_escapes_line_separators_as_records_do(tmp_path, basra):
    import chronicle.export.writers as writers
    import chronicle.record as record

    assert writers.json_line is record.json_line  # one escaping for records and exports
    # U+2028, U+2029 and NEL inside a sentence: valid JSON, but splitlines() would cut the row
    text = basra.text.replace("demanding jobs", "demanding\u2028jobs\u2029and\x85bread")
    shift = len(text) - len(basra.text)
    rec = dataclasses.replace(basra, text=text)
    for e in rec.events:
        if e.sentence.end > text.index("bread"):
            e.sentence = dataclasses.replace(e.sentence, end=e.sentence.end + shift)
        if e.trigger.start > text.index("bread"):
            e.trigger = dataclasses.replace(e.trigger, start=e.trigger.start + shift, end=e.trigger.end + shift)
    rec.places, rec.actors = [], []
    for e in rec.events:
        e.location, e.actor, e.recipient = None, [], []
    s = open_store(str(tmp_path / "sep.db"))
    s.save(rec)
    data = _bytes(s.iter_events(), "jsonl").decode("utf-8")
    lines = data.splitlines()
    assert len(lines) == 3
    marched = [json.loads(line) for line in lines if json.loads(line)["trigger_text"] == "marched"][0]
    assert "\u2028jobs\u2029and\x85bread" in marched["sentence"]
    geo = _bytes(s.iter_events(), "geojson").decode("utf-8")
    assert "\u2028" not in geo  # no located events here, but the same writer: nothing raw
    s.close()
