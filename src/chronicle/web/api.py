"""The read API: events, one event with its evidence, articles, actors, counts, exports."""

from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from chronicle.export import FORMATS, export_chunks
from chronicle.store import EventFilter
from chronicle.web.params import event_filter, sort_param

router = APIRouter(prefix="/api", tags=["read"])

# The map draws at most this many points; the rest are counted, not drawn.
MAX_POINTS = 50000
# ids and offsets beyond what a 64-bit integer column holds are refused (422), not a 500
MAX_ID = 2**63 - 1
MAX_OFFSET = 10_000_000


def store_of(request: Request):
    return request.app.state.store


def json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_response(data: Any) -> Response:
    """Large answers are encoded with json directly (FastAPI's generic encoder is several
    times slower on thousands of rows)."""
    return Response(json_bytes(data), media_type="application/json")


def cached(request: Request, kind: str, f: EventFilter, compute, *extra) -> Response:
    """An aggregate answer from the app's cache (already encoded), keyed on the query and the filter."""
    key = (kind, tuple(sorted(f.as_params().items())), extra)
    body = request.app.state.cache.get(key, request.app.state.store.generation, lambda: json_bytes(compute()))
    return Response(body, media_type="application/json")


@router.get("/events", summary="Events matching the filters, newest first, paginated")
def list_events(f: EventFilter = Depends(event_filter), limit: int = Query(50, ge=1, le=1000),
                offset: int = Query(0, ge=0, le=MAX_OFFSET), sort: str | None = Depends(sort_param),
                store=Depends(store_of)) -> dict[str, Any]:
    total = store.count_events(f)
    # past the end: an empty page (and the total, to find the last one), without a query that skips everything
    events = store.events(f, limit=limit, offset=offset, sort=sort) if offset < total else []
    return {"total": total, "limit": limit, "offset": offset, "events": events}


@router.get("/events/{event_id}", summary="One event with its evidence (sentence, trigger, participants, place, time)")
def get_event(event_id: int = Path(ge=0, le=MAX_ID), store=Depends(store_of)) -> dict[str, Any]:
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, "no such event")
    return event


@router.get("/points", summary="Located events as compact points for the map")
def points(request: Request, f: EventFilter = Depends(event_filter),
           limit: int = Query(MAX_POINTS, ge=1, le=MAX_POINTS),
           precision: Literal["any", "town"] = Query("any", description="town: leave out events placed only "
                                                     "at country, province or region level (see /api/areas)"),
           store=Depends(store_of)):
    def compute():
        rows = store.points(f, limit=limit, town_only=precision == "town")
        return {"fields": ["id", "lat", "lon", "type", "article_id", "idx", "label", "feature"], "points": rows,
                "truncated": len(rows) >= limit}

    return cached(request, "points", f, compute, limit, precision)


@router.get("/areas", summary="Events placed only at country, province or region level, per area (the map's areas)")
def areas(request: Request, f: EventFilter = Depends(event_filter), store=Depends(store_of)):
    from chronicle.store.aggregates import areas as area_counts
    from chronicle.web.params import country_name, iso_numeric

    def compute():
        rows = area_counts(store, f)
        for a in rows:
            a["country"] = country_name(a["country_code"])
            a["iso_n3"] = iso_numeric(a["country_code"])  # the map's country outlines are keyed on it
        return {"areas": rows}

    return cached(request, "areas", f, compute)


@router.get("/articles", summary="Stored articles, newest first")
def list_articles(limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                  store=Depends(store_of)):
    return {"total": store.count_articles(), "articles": store.articles(limit=limit, offset=offset)}


@router.get("/articles/{article_id:path}", summary="One article: its full record with every annotation")
def get_article(article_id: str, store=Depends(store_of)) -> dict[str, Any]:
    record = store.article(article_id)
    if record is None:
        raise HTTPException(404, "no such article")
    return record


@router.get("/actors", summary="Actors by number of events")
def list_actors(q: str | None = Query(None, max_length=200), limit: int = Query(50, ge=1, le=1000),
                store=Depends(store_of)):
    return {"actors": store.actors(q=q, limit=limit)}


@router.get("/actors/{actor_id}", summary="One actor with its events")
def get_actor(actor_id: int = Path(ge=0, le=MAX_ID), limit: int = Query(100, ge=1, le=1000), store=Depends(store_of)):
    actor = store.actor(actor_id, limit=limit)
    if actor is None:
        raise HTTPException(404, "no such actor")
    return actor


@router.get("/counts/daily", summary="Events per day and type (the timeline)")
def counts_daily(request: Request, f: EventFilter = Depends(event_filter), store=Depends(store_of)):
    return cached(request, "daily", f, lambda: {"counts": store.counts_by_day(f)})


@router.get("/counts/timeline", summary="Events and stated deaths per day, type and news/background")
def counts_timeline(request: Request, f: EventFilter = Depends(event_filter), store=Depends(store_of)):
    from chronicle.store.aggregates import timeline

    return cached(request, "timeline", f, lambda: {"fields": ["day", "type", "historical", "n", "fatalities"],
                                                    "rows": timeline(store, f)})


@router.get("/counts/{facet}", summary="Events per type, mode, ACLED type or country")
def counts_facet(facet: Literal["type", "mode", "acled_event_type", "country_code"],
                 request: Request, f: EventFilter = Depends(event_filter), store=Depends(store_of)):
    return cached(request, "facet", f, lambda: {"facet": facet, "counts": store.counts_by(facet, f)}, facet)


@router.get("/network", summary="Who acts on whom: actor -> recipient edges weighted by events")
def network(request: Request, f: EventFilter = Depends(event_filter), limit: int = Query(150, ge=1, le=2000),
            store=Depends(store_of)):
    from chronicle.store.aggregates import typed_network

    # edges carry their count per event type and their main type (the page colours them by it)
    return cached(request, "network", f, lambda: typed_network(store, f, limit=limit), limit)


@router.get("/export.{fmt}", summary="Every event matching the filters as jsonl, csv (ACLED-like columns, then "
            "Chronicle's), acled (ACLED's columns alone), geojson or parquet")
def export(fmt: Literal["jsonl", "csv", "acled", "geojson", "parquet"], f: EventFilter = Depends(event_filter),
           store=Depends(store_of)):
    media_type, suffix = FORMATS[fmt]
    # the file name is fixed here, never taken from the request
    name = "chronicle-acled" if fmt == "acled" else "chronicle-events"
    headers = {"Content-Disposition": f'attachment; filename="{name}.{suffix}"'}
    return StreamingResponse(export_chunks(store.iter_events(f), fmt), media_type=media_type, headers=headers)
