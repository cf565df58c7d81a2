"""Events as rows with ACLED-like columns (the CSV and Parquet exports share them).

ACLED's own column names come first so that tools built for ACLED files read
them; PLOVER and Chronicle's evidence columns follow. time_precision and
geo_precision use ACLED's codes (1 most precise .. 3 least).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
    # PLOVER / CAMEO and the evidence behind each row
    "plover_type", "plover_mode", "cameo_root", "confidence", "historical", "negated", "hypothetical",
    "attributed_to", "trigger", "article_id", "article_url", "article_published", "chronicle_event_id",
]
# ACLED's own columns (the rest are Chronicle's evidence)
ACLED_ONLY_COLUMNS = COLUMNS[:COLUMNS.index("fatalities") + 1]

_TIME_PRECISION = {"day": 1, "month": 3, "year": 3}
# ACLED geo_precision: 1 the town itself, 2 a district around it, 3 a province, country or region
_WIDE_FEATURES = {"country", "admin1", "region", "continent"}


@lru_cache(maxsize=512)
def _country(alpha2: str | None) -> tuple[str | None, str | None, str | None]:
    """(numeric ISO code, alpha-3, name) for an alpha-2 code."""
    if not alpha2:
        return None, None, None
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=alpha2)
    except Exception:  # noqa: BLE001 - without pycountry the code alone is exported
        c = None
    if c is None:
        return None, None, alpha2
    return int(c.numeric), c.alpha_3, getattr(c, "common_name", None) or c.name


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One stored event (a row from Store.events / iter_events) as an ACLED-like row."""
    numeric, alpha3, name = _country(event.get("country_code"))
    place = event.get("place_name")
    feature = event.get("place_feature")
    if place is None:
        geo = None
    elif feature:
        geo = 3 if feature in _WIDE_FEATURES else 2 if feature == "admin2" else 1
    elif place == name or (event.get("admin1") and place == event.get("admin1")):
        geo = 3  # no feature class: a place named like its country or province is taken as that
    else:
        geo = 1
    date = event.get("date") or event.get("day_first")
    return {
        "event_id_cnty": f"{alpha3 or 'XXX'}{event['id']}",
        "event_date": event.get("day_first"),
        "year": int(date[:4]) if date and date[:4].isdigit() else None,
        "time_precision": _TIME_PRECISION.get(event.get("date_precision") or "", 3 if not event.get("date") else 1),
        "event_type": event.get("acled_event_type"),
        "sub_event_type": event.get("acled_sub_event_type"),
        "actor1": event.get("actor_names"),
        "actor2": event.get("recipient_names"),
        "iso": numeric,
        "country": name,
        "admin1": event.get("admin1"),
        "location": place,
        "latitude": event.get("lat"),
        "longitude": event.get("lon"),
        "geo_precision": geo,
        "source": event.get("article_outlet"),
        "notes": event.get("sentence"),
        "fatalities": event.get("fatalities") or 0,
        "plover_type": event.get("type"),
        "plover_mode": event.get("mode"),
        "cameo_root": event.get("cameo_root"),
        "confidence": event.get("confidence"),
        "historical": bool(event.get("historical")),
        "negated": bool(event.get("negated")),
        "hypothetical": bool(event.get("hypothetical")),
        "attributed_to": event.get("attributed_to"),
        "trigger": event.get("trigger_text"),
        "article_id": event.get("article_id"),
        "article_url": event.get("article_url"),
        "article_published": event.get("article_published"),
        "chronicle_event_id": event.get("id"),
    }
