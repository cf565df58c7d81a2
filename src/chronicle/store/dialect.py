"""The few places where SQLite and PostgreSQL differ, kept out of the queries.

Every query in the store is written once with `?` placeholders; a dialect
turns them into its driver's style and supplies the full-text search pieces
(FTS5 on SQLite, tsvector on PostgreSQL) and the column types of the DDL.
Values always travel as bound parameters: no text from a request or an
article is ever formatted into SQL.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
import threading
from typing import Any, Iterable, Sequence

_WORD = re.compile(r"\w+", re.UNICODE)


def search_terms(query: str) -> list[str]:
    """The words of a user's search, without any operator syntax (both engines get plain terms)."""
    return _WORD.findall(query or "")[:16]


# How often an opener retries the switch to WAL while another opener of a new store holds it
# (about 5 s in all): that switch answers "locked" at once, without waiting out the busy timeout.
WAL_ATTEMPTS = 14


def _switch_to_wal(conn: sqlite3.Connection) -> None:
    for attempt in range(WAL_ATTEMPTS):
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt + 1 == WAL_ATTEMPTS:
                raise
            time.sleep(0.05 * (attempt + 1))


class StoreUnavailable(RuntimeError):
    """The store cannot be opened where it was asked for (a folder that cannot be made,
    a file that is no database, no permission): a user's mistake, reported in one line."""


class Dialect:
    name = "base"
    # DDL fragments substituted into the migrations ({id} {real} {text})
    types: dict[str, str] = {}

    def sql(self, query: str) -> str:
        return query

    def connect(self):  # pragma: no cover - overridden
        raise NotImplementedError

    def check_file(self) -> None:
        """Raise when the database under this dialect is no longer the one opened (checked
        before each write). A server database cannot be swapped under a connection: nothing to do."""

    # full-text search -------------------------------------------------------
    def is_disconnect(self, exc: BaseException) -> bool:
        """Whether `exc` means the connection is gone (the server restarted) and may be reopened."""
        return False

    def fts_condition(self) -> str:
        """A WHERE fragment on `events` taking one bound parameter (see fts_param)."""
        raise NotImplementedError

    def fts_param(self, query: str) -> str | None:
        raise NotImplementedError

    def index_event_text(self, cur, event_id: int, text: str) -> None:
        raise NotImplementedError

    def unindex_article_events(self, cur, article_id: str) -> None:
        raise NotImplementedError


class SQLiteDialect(Dialect):
    name = "sqlite"
    types = {
        "id": "INTEGER PRIMARY KEY",
        "real": "REAL",
        "bigint": "INTEGER",
        "fts_table": "CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(body, tokenize='unicode61 remove_diacritics 2')",
        "fts_column": "SELECT 1",  # nothing to add on SQLite: the index is a separate table
        "fts_index": "SELECT 1",
        "fts_drop": "DROP TABLE IF EXISTS events_fts",
        "fts_table_v4": "CREATE VIRTUAL TABLE events_fts USING fts5(body, tokenize='porter unicode61 remove_diacritics 2')",
        "fts_refill": (
            "INSERT INTO events_fts(rowid, body) SELECT events.id, TRIM(COALESCE(events.sentence, '') || ' ' || "
            "COALESCE(events.trigger_text, '') || ' ' || COALESCE(events.actor_names, '') || ' ' || "
            "COALESCE(events.recipient_names, '') || ' ' || COALESCE(events.place_name, '') || ' ' || "
            "COALESCE(articles.title, '')) FROM events JOIN articles ON articles.id = events.article_id"
        ),
    }

    def __init__(self, path: str):
        self.path = path
        self._file_identity: tuple[int, int] | None = None

    def connect(self) -> sqlite3.Connection:
        if self._on_disk():
            # a new store in a new folder (a clean checkout has no demo/out/): the folder is made
            folder = os.path.dirname(os.path.abspath(self.path))
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError as exc:
                raise StoreUnavailable(f"cannot create the folder of the store {self.path}: {exc.strerror}") from exc
        try:
            # isolation_level=None: no implicit transactions; the store begins its own (BEGIN IMMEDIATE)
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
            _switch_to_wal(conn)
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(f"cannot open the store {self.path}: {exc}") from exc
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        if self._file_identity is None and self._on_disk():
            st = os.stat(self.path)
            self._file_identity = (st.st_dev, st.st_ino)
        return conn

    def _on_disk(self) -> bool:
        return self.path != ":memory:" and not self.path.startswith("file:")

    def check_file(self) -> None:
        """Refuse to write when the database file was deleted or replaced under us.

        SQLite keeps writing into an unlinked file without complaint, so every
        later save would "succeed" and be lost with it; failing instead lets a
        batch stop and resume into the real file."""
        if self._file_identity is None:
            return
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            raise sqlite3.OperationalError(f"database file {self.path} was removed while in use") from None
        if (st.st_dev, st.st_ino) != self._file_identity:
            raise sqlite3.OperationalError(f"database file {self.path} was replaced while in use")

    def fts_condition(self) -> str:
        return "events.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"

    def fts_param(self, query: str) -> str | None:
        # Each word quoted: FTS5 operators typed by a user become plain words.
        terms = search_terms(query)
        return " ".join('"' + t.replace('"', "") + '"' for t in terms) or None

    def index_event_text(self, cur, event_id: int, text: str) -> None:
        cur.execute("INSERT INTO events_fts(rowid, body) VALUES (?, ?)", (event_id, text))

    def unindex_article_events(self, cur, article_id: str) -> None:
        cur.execute("DELETE FROM events_fts WHERE rowid IN (SELECT id FROM events WHERE article_id = ?)", (article_id,))


