"""Opening a store: a new folder is made, many processes may open a new store at once,
and a migration that was cut short leaves a store the next open can use."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from chronicle.store import StoreUnavailable, open_store
from chronicle.store import schema


def _open_after(path: str, barrier, results) -> None:
    barrier.wait()  # every process opens at the same moment
    try:
        with open_store(path) as s:
            results.put(("ok", s.schema_version))
    except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
        results.put(("failed", f"{type(exc).__name__}: {exc}"))


def test_a_store_in_a_missing_folder_is_created(tmp_path):
    path = tmp_path / "demo" / "out" / "chronicle.db"
    with open_store(str(path)) as s:
        assert s.schema_version == schema.LATEST
    assert path.is_file()


def test_a_store_that_cannot_be_opened_is_one_clear_error(tmp_path):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(StoreUnavailable, match="notes.db"):
        open_store(str(not_a_db))
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreUnavailable, match="a-file"):
        open_store(str(blocker / "chronicle.db"))  # its folder would have to be a file


def test_many_processes_opening_one_new_store_at_once_all_succeed(tmp_path):
    ctx = multiprocessing.get_context("fork")
    for trial in range(3):
        path = str(tmp_path / f"new-{trial}" / "chronicle.db")
        n = 6
        barrier, results = ctx.Barrier(n), ctx.Queue()
        procs = [ctx.Process(target=_open_after, args=(path, barrier, results)) for _ in range(n)]
        for p in procs:
            p.start()
        outcomes = [results.get(timeout=120) for _ in range(n)]
        for p in procs:
            p.join(timeout=60)
        assert outcomes == [("ok", schema.LATEST)] * n
        with sqlite3.connect(path) as conn:  # each migration recorded once
            versions = [v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY version")]
        assert versions == list(range(1, schema.LATEST + 1))


def _columns(path, table):
    with sqlite3.connect(path) as conn:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def test_a_migration_that_fails_midway_rolls_back_whole_and_the_next_open_finishes_it(tmp_path, monkeypatch):
    path = str(tmp_path / "chronicle.db")
    last_version, statements = schema.MIGRATIONS[-1]
    # the last migration dies after its first statement (a crash, a full disk)
    broken = schema.MIGRATIONS[:-1] + [(last_version, statements[:1] + ["THIS IS NOT SQL"])]
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    with pytest.raises(StoreUnavailable):
        open_store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == last_version - 1
    assert "place_feature" not in _columns(path, "events")  # the first statement was rolled back with it
    monkeypatch.undo()
    with open_store(path) as s:
        assert s.schema_version == schema.LATEST
    assert "place_feature" in _columns(path, "events")


def test_a_store_left_half_migrated_by_an_older_version_opens(tmp_path, monkeypatch):
    """Older versions ran a migration's statements one by one: a kill could leave the
    column added and the version unrecorded, and every later open failed on it."""
    path = str(tmp_path / "chronicle.db")
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:-1])
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE events ADD COLUMN place_feature TEXT")
    monkeypatch.undo()
    with open_store(path) as s:
        assert s.schema_version == schema.LATEST


def test_many_openers_of_one_new_postgres_store_at_once_all_succeed(request):
    import threading

    from pgserver import fresh_database

    url = fresh_database(request.getfixturevalue("pg_url"))
    barrier, outcomes = threading.Barrier(5), []

    def opener():
        barrier.wait()
        try:
            with open_store(url) as s:
                outcomes.append(("ok", s.schema_version))
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
            outcomes.append(("failed", f"{type(exc).__name__}: {exc}"))

    threads = [threading.Thread(target=opener) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert outcomes == [("ok", schema.LATEST)] * 5
