"""`chronicle export`: the stored events through the export writers, filtered, to a checked path."""

from __future__ import annotations

import csv
import io
import json
import os

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.export import ACLED_COLUMNS, UnsafeOutputPath, output_path
from chronicle.export.acled import ACLED_ONLY_COLUMNS
from chronicle.store import open_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path, basra, doha):
    path = tmp_path / "events.db"
    with open_store(str(path)) as store:
        store.save_many([basra, doha])
    return path


def export(*args: str):
    return runner.invoke(app, ["export", *args])


def test_jsonl_to_a_file_has_every_event(db, tmp_path):
    out = tmp_path / "all.jsonl"
    result = export("jsonl", "--db", str(db), "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted((r["article_id"], r["idx"]) for r in rows) == [("basra-1", 0), ("basra-1", 1), ("basra-1", 2),
                                                                   ("doha-1", 0), ("doha-1", 1), ("doha-1", 2)]


def test_filters_select_events(db, tmp_path):
    out = tmp_path / "iraq.jsonl"
    assert export("jsonl", "--db", str(db), "-o", str(out), "--country", "IRQ", "--news-only").exit_code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # the 2019 killing is historical background: --news-only leaves it out
    assert {r["trigger_text"] for r in rows} == {"marched", "fired"}
    out2 = tmp_path / "agree.jsonl"
    assert export("jsonl", "--db", str(db), "-o", str(out2), "--type", "AGREE", "--from", "2020-08").exit_code == 0
    assert [json.loads(x)["trigger_text"] for x in out2.read_text().splitlines()] == ["agreed"]


def test_stdout_export(db):
    result = export("csv", "--db", str(db), "--type", "ASSAULT")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["trigger"] for r in rows} == {"fired", "killed"}


def test_acled_format_has_only_acled_columns(db, tmp_path):
    full, acled = tmp_path / "full.csv", tmp_path / "acled.csv"
    assert export("csv", "--db", str(db), "-o", str(full)).exit_code == 0
    assert export("acled", "--db", str(db), "-o", str(acled)).exit_code == 0
    full_rows = list(csv.DictReader(full.open(encoding="utf-8")))
    acled_rows = list(csv.DictReader(acled.open(encoding="utf-8")))
    assert list(full_rows[0]) == ACLED_COLUMNS
    assert list(acled_rows[0]) == ACLED_ONLY_COLUMNS and "plover_type" not in acled_rows[0]
    assert [{k: r[k] for k in ACLED_ONLY_COLUMNS} for r in full_rows] == acled_rows


def test_parquet_needs_a_file_and_round_trips(db, tmp_path):
    assert export("parquet", "--db", str(db)).exit_code == 2
    out = tmp_path / "events.parquet"
    assert export("parquet", "--db", str(db), "-o", str(out), "--country", "QA").exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == 2 and set(table.column("plover_type").to_pylist()) == {"AGREE", "CONSULT"}


@pytest.mark.parametrize("name", ["../escape.csv", "sub/../../escape.csv", "..\\escape.csv", "a/..", "x\x00.csv"])
def test_traversal_is_refused(db, tmp_path, monkeypatch, name):
    (tmp_path / "work" / "sub").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "work")
    result = export("csv", "--db", str(db), "-o", name)
    assert result.exit_code == 2
    assert not (tmp_path / "escape.csv").exists() and not list((tmp_path / "work").rglob("*.csv"))


def test_symlink_folder_and_device_are_refused(db, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "link.csv"
    link.symlink_to(victim)
    for target in (link, tmp_path, "/dev/null"):
        result = export("csv", "--db", str(db), "-o", str(target))
        assert result.exit_code == 2, target
    assert victim.read_text() == "keep me"
    with pytest.raises(UnsafeOutputPath):
        output_path(tmp_path / "no-such-folder" / "x.csv")
    assert output_path(tmp_path / "new.csv") == tmp_path / "new.csv"


def test_missing_store_is_not_created(tmp_path):
    db = tmp_path / "nothing.db"
    result = export("jsonl", "--db", str(db), "-o", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 2 and not db.exists()


def test_unknown_format_and_bad_dates(db, tmp_path):
    before = set(os.listdir(tmp_path))
    assert export("xlsx", "--db", str(db), "-o", str(tmp_path / "x.xlsx")).exit_code == 2
    assert export("jsonl", "--db", str(db), "-o", str(tmp_path / "x.jsonl"), "--from", "last week").exit_code == 2
    assert set(os.listdir(tmp_path)) == before  # nothing written
