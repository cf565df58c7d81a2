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


def test_cache_is_bounded_by_bytes_and_entries():
    cache = AggregateCache(ttl=60, size=100, max_bytes=4000)
    for n in range(50):  # fifty different map views of 300 bytes: only what fits in 4,000 bytes is kept
        cache.get(("points", n), 0, lambda n=n: bytes([n % 256]) * 300)
    assert cache.bytes <= 4000 and len(cache) == 4000 // 300
    assert cache.bytes == sum(len(v[2]) for v in cache._data.values())
    # the most recent views are the ones kept
    assert cache.get(("points", 49), 0, lambda: b"recomputed") == bytes([49]) * 300
    assert cache.get(("points", 0), 0, lambda: b"recomputed") == b"recomputed"
    # an answer over a quarter of the budget is served, not kept
    big = b"x" * 1500
    assert cache.get("big", 0, lambda: big) is big and "big" not in cache._data
    entries = AggregateCache(ttl=60, size=3)
    for n in range(10):
        entries.get(n, 0, lambda n=n: n)
    assert list(entries._data) == [7, 8, 9]


def test_replacing_an_entry_keeps_the_byte_count_right():
    cache = AggregateCache(ttl=60, max_bytes=10_000)
    cache.get("k", 0, lambda: b"a" * 100)
    cache.get("k", 1, lambda: b"b" * 250)  # the store changed: the answer is replaced, not added
    assert cache.bytes == 250 and len(cache) == 1
