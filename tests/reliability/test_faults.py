"""Faults in the middle of a batch: the store's disk full, the database locked
or gone, a worker killed, a feed server dropping connections. After each: no
article lost, none duplicated, and the run resumable with --resume.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

import chronicle.batch as batch
from chronicle.batch import ProcessCoder, run_batch
from chronicle.store import open_store
from hostile import SENTENCES

pytestmark = pytest.mark.timeout(300)

N_ARTICLES = 24


def write_inputs(path: Path, n: int = N_ARTICLES) -> list[str]:
    """n short articles with ids (and one unreadable row, which must stay an error record)."""
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            ident = f"fault-{i:03d}"
            ids.append(ident)
            if i == 5:
                fh.write(json.dumps({"id": ident, "title": "no body"}) + "\n")
                continue
            text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))
            fh.write(json.dumps({"id": ident, "text": f"Report {i}. {text}", "published": "2021-03-05"}) + "\n")
    return ids


def output_ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").split("\n") if line]


def stored_ids(db: Path) -> list[str]:
    with open_store(str(db)) as store:
        return sorted(a["id"] for a in store.articles(limit=1000))


def assert_complete(out: Path, db: Path | None, ids: list[str]) -> None:
    """Every input once in the output, in input order; every coded article once in the store."""
    assert output_ids(out) == ids
    if db is not None:
        assert stored_ids(db) == sorted(i for i in ids if i != "fault-005")


@pytest.fixture
def small_chunks(pipeline, monkeypatch):
    """Commits every few articles, so a fault lands between commits as in a long run."""
    monkeypatch.setattr(pipeline, "batch_size", 4)
    monkeypatch.setattr(batch, "COMMIT_EVERY_RECORDS", 4)
    return pipeline


class FailingStore:
    """A real store whose save raises `error` from the `fail_at`-th call on (disk full, locked)."""

    def __init__(self, path: Path, fail_at: int, error: Exception):
        self.store = open_store(str(path))
        self.calls = 0
        self.fail_at = fail_at
        self.error = error

    def save(self, record):
        self.calls += 1
        if self.calls >= self.fail_at:
            raise self.error
        return self.store.save(record)

    def close(self):
        self.store.close()


@pytest.mark.parametrize("error", [
    OSError(errno.ENOSPC, "No space left on device"),
    sqlite3.OperationalError("database or disk is full"),
    sqlite3.OperationalError("database is locked"),
], ids=["ENOSPC", "sqlite-full", "sqlite-locked"])
def test_store_failure_mid_batch_then_resume(small_chunks, tmp_path, error):
    src, out, db = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "store.db"
    ids = write_inputs(src)
    failing = FailingStore(db, fail_at=11, error=error)
    with pytest.raises(type(error)):
        run_batch([str(src)], str(out), pipeline=small_chunks, store=failing)
    failing.close()
    assert 0 < len(stored_ids(db)) < N_ARTICLES - 1  # the fault came mid-batch
    with open_store(str(db)) as store:
        summary = run_batch([str(src)], str(out), pipeline=small_chunks, store=store, resume=True)
    assert summary.resumed > 0  # committed work was kept, not redone
    assert_complete(out, db, ids)


def test_store_locked_by_another_writer_for_a_while(small_chunks, tmp_path):
    src, out, db = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "store.db"
    ids = write_inputs(src)
    open_store(str(db)).close()  # schema in place
    blocker = sqlite3.connect(str(db), isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN EXCLUSIVE")  # another process holding the write lock
    release = threading.Timer(2.0, blocker.rollback)
    release.start()
    try:
        with open_store(str(db)) as store:
            run_batch([str(src)], str(out), pipeline=small_chunks, store=store)
    finally:
        release.join()
        blocker.close()
    assert_complete(out, db, ids)


def test_database_gone_mid_batch_keeps_the_output_whole(small_chunks, tmp_path):
    """The store's file is deleted while the batch writes to it (an operator's mistake, a
    cleaner). The JSON lines output and its journal must still hold every article once,
    and a resumed run must accept them. What SQLite wrote into the deleted file is gone
    with it; the store then refuses further writes, so nothing more is lost silently."""
    src, out, db = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "store.db"
    ids = write_inputs(src)
    seen = []

    def remove_database(coded):
        seen.append(coded)
        if len(seen) == 10:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)

    store = open_store(str(db))
    # SQLite would write on into the unlinked file; the store refuses, so the batch
    # stops loudly instead of losing every later save.
    with pytest.raises(Exception, match="removed while in use"):
        run_batch([str(src)], str(out), pipeline=small_chunks, store=store, on_progress=remove_database)
    store.close()
    committed = set(output_ids(out))
    with open_store(str(db)) as store:
        run_batch([str(src)], str(out), pipeline=small_chunks, store=store, resume=True)
    assert output_ids(out) == ids
    # what was saved before the deletion went with the file; everything after it is in the new store
    after = [i for i in ids if i not in committed and i != "fault-005"]
    assert after and set(after) <= set(stored_ids(db))


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("CHRONICLE_SLOW_TESTS") != "1",
                    reason="starts three worker processes that each load the pipeline (minutes on 2 busy cores); "
                           "run with CHRONICLE_SLOW_TESTS=1")
def test_worker_killed_mid_partition(tmp_path, monkeypatch):
    """kill -9 of a worker process while it codes a chunk: the chunk is sent again."""
    monkeypatch.setattr(batch, "COMMIT_EVERY_RECORDS", 4)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = write_inputs(src, 16)
    coder = ProcessCoder(workers=2, chunk_size=2, retries=1)
    killed = []

    def kill_one_worker(coded):
        if not killed and coder._executor is not None:
            pids = list(coder._executor._processes)
            if pids:
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])

    try:
        summary = run_batch([str(src)], str(out), coder=coder, on_progress=kill_one_worker)
    finally:
        coder.close()
    assert killed
    assert output_ids(out) == ids
    errors = [json.loads(line) for line in out.read_text().split("\n") if line and json.loads(line).get("error")]
    assert [e["id"] for e in errors] == ["fault-005"], errors  # retried, not reported as failed
    assert summary.articles == len(ids)


# -- feeds: chronicle watch ------------------------------------------------------

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))


def _rss(server, items: list[tuple[str, bool]]) -> bytes:
    """Items as (slug, full text?): full-text items carry the story, teasers only a link."""
    from xml.sax.saxutils import escape

    body = []
    for slug, full in items:
        text = f"{slug.replace('-', ' ').title()} report. " + " ".join(SENTENCES)
        content = escape(text if full else text.split(".")[0] + ".")
        body.append(f"<item><title>{slug}</title><link>{server.url('/' + slug)}</link><guid>{slug}</guid>"
                    f"<pubDate>Fri, 05 Mar 2021 09:00:00 GMT</pubDate><description>{content}</description></item>")
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Drop Test</title>'
            + "".join(body) + "</channel></rss>").encode()


@pytest.fixture
def feed_server(monkeypatch):
    from ingest_server import LocalServer

    monkeypatch.setenv("CHRONICLE_ALLOW_PRIVATE_FETCH", "1")  # the feed server is on 127.0.0.1
    with LocalServer() as server:
        yield server


def _poll(pipeline, store, state: Path, server, feeds):
    from chronicle.ingest.fetch import Fetcher, ValidatorCache
    from chronicle.ingest.stories import StoryIndex
    from chronicle.watch import SeenItems, poll_once

    seen, stories, cache = SeenItems(str(state)), StoryIndex(str(state)), ValidatorCache(str(state))
    try:
        with Fetcher(cache=cache, retries=0, timeout=2.0) as fetcher:
            return poll_once(feeds, pipeline=pipeline, store=store, fetcher=fetcher, seen=seen, stories=stories)
    finally:
        seen.close(), stories.close(), cache.close()


def test_feed_server_dropping_connections(pipeline, feed_server, tmp_path):
    from chronicle.ingest import html  # noqa: F401 - warm imports outside the polls

    site = feed_server.site
    items = [("basra-protest", True), ("mosul-attack", True), ("nairobi-deal", False), ("beirut-march", False)]
    # the feed: dropped without an answer, then cut off mid-body, then whole (with an ETag)
    site.page("/feed.xml", _rss(feed_server, items), content_type="application/rss+xml",
              etag='"feed-v1"', drop_first=1, cut_first=2)
    for slug, _ in items[2:]:
        # teaser items' pages drop the first request too
        site.page(f"/{slug}", f"<html><body><article><p>{slug} report. {' '.join(SENTENCES)}</p></article></body></html>",
                  drop_first=site.hits.get(f"/{slug}", 0) + 1)
    db, state = tmp_path / "store.db", tmp_path / "watch.sqlite"
    feeds = [feed_server.url("/feed.xml")]
    with open_store(str(db)) as store:
        first = _poll(pipeline, store, state, feed_server, feeds)
        second = _poll(pipeline, store, state, feed_server, feeds)
        assert (first.errors, second.errors, first.records, second.records) == (1, 1, 0, 0)
        third = _poll(pipeline, store, state, feed_server, feeds)  # feed read; teaser pages dropped once
        fourth = _poll(pipeline, store, state, feed_server, feeds)  # the dropped pages are tried again
        fifth = _poll(pipeline, store, state, feed_server, feeds)
    assert third.records == 2 and third.errors == 2
    assert fourth.records == 2, fourth
    assert fifth.records == 0 and fifth.errors == 0
    stored = stored_ids(db)
    assert len(stored) == len(items) == len(set(stored))


def test_store_failure_during_a_poll_loses_no_feed_item(pipeline, feed_server, tmp_path):
    site = feed_server.site
    items = [(f"story-{i}", True) for i in range(4)]
    site.page("/feed.xml", _rss(feed_server, items), content_type="application/rss+xml", etag='"feed-v1"')
    db, state = tmp_path / "store.db", tmp_path / "watch.sqlite"
    feeds = [feed_server.url("/feed.xml")]
    failing = FailingStore(db, fail_at=2, error=OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(OSError):
        _poll(pipeline, failing, state, feed_server, feeds)  # `chronicle watch` stops here
    failing.close()
    assert len(stored_ids(db)) == 1
    with open_store(str(db)) as store:  # restarted with space again: the unchanged feed answers 304
        again = _poll(pipeline, store, state, feed_server, feeds)
        after = _poll(pipeline, store, state, feed_server, feeds)
    assert again.records == 3, again
    assert after.records == 0
    assert len(stored_ids(db)) == 4


@pytest.fixture
def disk_full_after():
    """Files of this process cannot grow past `limit` bytes while the context is open
    (RLIMIT_FSIZE, with SIGXFSZ ignored, makes a write past it fail with EFBIG): a disk
    that fills up, for the output file and the store's database and WAL alike."""
    import contextlib
    import resource

    @contextlib.contextmanager
    def limited(limit: int):
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
        try:
            yield
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
            signal.signal(signal.SIGXFSZ, previous)

    return limited


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE semantics are Linux's")
@pytest.mark.parametrize("with_store,limit_kb", [(False, 40), (True, 48), (True, 400)],
                         ids=["output-file-full", "store-wal-full", "store-file-full"])
def test_disk_full_then_resume(small_chunks, tmp_path, disk_full_after, with_store, limit_kb):
    src, out, db = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "store.db"
    ids = write_inputs(src, 40)
    if with_store:
        open_store(str(db)).close()  # the schema exists before the disk fills
    store = open_store(str(db)) if with_store else None
    failed = None
    with disk_full_after(limit_kb * 1024):
        try:
            run_batch([str(src)], str(out), pipeline=small_chunks, store=store)
        except (OSError, sqlite3.Error) as exc:
            failed = exc
    if store is not None:
        try:
            store.close()
        except Exception:  # noqa: BLE001 - the store may not close cleanly on a full disk
            pass
    assert failed is not None, "the disk filled up mid-batch"
    assert out.read_bytes().count(b"\n") < len(ids)  # (a partial last line may be left: resume cuts it)
    with open_store(str(db)) if with_store else _no_store() as store:
        run_batch([str(src)], str(out), pipeline=small_chunks, store=store, resume=True)
    assert_complete(out, db if with_store else None, ids)


def _no_store():
    import contextlib

    return contextlib.nullcontext(None)
