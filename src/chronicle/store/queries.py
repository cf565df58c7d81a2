"""The store's reads: what the API, the pages and the exports ask for (store.py writes)."""

from __future__ import annotations

import json
from typing import Any, Iterator

from chronicle.store.filters import EventFilter, where


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


def _fix_bools(row: dict[str, Any]) -> dict[str, Any]:
    for key in BOOL_FIELDS:
        if key in row and row[key] is not None:
            row[key] = bool(row[key])
    return row


class StoreQueries:
    """The read side of the store: events by filter, one event, counts, the actor network,
    articles and actors. A mixin of `Store` (store.py), which owns the connection."""

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
        return {"nodes": self._network_nodes(edges), "edges": edges}

    def _network_nodes(self, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The actors at either end of `edges`, each with `n`: the events of its edges."""
        ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        if not ids:
            return []
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
        return nodes

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
