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
from contextlib import contextmanager
from typing import Any, Iterator

from chronicle.record import ArticleRecord, record_from_dict
from chronicle.store.dialect import ConnectionPerThread, Dialect, PostgresDialect, dialect_for, rows_as_dicts
from chronicle.store.filters import EventFilter, day_bounds, where
from chronicle.store.schema import migrate

# Columns the event list, the table page and the exports show (the sentence is in the list too:
# it is the evidence an analyst checks first).
EVENT_COLUMNS = (
    "events.id, events.article_id, events.idx, events.type, events.mode, events.acled_event_type, "
    "events.acled_sub_event_type, events.cameo_root, events.date, events.date_precision, events.date_end, "
    "events.day_first, events.historical, events.negated, events.hypothetical, events.attributed_to, "
    "events.confidence, events.sentence, events.trigger_text, events.place_name, events.admin1, "
    "events.country_code, events.lat, events.lon, events.actor_names, events.recipient_names, events.fatalities, "
    "events.place_feature, "
    "articles.title AS article_title, articles.url AS article_url, articles.outlet AS article_outlet, "
    "articles.published AS article_published"
)
EVENT_FROM = " FROM events JOIN articles ON articles.id = events.article_id"
BOOL_FIELDS = ("historical", "negated", "hypothetical")

MAX_PAGE = 1000

# Columns the events table sorts by (a key chosen from this fixed map, never SQL from a request).
# Ties fall back to newest first.
SORT_COLUMNS = {
    "date": "events.day_first", "type": "events.type", "mode": "events.mode",
    "acled": "COALESCE(events.acled_sub_event_type, events.acled_event_type)",
    "actor": "events.actor_names", "recipient": "events.recipient_names", "place": "events.place_name",
    "country": "events.country_code", "confidence": "events.confidence", "fatalities": "events.fatalities",
}
SORT_KEYS = tuple(SORT_COLUMNS)

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


def _fix_bools(row: dict[str, Any]) -> dict[str, Any]:
    for key in BOOL_FIELDS:
        if key in row and row[key] is not None:
            row[key] = bool(row[key])
    return row


def fatalities(event) -> int | None:
    """Deaths the text states for an event (the largest figure when several are given)."""
    killed = [s.value for s in event.sizes if s.kind == "killed" and isinstance(s.value, int)]
    return max(killed) if killed else None


