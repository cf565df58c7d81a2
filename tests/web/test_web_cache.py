"""The aggregate cache: answers reused, and dropped when the store changes."""

from __future__ import annotations

from chronicle.store import open_store
from chronicle.web.cache import AggregateCache
from web_corpus import make_record


def test_cache_reuses_until_the_generation_moves(tmp_path):
    cache = AggregateCache(ttl=60)
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert cache.get("k", 0, compute) == 1
    assert cache.get("k", 0, compute) == 1
    assert cache.get("k", 1, compute) == 2  # the store changed
    expired = AggregateCache(ttl=0)
    expired.get("k", 0, compute)
    assert expired.get("k", 0, compute) == 4


def test_store_generation_moves_only_on_change(tmp_path):
    store = open_store(str(tmp_path / "g.db"))
    record = make_record(1)
    store.save(record)
    g = store.generation
    store.save(record)  # unchanged
    assert store.generation == g
    store.save(make_record(2))
    assert store.generation == g + 1
    store.close()


def test_timeline_counts_follow_a_write(client):
    from chronicle.record import Event

    before = sum(c["n"] for c in client.get("/api/counts/daily").json()["counts"])
    store = client.app.state.store
    extra = make_record(40)
    extra.id = "extra-1"
    extra.events.append(Event(type="AID", sentence=extra.events[0].sentence, date="2024-03-02", confidence=0.5))
    store.save(extra)
    after = sum(c["n"] for c in client.get("/api/counts/daily").json()["counts"])
    assert after == before + 2
