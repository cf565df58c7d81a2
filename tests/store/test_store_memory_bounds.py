"""What a long-running store keeps in memory between saves stays bounded, and bounding it loses nothing."""

from __future__ import annotations

import dataclasses

from chronicle.store import open_store


def test_actor_id_memo_is_bounded_and_ids_stay_stable(tmp_path, doha):
    store = open_store(str(tmp_path / "m.db"))
    store.actor_id_memo = 4
    ids_first = None
    for n in range(12):
        # every article names three actors; the Taliban and the United States come back each time
        record = dataclasses.replace(doha, id=f"doha-{n}")
        record.actors = [dataclasses.replace(a) for a in doha.actors]
        record.actors[0] = dataclasses.replace(record.actors[0], name=f"Negotiator {n}", wikidata=None)
        store.save(record)
        assert len(store._actor_ids) <= 4
        article = store.article(record.id)
        if ids_first is None:
            ids_first = article["actor_ids"]
        # the recurring actors keep their row whether or not the memo still held them
        assert article["actor_ids"][1:] == ids_first[1:]
    names = {a["name"] for a in store.actors(limit=100)}
    assert {f"Negotiator {n}" for n in range(12)} <= names and {"Taliban", "United States"} <= names
    assert len(names) == 14
    store.close()


def test_connections_of_ended_threads_are_closed(tmp_path, basra):
    import sqlite3
    import threading

    store = open_store(str(tmp_path / "t.db"))
    store.save(basra)
    opened = []

    def read():
        opened.append(store._conn())
        assert store.count_events() == 3

    for n in range(6):  # a thread pool retiring idle workers and starting new ones
        t = threading.Thread(target=read)
        t.start()
        t.join()
        # each new thread's first connection closes those of the threads that ended before it:
        # the main thread's and the last worker's remain
        assert len(store._conns._all) == 2
    for conn in opened[:5]:
        try:
            conn.execute("SELECT 1")
        except sqlite3.ProgrammingError:
            continue
        raise AssertionError("a retired thread's connection is still open")
    assert store.count_events() == 3
    store.close()
