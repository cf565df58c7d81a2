"""The store's schema as numbered migrations, one list for SQLite and PostgreSQL.

A database records the migrations it has had in `schema_version`; opening a
store applies the missing ones in order, each in one transaction under a lock
(see `migrate`). Column types that differ between the engines are written as
{id}, {real}, {bigint} and filled in by the dialect. Offsets are named start_char/end_char because
END is a reserved word in PostgreSQL.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

from chronicle.store.dialect import Dialect

MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, [
        """CREATE TABLE IF NOT EXISTS sources (
            id {id},
            name TEXT NOT NULL UNIQUE,
            first_seen TEXT
        )""",
        """CREATE TABLE IF NOT EXISTS stories (
            id TEXT PRIMARY KEY,
            first_published TEXT,
            last_published TEXT
        )""",
        """CREATE TABLE IF NOT EXISTS articles (
            id TEXT PRIMARY KEY,
            title TEXT,
            outlet TEXT,
            url TEXT,
            language TEXT,
            published TEXT,
            published_evidence TEXT,
            text TEXT NOT NULL,
            byline TEXT,
            section TEXT,
            story_id TEXT REFERENCES stories(id),
            source_id {bigint} REFERENCES sources(id),
            origin TEXT,
            record TEXT NOT NULL,
            record_hash TEXT NOT NULL,
            event_count INTEGER NOT NULL DEFAULT 0,
            saved_at TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS articles_published ON articles(published)",
        "CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id)",
        "CREATE INDEX IF NOT EXISTS articles_source ON articles(source_id)",
        # one row per distinct actor across articles (keyed on wikidata, else name+codes)
        """CREATE TABLE IF NOT EXISTS actors (
            id {id},
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            country TEXT,
            sector TEXT,
            wikidata TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS actors_name ON actors(name)",
        # an actor as it appears in one article (the record's `actors[idx]`)
        """CREATE TABLE IF NOT EXISTS article_actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            actor_id {bigint} NOT NULL REFERENCES actors(id),
            text TEXT,
            start_char INTEGER,
            end_char INTEGER,
            kind TEXT,
            role TEXT,
            PRIMARY KEY (article_id, idx)
        )""",
        "CREATE INDEX IF NOT EXISTS article_actors_actor ON article_actors(actor_id)",
        """CREATE TABLE IF NOT EXISTS places (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT,
            start_char INTEGER,
            end_char INTEGER,
            name TEXT,
            geonameid {bigint},
            lat {real},
            lon {real},
            country_code TEXT,
            admin1 TEXT,
            feature TEXT,
            PRIMARY KEY (article_id, idx)
        )""",
        "CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid)",
        "CREATE INDEX IF NOT EXISTS places_country ON places(country_code)",
        """CREATE TABLE IF NOT EXISTS times (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT,
            start_char INTEGER,
            end_char INTEGER,
            type TEXT,
            value TEXT,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE TABLE IF NOT EXISTS events (
            id {id},
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            acled_event_type TEXT,
            acled_sub_event_type TEXT,
            cameo_root TEXT,
            date TEXT,
            date_precision TEXT,
            date_end TEXT,
            day_first TEXT,
            day_last TEXT,
            historical INTEGER NOT NULL DEFAULT 0,
            negated INTEGER NOT NULL DEFAULT 0,
            hypothetical INTEGER NOT NULL DEFAULT 0,
            attributed_to TEXT,
            confidence {real} NOT NULL DEFAULT 0,
            sentence_start INTEGER,
            sentence_end INTEGER,
            sentence TEXT,
            trigger_text TEXT,
            trigger_start INTEGER,
            trigger_end INTEGER,
            place_idx INTEGER,
            place_name TEXT,
            admin1 TEXT,
            country_code TEXT,
            lat {real},
            lon {real},
            actor_names TEXT,
            recipient_names TEXT,
            UNIQUE (article_id, idx)
        )""",
        "CREATE INDEX IF NOT EXISTS events_day ON events(day_first, day_last)",
        "CREATE INDEX IF NOT EXISTS events_type_day ON events(type, day_first)",
        "CREATE INDEX IF NOT EXISTS events_acled ON events(acled_event_type, day_first)",
        "CREATE INDEX IF NOT EXISTS events_country_day ON events(country_code, day_first)",
        "CREATE INDEX IF NOT EXISTS events_lonlat ON events(lon, lat)",
        "CREATE INDEX IF NOT EXISTS events_confidence ON events(confidence)",
        "CREATE INDEX IF NOT EXISTS events_mode ON events(mode)",
        # who took part in each event, for the actor/recipient filters and the network
        """CREATE TABLE IF NOT EXISTS event_actors (
            event_id {bigint} NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            actor_id {bigint} NOT NULL REFERENCES actors(id),
            text TEXT,
            start_char INTEGER,
            end_char INTEGER
        )""",
        "CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id)",
        "CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors(actor_id, role)",
        "{fts_table}",
        "{fts_column}",
        "{fts_index}",
    ]),
    # 2: reported deaths per event, for the ACLED-like export's `fatalities`
    (2, [
        "ALTER TABLE events ADD COLUMN fatalities INTEGER",
    ]),
    # 3: indexes measured on 100,000 events (benchmarks/bench_web.py): newest-first paging without
    # a sort, per-day counts from the index alone, and participants read from the index alone
    (3, [
        "CREATE INDEX IF NOT EXISTS events_order ON events(day_first, id)",
        "CREATE INDEX IF NOT EXISTS events_day_type ON events(day_first, type)",
        "CREATE INDEX IF NOT EXISTS event_actors_cover ON event_actors(event_id, role, actor_id)",
    ]),
    # 4: the place's feature class (for the export's geo_precision); SQLite's full-text index
    # rebuilt with the Porter stemmer, so "protest" finds "protesters" as PostgreSQL's english
    # configuration does
    (4, [
        "ALTER TABLE events ADD COLUMN place_feature TEXT",
        "{fts_drop}",
        "{fts_table_v4}",
        "{fts_refill}",
    ]),
]

LATEST = MIGRATIONS[-1][0]

# Any fixed number: the PostgreSQL advisory lock that serialises migrations between processes.
_MIGRATION_LOCK = 7_204_153_711
_ADD_COLUMN = re.compile(r"^\s*ALTER TABLE (\w+) ADD COLUMN (\w+) ", re.I)


def migrate(conn, dialect: Dialect) -> int:
    """Bring the database to the latest schema; returns the version it is at.

    Many processes may open a new store at once (a batch's workers, two runs on one
    --db): each migration runs in one transaction under a lock that every opener takes
    (SQLite: BEGIN IMMEDIATE, the database's write lock; PostgreSQL: an advisory lock),
    and the version is read again under that lock, so a migration is applied exactly
    once and a run that comes second finds it done. An interrupted migration rolls back
    whole. Stores migrated by older versions, which ran statements one by one, may hold
    part of a migration: adding a column that exists is skipped, so that part is redone
    without failing."""
    current = _version(conn, dialect)
    for version, statements in MIGRATIONS:
        if version <= current:
            continue
        with _migration_transaction(conn, dialect) as cur:
            current = _read_version(cur, dialect)
            if version <= current:
                continue  # another process applied it while we waited for the lock
            for statement in statements:
                sql = statement.format(**dialect.types)
                added = _ADD_COLUMN.match(sql)
                if added and _has_column(cur, dialect, added.group(1), added.group(2)):
                    continue
                cur.execute(sql)
            cur.execute(dialect.sql("INSERT INTO schema_version (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)"),
                        (version,))
            current = version
    return current


def _version(conn, dialect: Dialect) -> int:
    """The version, read without the lock when the store is up to date (a read-only
    file, or a server opening many connections, takes no write lock for nothing)."""
    cur = conn.cursor()
    try:
        cur.execute("SELECT MAX(version) FROM schema_version")
        current = cur.fetchone()[0] or 0
    except Exception:  # noqa: BLE001 - no such table yet (each engine raises its own type)
        current = 0
    if current >= LATEST:
        return current
    with _migration_transaction(conn, dialect) as cur:
        return _read_version(cur, dialect)


def _read_version(cur, dialect: Dialect) -> int:
    cur.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT)")
    cur.execute("SELECT MAX(version) FROM schema_version")
    return cur.fetchone()[0] or 0


@contextmanager
def _migration_transaction(conn, dialect: Dialect):
    """One transaction holding the migration lock; rolled back whole on any failure."""
    if dialect.name == "postgresql":
        with conn.transaction():
            cur = conn.cursor()
            cur.execute(dialect.sql("SELECT pg_advisory_xact_lock(?)"), (_MIGRATION_LOCK,))
            yield cur
        return
    with sqlite_write_transaction(conn) as cur:  # waits (busy timeout) while another opener migrates
        yield cur


@contextmanager
def sqlite_write_transaction(conn):
    """A SQLite cursor in one transaction that holds the write lock from its start (BEGIN
    IMMEDIATE: a second writer waits instead of failing mid-way); committed when the block
    ends, rolled back whole on any failure. The store's writes and the migrations share it."""
    cur = conn.cursor()
    cur.execute("BEGIN IMMEDIATE")
    try:
        yield cur
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()


def _has_column(cur, dialect: Dialect, table: str, column: str) -> bool:
    if dialect.name == "postgresql":
        cur.execute(dialect.sql("SELECT 1 FROM information_schema.columns WHERE table_name = ? AND column_name = ?"),
                    (table, column))
        return cur.fetchone() is not None
    cur.execute(f"PRAGMA table_info({table})")  # table names come from MIGRATIONS, never from input
    return any(row[1] == column for row in cur.fetchall())
