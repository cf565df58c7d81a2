"""Aggregate reads for the map, the timeline and the network, over a Store.

Kept apart from the Store class (which reads and writes rows) because each
answers one view's question at scale: how many events an admin area holds
when the text names no town, how many events and deaths per day for news and
for background, which event types make up each actor -> recipient edge.
Every value is bound; every column name is fixed here.
"""

from __future__ import annotations

from typing import Any

from chronicle.store.filters import EventFilter, where

# Places the text names only as a country, a province or a wider region: the map shows
# these as areas, never as a point at the area's centroid.
WIDE_FEATURES = ("country", "admin1", "region", "continent")
_WIDE_SQL = "events.place_feature IN ('country', 'admin1', 'region', 'continent')"


def _and(clause: str) -> str:
    return " AND " if clause else " WHERE "


def areas(store, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events placed only at country, province or region level, per area: the count, the deaths
    stated, the count per type, and the area's centre (the gazetteer's point for it)."""
    clause, params = where(f or EventFilter(), store.dialect)
    rows = store._rows(
        "SELECT events.place_feature AS feature, events.country_code AS country_code, events.place_name AS name, "
        "events.type AS type, COUNT(*) AS n, SUM(COALESCE(events.fatalities, 0)) AS fatalities, "
        "AVG(events.lat) AS lat, AVG(events.lon) AS lon FROM events" + clause + _and(clause) + _WIDE_SQL
        + " GROUP BY events.place_feature, events.country_code, events.place_name, events.type",
        params,
    )
    out: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        # a country is one area whatever name the text gave it ("Iraq", "Iraqi")
        key = (r["feature"], r["country_code"], None if r["feature"] == "country" else r["name"])
        area = out.setdefault(key, {"feature": r["feature"], "country_code": r["country_code"], "name": r["name"],
                                    "n": 0, "fatalities": 0, "types": {}, "lat": r["lat"], "lon": r["lon"]})
        area["n"] += int(r["n"])
        area["fatalities"] += int(r["fatalities"] or 0)
        area["types"][r["type"]] = area["types"].get(r["type"], 0) + int(r["n"])
        if area["lat"] is None:
            area["lat"], area["lon"] = r["lat"], r["lon"]
    return sorted(out.values(), key=lambda a: (-a["n"], a["feature"], a["country_code"] or "", a["name"] or ""))


def timeline(store, f: EventFilter | None = None) -> list[list[Any]]:
    """[day, type, historical (0/1), events, deaths] per day, type and news/background."""
    clause, params = where(f or EventFilter(), store.dialect)
    rows = store._rows(
        "SELECT events.day_first AS day, events.type AS type, events.historical AS historical, COUNT(*) AS n, "
        "SUM(COALESCE(events.fatalities, 0)) AS fatalities FROM events" + clause + _and(clause)
        + "events.day_first IS NOT NULL GROUP BY events.day_first, events.type, events.historical "
        "ORDER BY events.day_first, events.type, events.historical",
        params,
    )
    return [[r["day"], r["type"], int(bool(r["historical"])), int(r["n"]), int(r["fatalities"] or 0)] for r in rows]


def typed_network(store, f: EventFilter | None = None, limit: int = 150) -> dict[str, list[dict[str, Any]]]:
    """Who acts on whom, the heaviest `limit` edges, each with its count per event type and its
    main type (the network colours edges by it); nodes carry their events on those edges."""
    clause, params = where(f or EventFilter(), store.dialect)
    rows = store._rows(
        "SELECT src.actor_id AS source, dst.actor_id AS target, events.type AS type, COUNT(*) AS n FROM events"
        " JOIN event_actors src ON src.event_id = events.id AND src.role = 'actor'"
        " JOIN event_actors dst ON dst.event_id = events.id AND dst.role = 'recipient'"
        + clause + " GROUP BY src.actor_id, dst.actor_id, events.type",
        params,
    )
    edges: dict[tuple[int, int], dict[str, Any]] = {}
    for r in rows:
        e = edges.setdefault((r["source"], r["target"]), {"source": r["source"], "target": r["target"], "n": 0,
                                                          "types": {}})
        e["n"] += int(r["n"])
        e["types"][r["type"]] = int(r["n"])
    top = sorted(edges.values(), key=lambda e: (-e["n"], e["source"], e["target"]))[:max(1, min(int(limit), 2000))]
    for e in top:
        e["type"] = max(sorted(e["types"]), key=lambda t: e["types"][t])
    return {"nodes": store._network_nodes(top), "edges": top}
