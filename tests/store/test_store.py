"""The store on SQLite and PostgreSQL: idempotent saves, filters, reads, migrations."""

from __future__ import annotations

import dataclasses

import pytest

from chronicle.record import record_from_dict
from chronicle.store import EventFilter, open_store
from chronicle.store.schema import LATEST


def test_save_is_idempotent_per_article_id(store, basra):
    assert store.save(basra) is True
    assert store.save(basra) is False  # unchanged: nothing written
    assert store.save(record_from_dict(basra.to_dict())) is False
    assert store.count_articles() == 1
    assert store.count_events() == 3


def test_changed_record_replaces_the_old_one(store, basra):
    store.save(basra)
    fewer = dataclasses.replace(basra, events=basra.events[:1])
    assert store.save(fewer) is True
    assert store.count_articles() == 1
    assert store.count_events() == 1
    assert [e["type"] for e in store.events()] == ["PROTEST"]
    # the replaced events are gone from the search index too
    assert store.count_events(EventFilter(q="killed")) == 0


def test_error_records_are_not_stored(store):
    from chronicle.record import error_record

    assert store.save(error_record("unreadable", "bad bytes", id="x")) is False
    assert store.count_articles() == 0


def test_article_reads_back_as_extracted(store, basra):
    store.save(basra)
    got = store.article("basra-1")
    ids = got.pop("event_ids")
    got.pop("actor_ids")
    assert got == basra.to_dict()
    assert len(ids) == 3 and all(isinstance(i, int) for i in ids)
    assert store.article("missing") is None


def test_filters(store, basra, doha):
    store.save_many([basra, doha])
    assert store.count_events() == 6
    assert store.count_events(EventFilter(type="assault")) == 2
    assert store.count_events(EventFilter(mode="meet")) == 1
    assert store.count_events(EventFilter(acled_event_type="Protests")) == 2
    assert store.count_events(EventFilter(country="IQ")) == 3
    assert store.count_events(EventFilter(country="IRQ")) == 3  # alpha-3 accepted
    assert store.count_events(EventFilter(historical=True)) == 1
    assert store.count_events(EventFilter(historical=False)) == 5
    assert store.count_events(EventFilter(min_confidence=0.75)) == 3
    # actor / recipient by part of the name, and by id
    assert store.count_events(EventFilter(actor="police")) == 1
    assert store.count_events(EventFilter(recipient="protesters")) == 2
    taliban = [a for a in store.actors() if a["name"] == "Taliban"][0]
    assert store.count_events(EventFilter(recipient=str(taliban["id"]))) == 2
    # bounding box around Basra only (west, south, east, north)
    assert store.count_events(EventFilter(bbox=(46.0, 29.0, 49.0, 32.0))) == 3
    # date overlap: a month-precision event belongs to every day of its month
    assert store.count_events(EventFilter(date_from="2020-08-20", date_to="2020-08-21")) == 2
    # the undated event is indexed under its article's date
    assert store.count_events(EventFilter(date_from="2020-08-15", date_to="2020-08-15", type="COOPERATE")) == 1
    assert store.count_events(EventFilter(date_from="2021-01-01")) == 2
    assert store.count_events(EventFilter(date_to="2019-12-31")) == 1
    # combined
    assert store.count_events(EventFilter(type="ASSAULT", historical=False, country="IQ")) == 1


def test_full_text_search(store, basra, doha):
    store.save_many([basra, doha])
    assert {e["trigger_text"] for e in store.events(EventFilter(q="tear gas"))} == {"fired"}
    assert store.count_events(EventFilter(q="Doha")) == 3  # place and title are searchable
    assert store.count_events(EventFilter(q="welcomed agreement")) == 1
    # operator syntax typed by a user is treated as words, not as a query language
    assert store.count_events(EventFilter(q='gas" OR "x')) == 0
    assert store.count_events(EventFilter(q="NEAR(tear gas)")) == 0
    assert store.count_events(EventFilter(q="'; DROP TABLE events; --")) == 0
    assert store.count_events() == 6


def test_event_with_evidence(store, basra):
    store.save(basra)
    [fired] = store.events(EventFilter(q="tear"))
    ev = store.event(fired["id"])
    text = basra.text
    assert ev["sentence"] == "Police fired tear gas at the crowd, witnesses said."
    assert ev["coded"]["trigger"]["text"] == "fired"
    assert ev["attributed_to"] == "witnesses"
    roles = {(p["role"], p["text"]) for p in ev["participants"]}
    assert roles == {("actor", "Police"), ("recipient", "the crowd")}
    for p in ev["participants"]:
        assert text[p["start_char"]:p["end_char"]] == p["text"]
    assert ev["place"]["name"] == "Basra" and ev["time"]["value"] == "2021-07-09"
    assert store.event(10**9) is None


