"""Ingestion's decisions reach the output record's `notes`, end to end through a batch,
and an input that is not coded still has its record."""

from __future__ import annotations

import json

import pytest

from chronicle.batch import run_batch
from chronicle.store import open_store

PARAGRAPH = ("Iraq’s security forces fired tear gas at protesters in Basra on Friday, a local health official said. "
             "Demonstrators had marched from Nasiriyah and Amarah to the governor’s office in Basra, demanding "
             "electricity and clean water during the summer heat.")


# a small limit, so the test does not parse 200,000 characters (the cut itself is tested in tests/ingest)
LIMIT = 3000


def test_notes_reach_the_records_and_a_repeated_page_has_its_own(tmp_path, pipeline, monkeypatch):
    monkeypatch.setattr("chronicle.ingest.read.MAX_BODY_CHARS", LIMIT)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-clean.txt").write_bytes(PARAGRAPH.encode("utf-8"))
    # one stray Latin-1 byte in UTF-8 text
    (folder / "b-stray.txt").write_bytes(PARAGRAPH.encode("utf-8").replace(b"official", b"offici\xe9l"))
    sentence = "Officials in Basra said the protests over power cuts would continue through the summer. "
    rows = [
        {"id": "long", "url": "https://news.example/long", "text": sentence * (LIMIT // len(sentence) + 20)},
        {"id": "undated", "url": "https://news.example/undated", "published": "sometime soon", "text": PARAGRAPH},
        {"id": "again", "url": "https://news.example/undated?utm_source=rss", "text": PARAGRAPH},
    ]
    (folder / "c-rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with open_store(str(tmp_path / "store.db")) as store:
        summary = run_batch([str(folder)], out, pipeline=pipeline, store=store)
        stored = {row["id"] for row in store._rows("SELECT id FROM articles")}
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.articles == len(records) == 5  # nothing dropped
    clean, stray, long, undated, again = records
    assert clean["notes"] == []
    assert [n["code"] for n in stray["notes"]] == ["bytes_replaced"]
    assert "Iraq’s" in stray["text"] and "â€" not in stray["text"]
    # the paragraph reads as well as the clean one: the same places, the same events
    assert [p["name"] for p in stray["places"]] == [p["name"] for p in clean["places"]] != []
    assert [e["type"] for e in stray["events"]] == [e["type"] for e in clean["events"]]
    assert [n["code"] for n in long["notes"]] == ["body_cut"] and len(long["text"]) <= LIMIT
    assert [n["code"] for n in undated["notes"]] == ["published_not_a_date"]
    assert again["id"] == "again" and again["error"] is None and again["text"] == "" and again["events"] == []
    assert [n["code"] for n in again["notes"]] == ["duplicate_url"] and ":2" in again["notes"][0]["message"]
    assert "again" not in stored and "undated" in stored  # the repeat has no text to store
