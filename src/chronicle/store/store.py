"""Store: article records in SQLite or PostgreSQL, and the reads the API and pages make.

Saving is idempotent per article id: the same record saved twice is kept
once; a changed record for a known id replaces the old one (its events,
places, times and actor links) in one transaction. The full record is kept
as JSON beside the rows it was split into, so an article reads back exactly
as it was extracted, and the rows serve the filters.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import sqlite3
from contextlib import contextmanager
from typing import Any

from chronicle.record import ArticleRecord, record_from_dict
from chronicle.store.dialect import (ConnectionPerThread, Dialect, PostgresDialect, StoreUnavailable, dialect_for,
                                     rows_as_dicts)
from chronicle.store.filters import day_bounds, where
from chronicle.store.queries import StoreQueries
from chronicle.store.schema import migrate, sqlite_write_transaction


# Actor ids remembered by a store between saves (one lookup saved per known actor). A
# long-running server meets new actors without end, so the memo is emptied when full.
ACTOR_ID_MEMO = 20_000


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def actor_key(name: str, country: str | None, sector: str | None, wikidata: str | None) -> str:
    """One actor across articles: the same Wikidata item, else the same name and codes."""
    if wikidata:
        return "wd:" + wikidata
    return "n:" + " ".join((name or "").lower().split()) + "|" + (country or "") + "|" + (sector or "")


def fatalities(event) -> int | None:
    """Deaths the text states for an event (the largest figure when several are given)."""
    killed = [s.value for s in event.sizes if s.kind == "killed" and isinstance(s.value, int)]
    return max(killed) if killed else None


class Store(StoreQueries):
    """The record store over one database (SQLite or PostgreSQL, through a `Dialect`): saving
    and deleting articles here, the queries in queries.py (`StoreQueries`)."""

    def __init__(self, dialect: Dialect):
        self.dialect = dialect
        self._conns = ConnectionPerThread(dialect)
        self._actor_ids: dict[str, int] = {}
        self.actor_id_memo = ACTOR_ID_MEMO
        # moves on every save or delete that changed something (caches above the store key on it)
        self.generation = 0
        try:
            self.schema_version = migrate(self._conn(), dialect)
        except sqlite3.DatabaseError as exc:  # a file that is no database, a read-only folder, ...
            self._conns.close_all()
            raise StoreUnavailable(f"cannot use the store {getattr(dialect, 'path', '')}: {exc}") from exc

    def _conn(self):
        return self._conns.get()

    @contextmanager
    def _transaction(self, conn):
        self.dialect.check_file()  # every dialect has it: a no-op where the database cannot be swapped
        if isinstance(self.dialect, PostgresDialect):
            with conn.transaction():
                yield conn.cursor()
            return
        with sqlite_write_transaction(conn) as cur:
            yield cur

    def _rows(self, query: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
        for attempt in (1, 2):
            try:
                cur = self._conn().cursor()
                cur.execute(self.dialect.sql(query), tuple(params))
                return rows_as_dicts(cur, cur.fetchall())
            except Exception as exc:
                # a read on a connection the server dropped is retried once on a new one
                if attempt == 2 or not self.dialect.is_disconnect(exc):
                    raise
                self._conns.discard()
        raise AssertionError("unreachable")

    def _one(self, query: str, params: list[Any] | tuple = ()) -> dict[str, Any] | None:
        rows = self._rows(query, params)
        return rows[0] if rows else None

    def close(self) -> None:
        if not isinstance(self.dialect, PostgresDialect):
            try:  # lets SQLite refresh the statistics its planner uses, when they are stale
                self._conn().execute("PRAGMA optimize")
            except Exception:  # noqa: BLE001 - closing must not fail on a busy or read-only file
                pass
        self._conns.close_all()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def save(self, record: ArticleRecord | dict) -> bool:
        """Store one record; returns False when it was already stored unchanged (or is an error record)."""
        return self.save_many([record]) == 1

    def save_many(self, records) -> int:
        """Store records in one transaction; returns how many were new or changed."""
        conn = self._conn()
        changed = 0
        try:
            with self._transaction(conn) as cur:
                for record in records:
                    if isinstance(record, dict):
                        record = record_from_dict(record)
                    if record.error is not None or not record.id or not record.text:
                        continue  # nothing to store (a duplicate_url record has no text: its first copy does)
                    changed += self._save_one(cur, record)
            if changed:
                self.generation += 1
        except BaseException:
            self._actor_ids.clear()  # ids handed out inside the rolled-back transaction are gone
            raise
        return changed

    def _x(self, cur, query: str, params: tuple = ()):
        cur.execute(self.dialect.sql(query), params)
        return cur

    def _save_one(self, cur, record: ArticleRecord) -> int:
        data = record.to_dict()
        blob = json.dumps(data, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha1(blob.encode("utf-8", "surrogatepass")).hexdigest()
        row = self._x(cur, "SELECT record_hash FROM articles WHERE id = ?", (record.id,)).fetchone()
        if row is not None:
            if row[0] == digest:
                return 0
            self._delete_children(cur, record.id)
        source_id = None
        if record.outlet:
            source_id = self._x(
                cur,
                "INSERT INTO sources (name, first_seen) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
                (record.outlet, _now()),
            ).fetchone()[0]
        if record.story_id:
            self._x(
                cur,
                "INSERT INTO stories (id, first_published, last_published) VALUES (?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET "
                "first_published = CASE WHEN stories.first_published IS NULL OR excluded.first_published < stories.first_published "
                "THEN excluded.first_published ELSE stories.first_published END, "
                "last_published = CASE WHEN stories.last_published IS NULL OR excluded.last_published > stories.last_published "
                "THEN excluded.last_published ELSE stories.last_published END",
                (record.story_id, record.published, record.published),
            )
        self._x(
            cur,
            "INSERT INTO articles (id, title, outlet, url, language, published, published_evidence, text, byline, "
            "section, story_id, source_id, origin, record, record_hash, event_count, saved_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET title = excluded.title, outlet = excluded.outlet, url = excluded.url, "
            "language = excluded.language, published = excluded.published, "
            "published_evidence = excluded.published_evidence, text = excluded.text, byline = excluded.byline, "
            "section = excluded.section, story_id = excluded.story_id, source_id = excluded.source_id, "
            "origin = excluded.origin, record = excluded.record, record_hash = excluded.record_hash, "
            "event_count = excluded.event_count, saved_at = excluded.saved_at",
            (record.id, record.title, record.outlet, record.url, record.language, record.published,
             record.published_evidence, record.text, record.byline, record.section, record.story_id, source_id,
             record.source, blob, digest, len(record.events), _now()),
        )
        for idx, p in enumerate(record.places):
            self._x(
                cur,
                "INSERT INTO places (article_id, idx, text, start_char, end_char, name, geonameid, lat, lon, "
                "country_code, admin1, feature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record.id, idx, p.text, p.start, p.end, p.name, p.geonameid, p.lat, p.lon, p.country_code,
                 p.admin1, p.feature),
            )
        for idx, t in enumerate(record.times):
            self._x(
                cur,
                "INSERT INTO times (article_id, idx, text, start_char, end_char, type, value) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (record.id, idx, t.text, t.start, t.end, t.type, t.value),
            )
        actor_ids = []
        for idx, a in enumerate(record.actors):
            actor_id = self._actor_id(cur, a.name or a.text, a.country, a.sector, a.wikidata)
            actor_ids.append(actor_id)
            self._x(
                cur,
                "INSERT INTO article_actors (article_id, idx, actor_id, text, start_char, end_char, kind, role) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (record.id, idx, actor_id, a.text, a.start, a.end, a.kind, a.role),
            )
        for idx, e in enumerate(record.events):
            self._save_event(cur, record, idx, e, actor_ids)
        return 1

    def _actor_id(self, cur, name: str, country, sector, wikidata) -> int:
        key = actor_key(name, country, sector, wikidata)
        cached = self._actor_ids.get(key)
        if cached is not None:
            return cached
        actor_id = self._x(
            cur,
            "INSERT INTO actors (key, name, country, sector, wikidata) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id",
            (key, name, country, sector, wikidata),
        ).fetchone()[0]
        if len(self._actor_ids) >= self.actor_id_memo:
            self._actor_ids.clear()  # the database has them all; the memo only saves lookups
        self._actor_ids[key] = actor_id
        return actor_id

    def _save_event(self, cur, record: ArticleRecord, idx: int, e, actor_ids: list[int]) -> None:
        place = record.places[e.location] if isinstance(e.location, int) and 0 <= e.location < len(record.places) else None
        first, last = day_bounds(e.date)
        if e.date_end:
            last = day_bounds(e.date_end)[1] or last
        if first is None:  # undated: indexed under the article's date so date filters still reach it
            first, last = day_bounds(record.published)
        sentence = record.text[e.sentence.start:e.sentence.end] if e.sentence else None
        names = {"actor": [], "recipient": []}
        for role in ("actor", "recipient"):
            for ref in getattr(e, role):
                if 0 <= ref.actor < len(record.actors):
                    names[role].append(record.actors[ref.actor].name or ref.text)
        actor_names = "; ".join(dict.fromkeys(names["actor"])) or None
        recipient_names = "; ".join(dict.fromkeys(names["recipient"])) or None
        trigger = e.trigger
        event_id = self._x(
            cur,
            "INSERT INTO events (article_id, idx, type, mode, acled_event_type, acled_sub_event_type, cameo_root, "
            "date, date_precision, date_end, day_first, day_last, historical, negated, hypothetical, attributed_to, "
            "confidence, sentence_start, sentence_end, sentence, trigger_text, trigger_start, trigger_end, "
            "place_idx, place_name, admin1, country_code, lat, lon, actor_names, recipient_names, fatalities, place_feature) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "RETURNING id",
            (record.id, idx, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type, e.cameo_root,
             e.date, e.date_precision, e.date_end, first, last, int(bool(e.historical)), int(bool(e.negated)),
             int(bool(e.hypothetical)), e.attributed_to, float(e.confidence or 0.0),
             e.sentence.start if e.sentence else None, e.sentence.end if e.sentence else None, sentence,
             trigger.text if trigger else None, trigger.start if trigger else None, trigger.end if trigger else None,
             e.location if place else None, place.name if place else None, place.admin1 if place else None,
             place.country_code if place else None, place.lat if place else None, place.lon if place else None,
             actor_names, recipient_names, fatalities(e), place.feature if place else None),
        ).fetchone()[0]
        for role in ("actor", "recipient"):
            for ref in getattr(e, role):
                if 0 <= ref.actor < len(actor_ids):
                    self._x(
                        cur,
                        "INSERT INTO event_actors (event_id, role, actor_id, text, start_char, end_char) VALUES (?, ?, ?, ?, ?, ?)",
                        (event_id, role, actor_ids[ref.actor], ref.text, ref.start, ref.end),
                    )
        body = " ".join(x for x in (sentence, trigger.text if trigger else None, actor_names, recipient_names,
                                     place.name if place else None, record.title) if x)
        self.dialect.index_event_text(cur, event_id, body)

    def _delete_children(self, cur, article_id: str) -> None:
        self.dialect.unindex_article_events(cur, article_id)
        self._x(cur, "DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE article_id = ?)", (article_id,))
        for table in ("events", "places", "times", "article_actors"):  # fixed names, not input
            self._x(cur, f"DELETE FROM {table} WHERE article_id = ?", (article_id,))

    def delete_article(self, article_id: str) -> bool:
        conn = self._conn()
        with self._transaction(conn) as cur:
            self._delete_children(cur, article_id)
            cur = self._x(cur, "DELETE FROM articles WHERE id = ?", (article_id,))
            self.generation += 1
            return cur.rowcount > 0


def open_store(url_or_path: str) -> Store:
    """A SQLite file path (created when missing) or a postgresql:// URL."""
    return Store(dialect_for(str(url_or_path)))
