"""Query parameters shared by the API, the pages and the exports -> EventFilter."""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Optional

from fastapi import HTTPException, Query

from chronicle.store import EventFilter, parse_bbox
from chronicle.store.filters import day_bounds
from chronicle.store.queries import SORT_KEYS

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _date(value: Optional[str], name: str) -> Optional[str]:
    """An ISO year, month or day that exists: 2024-13 and 2024-02-30 are refused, saying why
    (a silently empty or silently ignored filter looks like an answer)."""
    if not value:
        return None
    value = value.strip()
    m = _DATE.match(value)
    if not m:
        raise HTTPException(422, f"{name}: {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if year < 1:
        raise HTTPException(422, f"{name}: year {m.group(1)} does not exist")
    if month is not None and not 1 <= int(month) <= 12:
        raise HTTPException(422, f"{name}: {value} has no month {month} (months are 01 to 12)")
    if day is not None:
        try:
            _dt.date(year, int(month), int(day))
        except ValueError:
            raise HTTPException(422, f"{name}: {value} is not a day of the calendar") from None
    return value


def sort_param(sort: Optional[str] = Query(None, max_length=20, description="Column to sort by; '-' for descending")):
    if sort in (None, ""):
        return None
    if sort.lstrip("-") not in SORT_KEYS:
        raise HTTPException(422, f"sort must be one of {', '.join(SORT_KEYS)} (with - for descending)")
    return sort


@lru_cache(maxsize=512)
def country_name(code: Optional[str]) -> str:
    """A country's common name for an ISO alpha-2 code (the code itself when unknown)."""
    if not code:
        return ""
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=code)
    except Exception:  # noqa: BLE001 - without pycountry the code is shown
        c = None
    return (getattr(c, "common_name", None) or c.name) if c else code


def _flag(value: Optional[str], name: str) -> Optional[bool]:
    if value in (None, "", "any"):
        return None
    if value.lower() in ("true", "1", "yes"):
        return True
    if value.lower() in ("false", "0", "no"):
        return False
    raise HTTPException(422, f"{name} must be true or false")


def event_filter(
    type: Optional[str] = Query(None, max_length=40, description="PLOVER event type, e.g. PROTEST"),
    mode: Optional[str] = Query(None, max_length=60, description="PLOVER mode"),
    acled_event_type: Optional[str] = Query(None, max_length=80, description="ACLED event type, e.g. Protests"),
    country: Optional[str] = Query(None, max_length=3, description="Where it happened: ISO alpha-2 or alpha-3"),
    actor: Optional[str] = Query(None, max_length=200, description="Actor id or part of its name"),
    recipient: Optional[str] = Query(None, max_length=200, description="Recipient id or part of its name"),
    date_from: Optional[str] = Query(None, max_length=10, description="Events on or after (ISO date)"),
    date_to: Optional[str] = Query(None, max_length=10, description="Events on or before (ISO date)"),
    bbox: Optional[str] = Query(None, max_length=100, description="west,south,east,north in degrees"),
    q: Optional[str] = Query(None, max_length=200, description="Full-text search"),
    historical: Optional[str] = Query(None, max_length=5, description="true: background only; false: news only"),
    min_confidence: Optional[str] = Query(None, max_length=10, description="0..1"),
    article_id: Optional[str] = Query(None, max_length=300),
) -> EventFilter:
    confidence = None
    if min_confidence not in (None, ""):
        try:
            confidence = float(min_confidence)
        except ValueError:
            confidence = -1.0
        if not 0 <= confidence <= 1:
            raise HTTPException(422, "min_confidence must be a number from 0 to 1")
    try:
        box = parse_bbox(bbox)
    except ValueError as exc:
        raise HTTPException(422, f"bbox: {exc}") from exc
    date_from, date_to = _date(date_from, "date_from"), _date(date_to, "date_to")
    if date_from and date_to and day_bounds(date_from)[0] > day_bounds(date_to)[1]:
        raise HTTPException(422, f"date_from ({date_from}) is after date_to ({date_to})")
    return EventFilter(
        type=type or None, mode=mode or None, acled_event_type=acled_event_type or None, country=country or None,
        actor=(actor or "").strip() or None, recipient=(recipient or "").strip() or None,
        date_from=date_from, date_to=date_to, bbox=box,
        q=(q or "").strip() or None, historical=_flag(historical, "historical"), min_confidence=confidence,
        article_id=article_id or None,
    )


@lru_cache(maxsize=512)
def iso_numeric(code: Optional[str]) -> Optional[str]:
    """ISO 3166 numeric code ("368" for IQ), as Natural Earth's outlines are keyed."""
    if not code:
        return None
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=code)
    except Exception:  # noqa: BLE001
        c = None
    return c.numeric if c else None
