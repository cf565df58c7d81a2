"""EventFilter: the one description of "which events" shared by the API, the pages and the exports.

`where()` turns a filter into a WHERE clause made only of fixed fragments
written here, with every value bound as a parameter.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, fields
from typing import Any

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
_ISO_YEAR = re.compile(r"^\d{4}$")


def day_bounds(value: str | None) -> tuple[str | None, str | None]:
    """First and last day an ISO date, month or year covers ("2020-08" -> 2020-08-01, 2020-08-31)."""
    if not value:
        return None, None
    value = value[:10]
    if _ISO_DAY.match(value):
        return value, value
    if _ISO_MONTH.match(value):
        year, month = int(value[:4]), int(value[5:7])
        if not 1 <= month <= 12:
            return None, None
        last = calendar.monthrange(year, month)[1]
        return f"{value}-01", f"{value}-{last:02d}"
    if _ISO_YEAR.match(value):
        return f"{value}-01-01", f"{value}-12-31"
    return None, None


def alpha2(code: str | None) -> str | None:
    """A country filter may be given as ISO alpha-2 or alpha-3; places store alpha-2."""
    if not code:
        return None
    code = code.strip().upper()
    if len(code) == 3:
        try:
            import pycountry

            country = pycountry.countries.get(alpha_3=code)
            return country.alpha_2 if country else code
        except Exception:  # noqa: BLE001 - without pycountry the code is used as given
            return code
    return code


@dataclass
class EventFilter:
    type: str | None = None
    mode: str | None = None
    acled_event_type: str | None = None
    country: str | None = None  # where the event happened (ISO alpha-2 or alpha-3)
    actor: str | None = None  # actor id (digits) or part of the actor's name
    recipient: str | None = None
    date_from: str | None = None  # ISO date; events overlapping [date_from, date_to]
    date_to: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    q: str | None = None  # full-text search over sentence, trigger, actors, place, title
    historical: bool | None = None  # None: both
    min_confidence: float | None = None
    article_id: str | None = None

    def as_params(self) -> dict[str, Any]:
        """The filter as query parameters (for links between pages and exports)."""
        out = {}
        for key, value in asdict(self).items():
            if value is None:
                continue
            if key == "bbox":
                value = ",".join(str(x) for x in value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            out[key] = value
        return out

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """"west,south,east,north" in degrees; raises ValueError when malformed."""
    if not value:
        return None
    parts = [float(x) for x in value.split(",")]
    if len(parts) != 4:
        raise ValueError("bbox needs four numbers: west,south,east,north")
    west, south, east, north = parts
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError("bbox out of range")
    return west, south, east, north


def _actor_condition(role: str) -> str:
    # role is one of two fixed strings chosen in code, never from a request. The actors
    # table is small: matching actors are found first, then their events through the index.
    assert role in ("actor", "recipient")
    return (
        "events.id IN (SELECT ea.event_id FROM event_actors ea WHERE ea.role = '" + role + "' AND ea.actor_id IN "
        "(SELECT a.id FROM actors a WHERE a.id = ? OR LOWER(a.name) LIKE ?))"
    )


def _like(value: str) -> str:
    # LIKE wildcards typed by a user are matched literally by dropping them
    return "%" + value.lower().replace("%", "").replace("_", "") + "%"


def where(f: EventFilter, dialect) -> tuple[str, list[Any]]:
    """The WHERE clause (with leading ' WHERE ' or empty) and its parameters for `events`."""
    clauses: list[str] = []
    params: list[Any] = []
    if f.type:
        clauses.append("events.type = ?")
        params.append(f.type.upper())
    if f.mode:
        clauses.append("events.mode = ?")
        params.append(f.mode)
    if f.acled_event_type:
        clauses.append("events.acled_event_type = ?")
        params.append(f.acled_event_type)
    if f.country:
        clauses.append("events.country_code = ?")
        params.append(alpha2(f.country))
    for role, value in (("actor", f.actor), ("recipient", f.recipient)):
        if value:
            clauses.append(_actor_condition(role))
            params.append(int(value) if value.isdigit() else -1)
            params.append(_like(value))
    if f.date_from:
        clauses.append("events.day_last >= ?")
        params.append(day_bounds(f.date_from)[0] or f.date_from)
    if f.date_to:
        clauses.append("events.day_first <= ?")
        params.append(day_bounds(f.date_to)[1] or f.date_to)
    if f.bbox:
        west, south, east, north = f.bbox
        clauses.append("events.lat BETWEEN ? AND ?")
        params += [south, north]
        if west <= east:
            clauses.append("events.lon BETWEEN ? AND ?")
            params += [west, east]
        else:  # a box across the antimeridian
            clauses.append("(events.lon >= ? OR events.lon <= ?)")
            params += [west, east]
    if f.q:
        term = dialect.fts_param(f.q)
        if term:
            clauses.append(dialect.fts_condition())
            params.append(term)
    if f.historical is not None:
        clauses.append("events.historical = ?")
        params.append(1 if f.historical else 0)
    if f.min_confidence is not None:
        clauses.append("events.confidence >= ?")
        params.append(float(f.min_confidence))
    if f.article_id:
        clauses.append("events.article_id = ?")
        params.append(f.article_id)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
