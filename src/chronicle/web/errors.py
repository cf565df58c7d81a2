"""Error answers: JSON for the API, an HTML page for the pages, a clear message for both.

FastAPI's own handlers answer JSON everywhere and echo the rejected input;
that input may hold a lone surrogate (JSON's \\ud800 escape) that cannot be
encoded, which turned a client's mistake into a 500. Here the message names
the parameter and the problem, never echoes the value, and HTML routes get
a page with the message and a way back.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

# Paths whose answers are data: everything else is a page
DATA_PREFIXES = ("/api/", "/openapi.json", "/static/", "/vendor/")

REASONS = {400: "Bad request", 401: "Not allowed", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
           413: "Too large", 422: "Invalid request", 429: "Too many attempts", 500: "Server error",
           503: "Unavailable"}


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith(DATA_PREFIXES)


def _safe(text: str) -> str:
    # a message may quote client input: keep it encodable whatever it holds
    return text.encode("utf-8", "replace").decode("utf-8")


def validation_message(exc: RequestValidationError) -> str:
    """One line per problem: 'where: what', without the rejected value."""
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        msg = err.get("msg", "invalid")
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        parts.append(f"{'.'.join(loc) or 'request'}: {msg}")
    return _safe("; ".join(parts) or "invalid request")


def _page(request: Request, status: int, message: str, headers=None) -> Response:
    from chronicle.web.pages import render

    return render("error.html", request, status_code=status, headers=headers, status=status,
                  reason=REASONS.get(status, "Error"), message=message, f=None)


def answer(request: Request, status: int, message: str, headers=None) -> Response:
    message = _safe(message)
    if wants_html(request):
        return _page(request, status, message, headers)
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return answer(request, exc.status_code, detail, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return answer(request, 422, validation_message(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("error answering %s", request.url.path)
        return answer(request, 500, "the server failed to answer this request; the error is in its log")
