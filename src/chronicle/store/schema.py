"""The store's schema as numbered migrations, one list for SQLite and PostgreSQL.

A database records the migrations it has had in `schema_version`; opening a
store applies the missing ones in order, inside a transaction each. Column
types that differ between the engines are written as {id}, {real}, {bigint}
and filled in by the dialect. Offsets are named start_char/end_char because
END is a reserved word in PostgreSQL.
"""

from __future__ import annotations

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


def migrate(conn, dialect: Dialect) -> int:
    """Bring the database to the latest schema; returns the version it is at."""
    cur = conn.cursor()
    cur.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT)")
    conn.commit()
    cur.execute("SELECT MAX(version) FROM schema_version")
    current = cur.fetchone()[0] or 0
    for version, statements in MIGRATIONS:
        if version <= current:
            continue
        for statement in statements:
            cur.execute(statement.format(**dialect.types))
        cur.execute(dialect.sql("INSERT INTO schema_version (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)"), (version,))
        conn.commit()
        current = version
    return current
