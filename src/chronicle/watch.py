"""`chronicle watch FEED... --every 15m`: poll feeds, code only new items.

State lives in a small SQLite file beside the store (`<db>.watch.sqlite`;
for a PostgreSQL URL, `chronicle-watch.sqlite` in the working folder):

- seen items per feed (guid or link), so a restart does not reprocess them;
- the feeds' ETag / Last-Modified, so an unchanged feed costs one 304;
- the story index, so a copy arriving tomorrow joins today's story.

An item is marked seen once its record is stored, or once it failed for a
reason that will not go away (a transient fetch failure is retried next poll).
The feed's ETag / Last-Modified are kept only when every new item was marked
seen: otherwise an unchanged feed would answer 304 and the items a transient
failure or a crash (a full disk under the store) left undone would never be
read again.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from chronicle.ingest.errors import IngestError
from chronicle.record import Article, ArticleRecord, error_record

log = logging.getLogger(__name__)

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNIT_S = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, None: 60}
# Failures worth retrying at the next poll; anything else will fail the same way again.
TRANSIENT = {"timeout", "fetch_failed"}


def parse_every(every: str | float) -> float:
    """Seconds in "30s", "15m", "1h", "1d" (a bare number is minutes)."""
    if isinstance(every, (int, float)):
        return float(every)
    m = _EVERY.match(every)
    if not m:
        raise ValueError(f"cannot read the interval {every!r}; use e.g. 30s, 15m, 1h")
    unit = m.group(2).lower() if m.group(2) else None
    return float(m.group(1)) * _UNIT_S[unit]


def state_path(db: str) -> str:
    if "://" in db:
        return "chronicle-watch.sqlite"
    return str(Path(db).with_name(Path(db).name + ".watch.sqlite"))


class SeenItems:
    """Which feed items were already handled, persisted in SQLite."""

    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.execute("CREATE TABLE IF NOT EXISTS seen_items (feed TEXT, item TEXT, seen_at TEXT, outcome TEXT, "
                          "PRIMARY KEY (feed, item))")
        self.conn.commit()

    def __contains__(self, key: tuple[str, str]) -> bool:
        return self.conn.execute("SELECT 1 FROM seen_items WHERE feed = ? AND item = ?", key).fetchone() is not None

    def add(self, feed: str, item: str, outcome: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO seen_items VALUES (?, ?, ?, ?)",
                          (feed, item, datetime.now(timezone.utc).isoformat(timespec="seconds"), outcome))
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()


@dataclass
class PollSummary:
    feeds: int = 0
    unchanged: int = 0  # feeds answering 304
    new_items: int = 0
    records: int = 0
    errors: int = 0


def poll_once(feeds: Iterable[str], *, pipeline, store, fetcher, seen: SeenItems, stories, out=None) -> PollSummary:
    """One pass over every feed: new items only, each coded, stored and marked seen."""
    from chronicle.ingest.feeds import iter_feed_articles, parse_feed

    summary = PollSummary()
    for feed in feeds:
        summary.feeds += 1
        try:
            # the feed's validators are kept only after every new item is handled (below)
            result = fetcher.fetch(feed, conditional=True, remember=False)
            if result.not_modified:
                summary.unchanged += 1
                continue
            items = parse_feed(result.content, feed)
        except IngestError as exc:
            log.warning("feed %s: %s", feed, exc)
            summary.errors += 1
            _write(out, error_record(exc.code, exc.message, source=feed))
            continue
        fresh = [item for item in items if (feed, item.guid) not in seen]
        summary.new_items += len(fresh)
        if not fresh:
            fetcher.remember(result)
            continue
        retry_later = False
        keyed: list[tuple[str, Article | ArticleRecord]] = []
        for item, (got, where) in zip(fresh, iter_feed_articles(fresh, feed, fetcher)):
            if isinstance(got, IngestError):
                keyed.append((item.guid, error_record(got.code, got.message, source=where)))
            else:
                stories.assign(got)
                keyed.append((item.guid, got))
        for (guid, _), record in zip(keyed, pipeline.process_many([k[1] for k in keyed])):
            code = record.error.code if record.error else None
            if record.error:
                summary.errors += 1
            else:
                store.save(record)
                summary.records += 1
            _write(out, record)
            if code not in TRANSIENT:
                seen.add(feed, guid, code or "stored")
            else:
                retry_later = True
        if not retry_later:
            # every item is stored or settled: an unchanged feed may now answer 304. Until
            # then (a transient failure, or a crash above) the feed is read whole again.
            fetcher.remember(result)
    return summary


def _write(out, record: ArticleRecord) -> None:
    if out is not None:
        out.write(record.to_json() + "\n")
        out.flush()


def watch_feeds(feeds: list[str], every: str | float = "15m", db: str = "chronicle.db", output: str | None = None,
                once: bool = False, *, pipeline=None, store=None, fetcher=None, max_polls: int | None = None) -> PollSummary:
    """Poll `feeds` every `every` until interrupted (or once); returns the last poll's summary."""
    from chronicle.ingest.fetch import Fetcher, ValidatorCache
    from chronicle.ingest.stories import StoryIndex

    interval = parse_every(every)
    state = state_path(db)
    seen = SeenItems(state)
    stories = StoryIndex(state)
    own = []
    if fetcher is None:
        fetcher = Fetcher(cache=ValidatorCache(state))
        own.append(fetcher)
    if pipeline is None:
        from chronicle.pipeline import Pipeline

        pipeline = Pipeline()
    if store is None:
        from chronicle.store import open_store

        store = open_store(db)
        own.append(store)
    out = open(output, "a", encoding="utf-8") if output else None
    polls = 0
    summary = PollSummary()
    try:
        while True:
            started = time.monotonic()
            summary = poll_once(feeds, pipeline=pipeline, store=store, fetcher=fetcher, seen=seen, stories=stories, out=out)
            polls += 1
            log.info("poll %d: %s", polls, summary)
            if once or (max_polls is not None and polls >= max_polls):
                break
            time.sleep(max(0.0, interval - (time.monotonic() - started)))
    except KeyboardInterrupt:
        log.info("stopped after %d polls", polls)
    finally:
        for thing in own:
            thing.close()
        if out is not None:
            out.close()
        seen.close()
        stories.close()
    return summary
