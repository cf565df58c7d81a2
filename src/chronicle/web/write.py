"""The write API: POST an article (text, HTML or URL); it is extracted and stored.

Writes need `Authorization: Bearer <token>` matching the operator's
CHRONICLE_TOKEN; with no token configured, writes are refused. Pages given by
URL are fetched here (chronicle.web.fetch guards against forged requests);
reading and extraction run in the app's extractor (chronicle.web.extraction:
a recycled worker process under `chronicle serve`), one article at a time.
"""

from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, Field

from chronicle.web import memory
from chronicle.web.extraction import ExtractError, Job
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


def require_token(request: Request, authorization: Optional[str] = Header(None)) -> None:
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "writes are disabled: the operator has not set CHRONICLE_TOKEN")
    if not token_matches(bearer(authorization), expected):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Extract an article (text, HTML or URL) and store its record")
def post_article(article: ArticleIn, request: Request) -> dict[str, Any]:
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
    job = Job(body, published=article.published, url=url, id=article.id, fields=fields)
    try:
        record = request.app.state.extractor.extract(job)
    except ExtractError as exc:  # unreadable input (422), a worker that died or is not up (503)
        raise HTTPException(exc.status, f"{exc.code}: {exc.message}") from exc
    if record.error is not None:
        raise HTTPException(422, f"{record.error.code}: {record.error.message}")
    stored = request.app.state.store.save(record)
    memory.after_write()
    out = record.to_dict()
    out["stored"] = "new or changed" if stored else "unchanged"
    out["event_ids"] = request.app.state.store.article(record.id)["event_ids"]
    return out
