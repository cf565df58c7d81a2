"""URLs: a page becomes an article, a feed becomes its items."""

from __future__ import annotations

from typing import Iterator

from chronicle.ingest.errors import IngestError
from chronicle.ingest.fetch import Fetcher, FetchResult
from chronicle.ingest.sniff import sniff
from chronicle.ingest.urls import canonical_url


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"')
    return None


def article_from_response(result: FetchResult, **fields):
    from chronicle.ingest.decode import decode
    from chronicle.ingest.read import read_article

    if not result.content.strip():
        raise IngestError("empty", f"{result.final_url}: empty response")
    ctype = result.content_type.split(";")[0].strip().lower()
    if ctype and not (ctype.startswith("text/") or "html" in ctype or "xml" in ctype or ctype == "application/json"):
        raise IngestError("unsupported", f"{result.final_url}: content type {ctype} is not a page")
    decoded = decode(result.content, declared=_charset(result.content_type))
    fields.setdefault("source", result.url)
    fields["notes"] = list(fields.get("notes") or []) + decoded.notes
    return read_article(decoded.text, url=canonical_url(result.final_url), fetch_date=result.fetch_date, **fields)


def read_url(url: str, fetcher: Fetcher, **fields):
    """Fetch one page and read it as an article."""
    result = fetcher.fetch(url, conditional=False)
    return article_from_response(result, **fields)


def iter_url(url: str, fetcher: Fetcher) -> Iterator[tuple[object, str]]:
    """(Article or IngestError, where) for a URL: one page, or every item of a feed."""
    from chronicle.ingest.feeds import iter_feed_articles, parse_feed

    try:
        # tracking parameters and fragments dropped before asking: politer, and one page is one URL
        result = fetcher.fetch(canonical_url(url), conditional=False)
        kind = sniff(result.content[:8192], result.final_url)
        ctype = result.content_type.lower()
        if kind == "feed" or "rss" in ctype or "atom" in ctype:
            yield from iter_feed_articles(parse_feed(result.content, url), url, fetcher)
            return
        yield article_from_response(result), url
    except IngestError as exc:
        yield exc, url
    except Exception as exc:  # noqa: BLE001 - a URL no parser can read is this input's error, not the batch's
        yield IngestError("unsupported", f"{url}: {type(exc).__name__}: {exc}"), url
