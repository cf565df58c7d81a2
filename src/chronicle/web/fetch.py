"""Fetching an article page for the write API, safely.

The server fetches URLs that a client names, so it must not be turned against
the machine it runs on or its network (server-side request forgery): every
address a host resolves to is checked, redirects are followed by hand (each
hop checked, at most MAX_REDIRECTS), and the body is read up to a size limit.
Loopback, private, link-local and other special addresses are refused unless
the operator sets CHRONICLE_ALLOW_PRIVATE_FETCH=1.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from urllib.parse import urljoin, urlsplit

MAX_REDIRECTS = 5
MAX_BYTES = 5 * 1024 * 1024
TIMEOUT_S = 15.0


class FetchError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def _allowed_address(ip: str) -> bool:
    addr = ipaddress.ip_address(ip)
    return addr.is_global and not addr.is_multicast


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("bad_url", "only http(s) URLs with a host can be fetched")
    if os.environ.get("CHRONICLE_ALLOW_PRIVATE_FETCH") == "1":
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise FetchError("unresolvable", f"cannot resolve {parts.hostname}: {exc}") from exc
    for info in infos:
        if not _allowed_address(info[4][0]):
            raise FetchError("forbidden_address", f"{parts.hostname} resolves to a non-public address")


def fetch_page(url: str) -> tuple[bytes, str, str | None]:
    """(body, final URL, content type) of a public page, or FetchError."""
    import httpx

    with httpx.Client(follow_redirects=False, timeout=TIMEOUT_S,
                      headers={"User-Agent": "Chronicle/0.1 (+news event coding)"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url)
            with client.stream("GET", url) as response:
                if response.is_redirect:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError("bad_redirect", "redirect without a location")
                    url = urljoin(url, location)
                    continue
                if response.status_code >= 400:
                    raise FetchError("http_error", f"HTTP {response.status_code} from {url}")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_BYTES:
                        raise FetchError("too_large", f"page over {MAX_BYTES} bytes")
                    chunks.append(chunk)
                return b"".join(chunks), url, response.headers.get("content-type")
    raise FetchError("too_many_redirects", f"more than {MAX_REDIRECTS} redirects")
