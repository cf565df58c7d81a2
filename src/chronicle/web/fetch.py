"""Fetching an article page for the write API, safely.

The server fetches URLs that a client names, so it must not be turned against
the machine it runs on or its network (server-side request forgery). The
ingestion fetcher already does this for batches (every hop and the address
actually connected to checked, IPv4 hidden in IPv6 refused, bounded redirects,
a size cap and a total deadline), so the write API uses it rather than a
second, weaker copy. Loopback, private, link-local and other special
addresses are refused unless the operator sets CHRONICLE_ALLOW_PRIVATE_FETCH=1.
"""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_REDIRECTS = 5
MAX_BYTES = 5 * 1024 * 1024


class FetchError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def fetch_page(url: str) -> tuple[bytes, str, str | None]:
    """(body, final URL, content type) of a public page, or FetchError."""
    from chronicle.ingest.errors import IngestError
    from chronicle.ingest.fetch import Fetcher

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("bad_url", "only http(s) URLs with a host can be fetched")
    try:
        # one request per call, no retries: a client is waiting on the answer
        with Fetcher(max_bytes=MAX_BYTES, max_redirects=MAX_REDIRECTS, retries=0) as fetcher:
            result = fetcher.fetch(url, conditional=False, remember=False)
    except IngestError as exc:
        raise FetchError(exc.code, exc.message) from exc
    except ValueError as exc:  # a URL no parser reads
        raise FetchError("bad_url", str(exc)) from exc
    if result.status >= 400:
        raise FetchError("http_error", f"HTTP {result.status} from {result.final_url}")
    return result.content, result.final_url, result.content_type or None
