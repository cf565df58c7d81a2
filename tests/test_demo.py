"""The bundled demo corpus, end to end: every record valid, every offset pointing at its text."""

from pathlib import Path

import pytest

from chronicle.batch import run_batch

CORPUS = Path(__file__).resolve().parents[1] / "demo" / "corpus"


@pytest.fixture(scope="module")
def demo_records(tmp_path_factory):
    import json

    out = tmp_path_factory.mktemp("demo") / "records.jsonl"
    run_batch([str(CORPUS)], out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _spans(record):
    """Every (start, end, text-or-None) the record claims about its text."""
    for key in ("places", "times", "actors"):
        for item in record[key]:
            yield item["start"], item["end"], item["text"]
            for mention in item.get("mentions") or []:
                yield mention["start"], mention["end"], mention["text"]
    for event in record["events"]:
        for ref in event["actor"] + event["recipient"]:
            yield ref["start"], ref["end"], ref["text"]
        if event.get("trigger"):
            yield event["trigger"]["start"], event["trigger"]["end"], event["trigger"]["text"]
        if event.get("sentence"):
            yield event["sentence"]["start"], event["sentence"]["end"], None
        if event.get("attributed_span"):
            span = event["attributed_span"]
            yield span["start"], span["end"], span["text"]
        for size in event.get("sizes") or []:
            yield size["start"], size["end"], size["text"]


def test_every_input_yields_one_record_in_order(demo_records):
    inputs = sorted(p for p in CORPUS.rglob("*") if p.suffix in {".txt", ".html", ".jsonl"})
    expected = sum(len(p.read_text().splitlines()) if p.suffix == ".jsonl" else 1 for p in inputs)
    assert len(demo_records) == expected
    assert all(r["schema_version"] == "1" and r["id"] for r in demo_records)


def test_the_broken_row_is_an_error_record_and_the_batch_goes_on(demo_records):
    errors = [r for r in demo_records if r.get("error")]
    assert [e["id"] for e in errors] == ["broken-001"]
    assert errors[0]["error"]["code"] and errors[0]["error"]["message"]
    assert sum(1 for r in demo_records if not r.get("error")) == len(demo_records) - 1


def test_every_offset_indexes_the_record_text(demo_records):
    checked = 0
    for record in demo_records:
        text = record["text"]
        for start, end, surface in _spans(record):
            assert 0 <= start < end <= len(text), (record["id"], start, end)
            if surface is not None:
                assert text[start:end] == surface, (record["id"], surface, text[start:end])
            checked += 1
        for event in record["events"]:
            for ref in event["actor"] + event["recipient"]:
                assert 0 <= ref["actor"] < len(record["actors"])
            if event["location"] is not None:
                assert 0 <= event["location"] < len(record["places"])
    assert checked > 100  # the demo articles name many places, times and actors
