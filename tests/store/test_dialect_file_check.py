"""Every dialect answers check_file(): the store calls it before each write, whatever the engine."""

from __future__ import annotations

import sqlite3

import pytest

from chronicle.store.dialect import Dialect, PostgresDialect, SQLiteDialect, dialect_for


def test_every_dialect_has_check_file():
    for cls in (Dialect, SQLiteDialect, PostgresDialect):
        assert callable(getattr(cls, "check_file", None)), cls
    # a server database cannot be swapped under its connection: nothing to check, nothing raised
    assert PostgresDialect("postgresql://nobody@127.0.0.1:1/none").check_file() is None
    assert Dialect().check_file() is None


def test_sqlite_check_file_notices_a_replaced_file(tmp_path):
    path = tmp_path / "a.db"
    dialect = dialect_for(str(path))
    dialect.connect().close()
    dialect.check_file()  # the file opened is still there
    path.rename(tmp_path / "moved.db")
    path.write_bytes(b"")  # another file under the same name
    with pytest.raises(sqlite3.OperationalError, match="replaced"):
        dialect.check_file()


def test_memory_database_has_nothing_to_check():
    dialect = dialect_for(":memory:")
    dialect.connect().close()
    assert dialect.check_file() is None