class Store:
    def __init__(self, dialect: Dialect):
        self.dialect = dialect
        self._conns = ConnectionPerThread(dialect)
        self._actor_ids: dict[str, int] = {}
        self.actor_id_memo = ACTOR_ID_MEMO
        # moves on every save or delete that changed something (caches above the store key on it)
        self.generation = 0
        self.schema_version = migrate(self._conn(), dialect)

    # -- connections ----------------------------------------------------------
    def _conn(self):
        return self._conns.get()

    @contextmanager
    def _transaction(self, conn):
        self.dialect.check_file()  # every dialect has it: a no-op where the database cannot be swapped
        if isinstance(self.dialect, PostgresDialect):
            with conn.transaction():
                yield conn.cursor()
            return
        cur = conn.cursor()
        # IMMEDIATE takes the write lock up front, so two writers wait instead of failing mid-way
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
        except BaseException:
            conn.rollback()
            raise
        else:
            conn.commit()

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

    # -- writes ---------------------------------------------------------------
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
                    if record.error is not None or not record.id:
                        continue
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

    # -- reads: events ----------------------------------------------------------
    def events(self, f: EventFilter | None = None, limit: int = 50, offset: int = 0,
               sort: str | None = None) -> list[dict[str, Any]]:
        """One page of events, newest first, or by a column of SORT_COLUMNS ("-type": descending)."""
        clause, params = where(f or EventFilter(), self.dialect)
        limit = max(1, min(int(limit), MAX_PAGE))
        # The page's ids are found first (from the indexes alone when the filter allows),
        # so skipping `offset` rows does not fetch and join the rows it skips.
        order = " ORDER BY events.day_first DESC, events.id DESC"
        key = (sort or "").lstrip("-")
        if key in SORT_COLUMNS and sort != "-date":
            # empty cells last whichever the direction (NULLs sort first in SQLite, last in PostgreSQL)
            col = SORT_COLUMNS[key]
            direction = " DESC" if sort.startswith("-") else ""
            order = f" ORDER BY ({col}) IS NULL, {col}{direction}, events.day_first DESC, events.id DESC"
        rows = self._rows(
            "SELECT " + EVENT_COLUMNS + EVENT_FROM + " WHERE events.id IN (SELECT events.id FROM events" + clause
            + order + " LIMIT ? OFFSET ?)" + order,
            params + [limit, max(0, int(offset))],
        )
        return [_fix_bools(r) for r in rows]

    def count_events(self, f: EventFilter | None = None) -> int:
        clause, params = where(f or EventFilter(), self.dialect)
        return int(self._rows("SELECT COUNT(*) AS n FROM events" + clause, params)[0]["n"])

    def iter_events(self, f: EventFilter | None = None, batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Every matching event, in id order, fetched in pages (exports stream through this)."""
        clause, params = where(f or EventFilter(), self.dialect)
        # With a filter, `+events.id` keeps the planner on the filter's index (a rowid range
        # scan would read the whole table to find a few rows); without one the range scan is right.
        after = " AND +events.id > ?" if clause else " WHERE events.id > ?"
        last = -1
        while True:
            rows = self._rows(
                "SELECT " + EVENT_COLUMNS + EVENT_FROM + clause + after + " ORDER BY events.id LIMIT ?",
                params + [last, batch],
            )
            for row in rows:
                yield _fix_bools(row)
            if len(rows) < batch:
                return
            last = rows[-1]["id"]

    def points(self, f: EventFilter | None = None, limit: int = 20000, town_only: bool = False) -> list[list[Any]]:
        """Located events as compact [id, lat, lon, type, article_id, idx, label, place_feature] lists,
        newest first; town_only leaves out events placed only at country, province or region level."""
        clause, params = where(f or EventFilter(), self.dialect)
        joiner = " AND " if clause else " WHERE "
        wide = (" AND (events.place_feature IS NULL OR events.place_feature NOT IN "
                "('country', 'admin1', 'region', 'continent'))") if town_only else ""
        cur = self._conn().cursor()
        cur.execute(self.dialect.sql(
            "SELECT events.id, events.lat, events.lon, events.type, events.article_id, events.idx, "
            "COALESCE(events.trigger_text, '') || ' ' || COALESCE(events.place_name, ''), events.place_feature "
            "FROM events" + clause + joiner + "events.lat IS NOT NULL AND events.lon IS NOT NULL" + wide
            + " ORDER BY events.day_first DESC, events.id DESC LIMIT ?"),
            tuple(params) + (max(1, int(limit)),))
        return [list(r) for r in cur.fetchall()]

    def event(self, event_id: int) -> dict[str, Any] | None:
        """One event with its evidence: the sentence, trigger, participants' words, place and time."""
        row = self._one("SELECT " + EVENT_COLUMNS + EVENT_FROM + " WHERE events.id = ?", [int(event_id)])
        if row is None:
            return None
        _fix_bools(row)
        record = self.article_record(row["article_id"])
        coded = record["events"][row["idx"]] if record and row["idx"] < len(record["events"]) else {}
        row["coded"] = coded
        row["participants"] = self._rows(
            "SELECT ea.role, ea.actor_id, ea.text, ea.start_char, ea.end_char, a.name, a.country, a.sector, a.wikidata "
            "FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = ? ORDER BY ea.role, ea.start_char",
            [int(event_id)],
        )
        places = (record or {}).get("places") or []
        loc = coded.get("location")
        row["place"] = places[loc] if isinstance(loc, int) and 0 <= loc < len(places) else None
        times = (record or {}).get("times") or []
        ti = coded.get("date_evidence")
        row["time"] = times[ti] if isinstance(ti, int) and 0 <= ti < len(times) else None
        return row

    def counts_by_day(self, f: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events per day and type (the timeline); an event counts on its first day."""
        clause, params = where(f or EventFilter(), self.dialect)
        return self._rows(
            "SELECT events.day_first AS day, events.type AS type, COUNT(*) AS n FROM events" + clause
            + (" AND " if clause else " WHERE ") + "events.day_first IS NOT NULL"
            + " GROUP BY events.day_first, events.type ORDER BY events.day_first, events.type",
            params,
        )

    def counts_by(self, column: str, f: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events per value of one of a fixed set of columns (facets for the filters)."""
        allowed = {"type", "mode", "acled_event_type", "country_code"}
        if column not in allowed:
            raise ValueError(f"cannot count by {column!r}")
        clause, params = where(f or EventFilter(), self.dialect)
        return self._rows(
            f"SELECT events.{column} AS value, COUNT(*) AS n FROM events" + clause
            + f" GROUP BY events.{column} ORDER BY n DESC",
            params,
        )

    def network(self, f: EventFilter | None = None, limit: int = 200) -> dict[str, list[dict[str, Any]]]:
        """Who acts on whom: edges actor -> recipient weighted by event count, the heaviest first."""
        clause, params = where(f or EventFilter(), self.dialect)
        edges = self._rows(
            "SELECT src.actor_id AS source, dst.actor_id AS target, COUNT(*) AS n FROM events"
            " JOIN event_actors src ON src.event_id = events.id AND src.role = 'actor'"
            " JOIN event_actors dst ON dst.event_id = events.id AND dst.role = 'recipient'"
            + clause + " GROUP BY src.actor_id, dst.actor_id ORDER BY n DESC, source, target LIMIT ?",
            params + [max(1, min(int(limit), 2000))],
        )
        ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        nodes = []
        if ids:
            marks = ", ".join("?" for _ in ids)  # one placeholder per id: values stay bound
            nodes = self._rows(
                f"SELECT id, name, country, sector, wikidata FROM actors WHERE id IN ({marks}) ORDER BY id", ids
            )
            weight: dict[int, int] = {}
            for e in edges:
                weight[e["source"]] = weight.get(e["source"], 0) + e["n"]
                weight[e["target"]] = weight.get(e["target"], 0) + e["n"]
            for n in nodes:
                n["n"] = weight.get(n["id"], 0)
        return {"nodes": nodes, "edges": edges}

    # -- reads: articles and actors -------------------------------------------------
    def article_record(self, article_id: str) -> dict[str, Any] | None:
        row = self._one("SELECT record FROM articles WHERE id = ?", [article_id])
        return json.loads(row["record"]) if row else None

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored record with every annotation, plus the store's event ids (by record index)."""
        record = self.article_record(article_id)
        if record is None:
            return None
        ids = self._rows("SELECT id, idx FROM events WHERE article_id = ? ORDER BY idx", [article_id])
        record["event_ids"] = [r["id"] for r in ids]
        record["actor_ids"] = [r["actor_id"] for r in self._rows(
            "SELECT actor_id FROM article_actors WHERE article_id = ? ORDER BY idx", [article_id])]
        return record

    def articles(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT id, title, outlet, url, published, event_count FROM articles "
            "ORDER BY published DESC, id LIMIT ? OFFSET ?",
            [max(1, min(int(limit), MAX_PAGE)), max(0, int(offset))],
        )

    def count_articles(self) -> int:
        return int(self._rows("SELECT COUNT(*) AS n FROM articles")[0]["n"])

    def actor(self, actor_id: int, limit: int = 100) -> dict[str, Any] | None:
        """One actor, how often it acts and is acted on, and its most recent events."""
        row = self._one("SELECT id, name, country, sector, wikidata FROM actors WHERE id = ?", [int(actor_id)])
        if row is None:
            return None
        roles = self._rows(
            "SELECT role, COUNT(*) AS n FROM event_actors WHERE actor_id = ? GROUP BY role", [int(actor_id)]
        )
        row["as_actor"] = sum(r["n"] for r in roles if r["role"] == "actor")
        row["as_recipient"] = sum(r["n"] for r in roles if r["role"] == "recipient")
        row["events"] = [_fix_bools(r) for r in self._rows(
            "SELECT " + EVENT_COLUMNS + ", ea.role AS role" + EVENT_FROM
            + " JOIN event_actors ea ON ea.event_id = events.id WHERE ea.actor_id = ?"
            " ORDER BY events.day_first DESC, events.id DESC LIMIT ?",
            [int(actor_id), max(1, min(int(limit), MAX_PAGE))],
        )]
        return row

    def actors(self, q: str | None = None, limit: int = 50, f: EventFilter | None = None) -> list[dict[str, Any]]:
        """Actors by number of events they take part in (optionally whose name contains q).

        With a non-empty filter `f`, only the events it matches are counted, and actors
        with none of them are left out (the actors page shows who is active in what the
        user filtered)."""
        params: list[Any] = []
        conds: list[str] = []
        if f is not None and not f.is_empty():
            clause, fparams = where(f, self.dialect)
            conds.append("ea.event_id IN (SELECT events.id FROM events" + clause + ")")
            params += fparams
            join = " JOIN event_actors ea ON ea.actor_id = a.id"
        else:
            join = " LEFT JOIN event_actors ea ON ea.actor_id = a.id"
        if q:
            conds.append("LOWER(a.name) LIKE ?")
            params.append("%" + q.lower().replace("%", "").replace("_", "") + "%")
        cond = " WHERE " + " AND ".join(conds) if conds else ""
        return self._rows(
            "SELECT a.id, a.name, a.country, a.sector, a.wikidata, COUNT(ea.event_id) AS n FROM actors a" + join + cond
            + " GROUP BY a.id, a.name, a.country, a.sector, a.wikidata ORDER BY n DESC, a.id LIMIT ?",
            params + [max(1, min(int(limit), MAX_PAGE))],
        )


def open_store(url_or_path: str) -> Store:
    """A SQLite file path (created when missing) or a postgresql:// URL."""
    return Store(dialect_for(str(url_or_path)))