def test_actor_and_network(store, basra, doha):
    store.save_many([basra, doha])
    net = store.network()
    names = {n["id"]: n["name"] for n in net["nodes"]}
    edges = {(names[e["source"]], names[e["target"]]): e["n"] for e in net["edges"]}
    assert edges == {("Qatar", "Taliban"): 2, ("Iraqi police", "protesters"): 1,
                     ("Iraqi security forces", "protesters"): 1}
    qatar = [i for i, n in names.items() if n == "Qatar"][0]
    got = store.actor(qatar)
    assert got["as_actor"] == 2 and got["as_recipient"] == 0
    assert {e["type"] for e in got["events"]} == {"AGREE", "CONSULT"}


def test_same_actor_across_articles_is_one_row(store, doha):
    store.save(doha)
    again = dataclasses.replace(doha, id="doha-2")
    store.save(again)
    qatar = [a for a in store.actors() if a["name"] == "Qatar"]
    assert len(qatar) == 1 and qatar[0]["n"] == 4


def test_counts_by_day_and_type(store, basra, doha):
    store.save_many([basra, doha])
    counts = {(r["day"], r["type"]): r["n"] for r in store.counts_by_day(EventFilter(historical=False))}
    assert counts == {("2021-07-09", "PROTEST"): 1, ("2021-07-09", "ASSAULT"): 1,
                      ("2020-08-01", "AGREE"): 1, ("2020-08-01", "CONSULT"): 1, ("2020-08-15", "COOPERATE"): 1}


def test_pages_and_order(store, basra, doha):
    store.save_many([basra, doha])
    first = store.events(limit=4)
    rest = store.events(limit=4, offset=4)
    assert len(first) == 4 and len(rest) == 2
    days = [e["day_first"] for e in first + rest]
    assert days == sorted(days, reverse=True)
    assert len({e["id"] for e in first + rest}) == 6
    assert [e["id"] for e in store.iter_events(batch=4)] == sorted(e["id"] for e in first + rest)


def test_delete_article(store, basra):
    store.save(basra)
    assert store.delete_article("basra-1") is True
    assert store.count_events() == 0 and store.count_events(EventFilter(q="gas")) == 0


def test_sqlite_file_uses_wal_and_records_its_schema(tmp_path, basra):
    path = tmp_path / "c.db"
    s = open_store(str(path))
    s.save(basra)
    s.close()
    import sqlite3

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == LATEST
    conn.close()
    # reopening applies nothing twice and keeps the data
    s = open_store(str(path))
    assert s.count_events() == 3 and s.schema_version == LATEST
    s.close()


def test_concurrent_writers_from_threads(tmp_path, basra):
    from concurrent.futures import ThreadPoolExecutor

    s = open_store(str(tmp_path / "t.db"))
    records = [dataclasses.replace(basra, id=f"a{i}") for i in range(20)]
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(s.save, records + records))
    assert s.count_articles() == 20 and s.count_events() == 60
    s.close()


def test_postgres_read_survives_a_dropped_connection(request, basra):
    """The server ends the store's session (a restart, an admin): the next read reconnects."""
    import psycopg

    from pgserver import fresh_database

    url = fresh_database(request.getfixturevalue("pg_url"))
    s = open_store(url)
    s.save(basra)
    pid = s._rows("SELECT pg_backend_pid() AS pid")[0]["pid"]
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    assert s.count_events() == 3
    s.close()


def test_search_stems_words_on_both_engines(store, basra):
    store.save(basra)
    # "protest" finds the sentence with "protesters"; "fire" finds "fired"
    assert store.count_events(EventFilter(q="protest")) >= 1
    assert {e["trigger_text"] for e in store.events(EventFilter(q="fire"))} == {"fired"}


def test_old_database_is_migrated_with_its_data(tmp_path, basra, monkeypatch):
    """A version-1 file (rows written as version 1 had them) opens at the latest version,
    its rows kept and re-indexed for search."""
    import sqlite3

    from chronicle.store import schema

    path = str(tmp_path / "old.db")
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    open_store(path).close()
    monkeypatch.undo()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO articles (id, title, text, record, record_hash, saved_at) "
                 "VALUES ('old-1', 'Old news', 'Farmers blockaded the port.', '{}', 'x', '2024-01-01')")
    conn.execute("INSERT INTO events (article_id, idx, type, sentence, trigger_text, day_first, day_last) "
                 "VALUES ('old-1', 0, 'PROTEST', 'Farmers blockaded the port.', 'blockaded', '2024-01-01', '2024-01-01')")
    conn.commit()
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 1
    conn.close()
    s = open_store(path)
    assert s.schema_version == LATEST
    assert [e["article_id"] for e in s.events(EventFilter(q="blockade port"))] == ["old-1"]
    s.save(basra)
    assert s.count_events(EventFilter(q="tear gas")) == 1 and s.count_events() == 4
    s.close()
