"""The write API: POST an article (text, HTML or URL); it is extracted and stored.

Writes need `Authorization: Bearer <token>` matching the operator's
CHRONICLE_TOKEN (or, from the add page's form, a `token` field in a POSTed
body); with no token configured, writes are refused. A token is never read
from a URL, where it would land in access logs and browser history, and a
client that keeps giving wrong tokens is refused for a while (429). Pages given by
URL are fetched here (chronicle.web.fetch guards against forged requests);
reading and extraction run in the app's extractor (chronicle.web.extraction:
a recycled worker process under `chronicle serve`), one article at a time.
"""

from __future__ import annotations

from typing import Any, Optional
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, Field, field_validator

from chronicle.web import memory
from chronicle.web.extraction import ExtractError, Job
from chronicle.web.security import FailedAttempts, bearer, client_key, token_matches

router = APIRouter(prefix="/api", tags=["write"])

MAX_TEXT = 1_000_000
# query parameters that would carry a secret in a URL
TOKEN_PARAMS = ("token", "access_token", "auth", "authorization")


def check_text(value: Optional[str]) -> Optional[str]:
    """A string a client sent must be valid Unicode: a lone surrogate (U+D800..U+DFFF, which
    JSON's \\u escapes can carry) cannot be stored or encoded in an answer."""
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError(f"contains a lone surrogate at character {exc.start} (not valid Unicode)") from None
    return value


def check_url(value: Optional[str]) -> Optional[str]:
    """An article's URL is linked from the pages and exported: http(s) with a host only."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        host = None
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
        raise ValueError("must be an http:// or https:// URL with a host")
    return value


class ArticleIn(BaseModel):
    text: Optional[str] = Field(None, max_length=MAX_TEXT, description="Article body as plain text")
    html: Optional[str] = Field(None, max_length=MAX_TEXT, description="Article page as HTML")
    url: Optional[str] = Field(None, max_length=2000, description="Fetch this page (when no text/html is given)")
    id: Optional[str] = Field(None, max_length=300)
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[str] = Field(None, max_length=40, description="ISO date or datetime")
    outlet: Optional[str] = Field(None, max_length=300)

    @field_validator("text", "html", "id", "title", "published", "outlet")
    @classmethod
    def _text(cls, value: Optional[str]) -> Optional[str]:
        return check_text(value)

    @field_validator("url")
    @classmethod
    def _url(cls, value: Optional[str]) -> Optional[str]:
        return check_url(check_text(value))


def attempts(request: Request) -> FailedAttempts:
    app = request.app
    if not hasattr(app.state, "failed_attempts"):
        app.state.failed_attempts = FailedAttempts()
    return app.state.failed_attempts


def check_token(request: Request, given: Optional[str], scheme: str = "Bearer") -> None:
    """403 when writes are off, 400 for a token in the URL, 429 for a client that failed too
    often lately, 401 for a wrong token (which counts as a failure)."""
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "writes are disabled: the operator has not set CHRONICLE_TOKEN")
    if any(k.lower() in TOKEN_PARAMS for k in request.query_params.keys()):
        raise HTTPException(400, "a token is never accepted in the URL (it would be logged); "
                                 "send it in the Authorization header or a POSTed form")
    key = client_key(request.client.host if request.client else None)
    wait = attempts(request).retry_after(key)
    if wait:
        raise HTTPException(429, f"too many wrong tokens from this address; try again in {wait} s",
                            headers={"Retry-After": str(wait)})
    if not token_matches(given, expected):
        attempts(request).failed(key)
        headers = {"WWW-Authenticate": "Bearer"} if scheme == "Bearer" else None
        raise HTTPException(401, "a valid bearer token is required" if scheme == "Bearer" else "wrong token",
                            headers=headers)


def require_token(request: Request, authorization: Optional[str] = Header(None)) -> None:
    check_token(request, bearer(authorization))


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Extract an article (text, HTML or URL) and store its record")
def post_article(article: ArticleIn, request: Request) -> dict[str, Any]:
    return extract_and_store(article, request)


def extract_and_store(article: ArticleIn, request: Request) -> dict[str, Any]:
    """Fetch (when only a URL is given), extract and store one article; HTTPException on failure."""
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


form_router = APIRouter(include_in_schema=False)


@form_router.post("/add")
async def add_form(request: Request):
    """The add page's form, for a browser without JavaScript: the token comes in the POSTed
    body (never in the URL), and the answer is the add page with the record or the refusal."""
    from pydantic import ValidationError

    from chronicle.web.pages import render

    form = await request.form()
    values = {k: form.get(k) for k in ("text", "url", "title", "published", "token")}
    values = {k: v for k, v in values.items() if isinstance(v, str)}
    status, result, message = 201, None, None
    try:
        check_token(request, values.get("token"), scheme="form")
        text = (values.get("text") or "").strip()
        fields = {"html" if text.lstrip().startswith("<") else "text": text or None,
                  **{k: (values.get(k) or "").strip() or None for k in ("url", "title", "published")}}
        try:
            article = ArticleIn(**fields)
        except ValidationError as exc:
            raise HTTPException(422, "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}"
                                               for e in exc.errors(include_input=False))) from None
        from starlette.concurrency import run_in_threadpool

        result = await run_in_threadpool(extract_and_store, article, request)
        message = "Stored."
    except HTTPException as exc:
        status, message = exc.status_code, f"Refused ({exc.status_code}): {exc.detail}"
    return render("add.html", request, status_code=status, writes_enabled=bool(request.app.state.token),
                  result=result, message=message)
