"""The write API: POST an article (text, HTML or URL); it is extracted and stored.

Writes need `Authorization: Bearer <token>` matching the operator's
CHRONICLE_TOKEN; with no token configured, writes are refused. The pipeline
is built on the first write (loading spaCy and the stages' resources takes
seconds) and then shared by every later request of this process; requests
take turns through it, as its stages are not written to be re-entered by
threads.
"""

from __future__ import annotations

import threading
from typing import Any, Optional

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, Field

from chronicle.ingest.errors import IngestError
from chronicle.web import memory
from chronicle.web.security import bearer, token_matches

router = APIRouter(prefix="/api", tags=["write"])

MAX_TEXT = 1_000_000


class ArticleIn(BaseModel):
    text: Optional[str] = Field(None, max_length=MAX_TEXT, description="Article body as plain text")
    html: Optional[str] = Field(None, max_length=MAX_TEXT, description="Article page as HTML")
    url: Optional[str] = Field(None, max_length=2000, description="Fetch this page (when no text/html is given)")
    id: Optional[str] = Field(None, max_length=300)
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[str] = Field(None, max_length=40, description="ISO date or datetime")
    outlet: Optional[str] = Field(None, max_length=300)


class LazyPipeline:
    """One Pipeline per process, built on first use."""

    def __init__(self, factory=None):
        self._factory = factory
        self._pipeline = None
        self._build_lock = threading.Lock()
        self.run_lock = threading.Lock()

    def get(self):
        if self._pipeline is None:
            with self._build_lock:
                if self._pipeline is None:
                    if self._factory is not None:
                        self._pipeline = self._factory()
                    else:
                        from chronicle.pipeline import Pipeline

                        self._pipeline = Pipeline()
        return self._pipeline


def require_token(request: Request, authorization: Optional[str] = Header(None)) -> None:
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "writes are disabled: the operator has not set CHRONICLE_TOKEN")
    if not token_matches(bearer(authorization), expected):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Extract an article (text, HTML or URL) and store its record")
def post_article(article: ArticleIn, request: Request) -> dict[str, Any]:
    from chronicle.ingest import read_article

    body: str | bytes | None = article.html or article.text
    url = article.url
    if not body:
        if not url:
            raise HTTPException(422, "give text, html or url")
        from chronicle.web.fetch import FetchError, fetch_page

        try:
            body, url, _ = fetch_page(url)
        except FetchError as exc:
            raise HTTPException(422, f"{exc.code}: {exc}") from exc
    fields = {k: v for k, v in (("title", article.title), ("outlet", article.outlet)) if v}
    lazy: LazyPipeline = request.app.state.pipeline
    pipeline = lazy.get()
    with lazy.run_lock:
        try:
            doc = read_article(body, published=article.published, url=url, **fields)
        except IngestError as exc:  # binary, too deep, not English...: the client's input, not a server fault
            raise HTTPException(422, f"{exc.code}: {exc.message}") from exc
        if article.id:
            doc.id = article.id
        record = pipeline.process(doc)
        memory.after_write()
    if record.error is not None:
        raise HTTPException(422, f"{record.error.code}: {record.error.message}")
    stored = request.app.state.store.save(record)
    out = record.to_dict()
    out["stored"] = "new or changed" if stored else "unchanged"
    out["event_ids"] = request.app.state.store.article(record.id)["event_ids"]
    return out