class PostgresDialect(Dialect):
    name = "postgresql"
    types = {
        "id": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        "real": "DOUBLE PRECISION",
        "bigint": "BIGINT",
        "fts_table": "SELECT 1",
        "fts_column": "ALTER TABLE events ADD COLUMN IF NOT EXISTS search tsvector",
        "fts_index": "CREATE INDEX IF NOT EXISTS events_search ON events USING GIN (search)",
        "fts_drop": "SELECT 1",
        "fts_table_v4": "SELECT 1",
        "fts_refill": "SELECT 1",
    }

    def __init__(self, url: str):
        self.url = url

    def sql(self, query: str) -> str:
        # psycopg uses %s; a literal % in a query would have to be doubled (none are written).
        return query.replace("%", "%%").replace("?", "%s")

    def connect(self):
        import psycopg

        # reads run outside transactions; the store opens one per save (conn.transaction())
        return psycopg.connect(self.url, autocommit=True)

    def is_disconnect(self, exc: BaseException) -> bool:
        import psycopg

        return isinstance(exc, psycopg.OperationalError)

    def fts_condition(self) -> str:
        return "events.search @@ to_tsquery('english', ?)"

    def fts_param(self, query: str) -> str | None:
        # Terms joined with & after stripping to word characters: no tsquery syntax gets through.
        terms = search_terms(query)
        return " & ".join(terms) or None

    def index_event_text(self, cur, event_id: int, text: str) -> None:
        cur.execute(self.sql("UPDATE events SET search = to_tsvector('english', ?) WHERE id = ?"), (text, event_id))

    def unindex_article_events(self, cur, article_id: str) -> None:
        pass  # the vector lives in the events row and goes with it


def dialect_for(url_or_path: str) -> Dialect:
    if url_or_path.startswith(("postgresql://", "postgres://")):
        return PostgresDialect(url_or_path)
    if url_or_path.startswith("sqlite:///"):
        url_or_path = url_or_path[len("sqlite:///"):]
    return SQLiteDialect(url_or_path)


class ConnectionPerThread:
    """One connection per thread: SQLite connections must not be shared across
    concurrent threads, and psycopg connections serialise their queries; a web
    server's worker threads each get their own.

    A server's thread pool retires idle threads and starts new ones (anyio drops a
    worker after 10 idle seconds), so the connection of a thread that has ended is
    closed the next time a connection is opened: otherwise each one, with its page
    cache and prepared statements, would be kept for the life of the process."""

    def __init__(self, dialect: Dialect):
        self.dialect = dialect
        self._local = threading.local()
        self._all: list[Any] = []
        self._owners: dict[int, tuple[threading.Thread, Any]] = {}  # id(conn) -> (its thread, conn)
        self._lock = threading.Lock()

    def get(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            self._close_orphans()
            conn = self.dialect.connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
                self._owners[id(conn)] = (threading.current_thread(), conn)
        return conn

    def _close_orphans(self) -> None:
        """Close the connections of threads that have ended (nothing else can use them)."""
        with self._lock:
            dead = [conn for thread, conn in self._owners.values() if not thread.is_alive()]
            for conn in dead:
                self._forget(conn)
        for conn in dead:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - a broken connection is closed all the same
                pass

    def _forget(self, conn) -> None:
        # under self._lock
        self._owners.pop(id(conn), None)
        if conn in self._all:
            self._all.remove(conn)

    def discard(self) -> None:
        """Forget this thread's connection (after the server dropped it); the next get() reconnects."""
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            with self._lock:
                self._forget(conn)
            try:
                conn.close()
            except Exception:  # noqa: BLE001
                pass

    def close_all(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001 - closing a broken connection is not an error
                    pass
            self._all.clear()
            self._owners.clear()
        self._local = threading.local()


def rows_as_dicts(cur, rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in rows]
