"""The pages: events table, map, timeline, actors network, actor, article, add.

Server-rendered with Jinja2 (autoescaping on: every string from an article is
escaped); the interactive views load their data from the read API in scripts
served from /static. No page carries inline script.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from chronicle.store import EventFilter
from chronicle.store.queries import SORT_KEYS
from chronicle.web.api import store_of
from chronicle.web.article_view import actor_label, article_rows, event_passages
from chronicle.web.assets import MEDIA_TYPES, vendor_available, vendor_path
from chronicle.web.params import country_name, event_filter, sort_param
from chronicle.web.write import TOKEN_PARAMS

router = APIRouter(include_in_schema=False)

PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
    autoescape=True,  # every page: strings from articles are escaped
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["plover_types"] = PLOVER_TYPES
_env.globals["actor_label"] = actor_label
_env.globals["event_passages"] = event_passages


# the largest id or offset SQLite and PostgreSQL integers hold: a larger one is a 422, not a 500
MAX_ID = 2**63 - 1
MAX_OFFSET = 10_000_000


def render(name: str, request: Request, status_code: int = 200, headers=None, **context: Any) -> HTMLResponse:
    # the query string the nav links carry on, without anything that looks like a secret
    context.setdefault("query", urlencode([(k, v) for k, v in request.query_params.multi_items()
                                           if k.lower() not in TOKEN_PARAMS]))
    context.setdefault("vendor_ok", vendor_available())
    context["path"] = request.url.path
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status_code, headers=headers)




class _Facets:
    """Values for the filter drop-downs, recounted at most once a minute."""

    ttl = 60.0

    def __init__(self):
        self._at = 0.0
        self._data: dict[str, list[dict[str, Any]]] = {}

    def get(self, store) -> dict[str, list[dict[str, Any]]]:
        if time.monotonic() - self._at > self.ttl:
            self._data = {c: store.counts_by(c) for c in ("type", "acled_event_type", "country_code", "mode")}
            self._at = time.monotonic()
        return self._data


def _facets(request: Request) -> dict[str, list[dict[str, Any]]]:
    app = request.app
    if not hasattr(app.state, "facets"):
        app.state.facets = _Facets()
    return app.state.facets.get(app.state.store)


def _page_links(f: EventFilter, limit: int, offset: int, total: int, sort: str | None) -> dict[str, Any]:
    params = {**f.as_params(), **({"sort": sort} if sort else {})}

    def link(off: int) -> str:
        return "?" + urlencode({**params, "limit": limit, "offset": off})

    last = max(0, (total - 1) // limit * limit)
    shown = max(0, min(offset + limit, total) - offset)
    return {"prev": link(min(max(0, offset - limit), last)) if offset > 0 and total else None,
            "next": link(offset + limit) if offset + limit < total else None,
            "first": link(0), "last": link(last),
            "from": offset + 1 if shown else 0, "to": offset + shown, "past_end": total > 0 and offset >= total}


def _sort_links(f: EventFilter, sort: str | None) -> dict[str, dict[str, str]]:
    """Per column: the link that sorts by it (a second click reverses) and its current direction."""
    params = f.as_params()
    current = sort or "-date"
    out = {}
    for key in SORT_KEYS:
        if current.lstrip("-") == key:
            nxt = key if current.startswith("-") else "-" + key
            state = "descending" if current.startswith("-") else "ascending"
        else:
            nxt = "-" + key if key in ("date", "confidence", "fatalities") else key
            state = "none"
        out[key] = {"href": "?" + urlencode({**params, "sort": nxt}), "state": state}
    return out


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request, f: EventFilter = Depends(event_filter), limit: int = Query(50, ge=1, le=500),
                offset: int = Query(0, ge=0, le=MAX_OFFSET), sort: str | None = Depends(sort_param),
                store=Depends(store_of)):
    total = store.count_events(f)
    events = store.events(f, limit=limit, offset=offset, sort=sort) if offset < total else []
    return render("events.html", request, f=f, events=events, total=total, offset=offset, limit=limit,
                   facets=_facets(request), pages=_page_links(f, limit, offset, total, sort),
                   sorts=_sort_links(f, sort), country_name=country_name,
                   export_query=urlencode(f.as_params()))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, f: EventFilter = Depends(event_filter)):
    return render("map.html", request, f=f, facets=_facets(request))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, f: EventFilter = Depends(event_filter)):
    return render("timeline.html", request, f=f, facets=_facets(request))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, f: EventFilter = Depends(event_filter), store=Depends(store_of)):
    # the table counts only the events the page's filters select, as the network above it does
    return render("actors.html", request, f=f, facets=_facets(request), actors=store.actors(limit=30, f=f),
                   filtered=not f.is_empty())


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: int = PathParam(ge=0, le=MAX_ID), store=Depends(store_of)):
    actor = store.actor(actor_id, limit=200)
    if actor is None:
        raise HTTPException(404, "no such actor")
    return render("actor.html", request, actor=actor)


@router.get("/events/{event_id}")
def event_page(event_id: int = PathParam(ge=0, le=MAX_ID), store=Depends(store_of)):
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, "no such event")
    return RedirectResponse(f"/articles/{_quote(event['article_id'])}#event-{event['idx']}", status_code=303)


def _quote(article_id: str) -> str:
    from urllib.parse import quote

    return quote(article_id, safe="")


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store=Depends(store_of)):
    record = store.article(article_id)
    if record is None:
        raise HTTPException(404, "no such article")
    return render("article.html", request, record=record, rows=article_rows(record))


@router.get("/add", response_class=HTMLResponse)
def add_page(request: Request):
    if any(k.lower() in TOKEN_PARAMS for k in request.query_params.keys()):
        # an old form (or a hand-made link) put the token in the URL: refuse, and never show it back
        raise HTTPException(400, "a token is never accepted in the URL (it would be logged); use the form, "
                                 "which sends it in the body")
    return render("add.html", request, writes_enabled=bool(request.app.state.token))


@router.get("/vendor/{name}")
def vendor(name: str):
    path = vendor_path(name)
    if path is None:
        raise HTTPException(404, "not installed (run `make venv`, which runs npm ci)")
    return FileResponse(path, media_type=MEDIA_TYPES.get(path.suffix, "application/octet-stream"),
                        headers={"Cache-Control": "public, max-age=86400"})


@router.get("/api-docs", response_class=HTMLResponse)
def api_docs(request: Request):
    spec = request.app.openapi()
    routes = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [p["name"] for p in op.get("parameters", [])]
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                           "params": params})
    return render("api.html", request, routes=routes)


@router.get("/favicon.ico")
def favicon():
    return Response(status_code=204)
