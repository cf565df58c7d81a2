"""The store: article records in SQLite (default, one file) or PostgreSQL (postgresql:// URL).

    store = open_store("chronicle.db")
    store.save(record)          # idempotent per article id
    store.events(EventFilter(type="PROTEST"), limit=50)
    store.close()
"""

from chronicle.store.dialect import StoreUnavailable
from chronicle.store.filters import EventFilter, parse_bbox
from chronicle.store.store import Store, open_store

__all__ = ["open_store", "Store", "StoreUnavailable", "EventFilter", "parse_bbox"]
