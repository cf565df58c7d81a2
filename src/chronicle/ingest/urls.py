"""URLs: one canonical form per page, and the outlet a URL belongs to.

The same article is reached under many URLs (http/https, with or without
"www.", tracking parameters, fragments, a trailing slash). `canonical_url`
cleans a URL with courlan; `url_key` reduces it further to the identity used
to recognise one page under two URLs (and to derive a stable article id).
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


def is_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def canonical_url(url: str) -> str:
    """courlan's normalised URL without fragment and tracking parameters."""
    from courlan import normalize_url

    url = url.strip()
    try:
        cleaned = normalize_url(url)
    except Exception:  # noqa: BLE001 - a URL courlan cannot read stays as given
        cleaned = url
    try:
        parts = urlsplit(cleaned)
    except ValueError:  # "http://[::1": no parts to clean; it stays as given (and is never fetched)
        return url
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def url_key(url: str) -> str:
    """Identity of a page: canonical URL without scheme, "www." and trailing slash."""
    try:
        parts = urlsplit(canonical_url(url))
    except ValueError:
        return url
    host = parts.netloc.removeprefix("www.")
    if host.endswith(":80") or host.endswith(":443"):
        host = host.rsplit(":", 1)[0]
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def url_article_id(url: str) -> str:
    """A stable article id for a page known by URL: the same page, the same id."""
    return "url:" + hashlib.sha1(url_key(url).encode("utf-8")).hexdigest()[:20]


def outlet_from_url(url: str | None) -> str | None:
    """The registered domain ("bbc.co.uk") of a URL, the outlet when the page names none."""
    if not url:
        return None
    from courlan import extract_domain

    try:
        domain = extract_domain(url)
    except Exception:  # noqa: BLE001
        domain = None
    if not domain:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            return None
        domain = host.removeprefix("www.") or None
    return domain.rsplit(":", 1)[0] if domain and domain.rsplit(":", 1)[-1].isdigit() else domain
