"""create_app(db): the API and the pages over one store (`chronicle serve`)."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from chronicle.web.cache import AggregateCache
from chronicle.web.security import AllowedHosts, BodyLimit, SecurityHeaders, allowed_hosts

DEFAULT_MAX_BODY = 2 * 1024 * 1024


def create_app(db: str = "chronicle.db", *, token: str | None = None, max_body: int | None = None,
               pipeline_factory=None, hosts=None) -> FastAPI:
    """The app over the store at `db` (SQLite path or postgresql:// URL).

    token: the bearer token writes need (default: $CHRONICLE_TOKEN; none: writes refused).
    max_body: largest request body in bytes (default: $CHRONICLE_MAX_BODY or 2 MiB).
    pipeline_factory: builds a pipeline in this process on the first write (tests' stubs);
    without it, writes are extracted in a recycled worker process (chronicle.web.extraction).
    hosts: the Host names requests may carry, besides localhost and $CHRONICLE_ALLOWED_HOSTS
    (`chronicle serve --allow-host`); "*" allows any.
    """
    from chronicle.store import open_store
    from chronicle.web import api, errors, memory, pages, write
    from chronicle.web.extraction import make_extractor

    # before uvicorn starts its threads: each would otherwise get an arena of its own
    memory.limit_arenas()

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.extractor.close()
        app.state.store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Chronicle",
        version="1",
        description="Evidence-backed political event data extracted from news articles. "
                    "Reads are open; POST /api/articles needs `Authorization: Bearer $CHRONICLE_TOKEN`.",
        docs_url=None,  # the stock docs pages load scripts from a CDN; /api-docs lists the API instead
        redoc_url=None,
    )
    app.state.store = open_store(db)
    app.state.token = token if token is not None else os.environ.get("CHRONICLE_TOKEN") or None
    app.state.extractor = make_extractor(pipeline_factory)
    app.state.cache = AggregateCache(ttl=float(os.environ.get("CHRONICLE_CACHE_TTL", "30")))
    app.include_router(api.router)
    app.include_router(write.router)
    app.include_router(write.form_router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    limit = max_body if max_body is not None else int(os.environ.get("CHRONICLE_MAX_BODY", DEFAULT_MAX_BODY))
    app.add_middleware(BodyLimit, max_bytes=limit)
    # a request under a foreign Host name gets nothing but the refusal (with the security headers)
    app.add_middleware(AllowedHosts, hosts=allowed_hosts(hosts))
    app.add_middleware(SecurityHeaders)
    errors.install(app)

    return app
