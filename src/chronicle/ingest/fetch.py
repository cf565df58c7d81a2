"""Fetching pages the way a site owner would accept and an operator can trust.

- a user agent naming Chronicle and where to read about it;
- connect/read timeouts and a total deadline (a server trickling bytes is cut off);
- a size cap enforced while streaming (a huge response is never read whole);
- retries with exponential backoff on connection errors, 429 and 5xx only;
- conditional requests: the ETag / Last-Modified of the last fetch are sent
  back, and a 304 answer costs nothing (the validators persist when the cache
  is given a SQLite path, as `chronicle watch` does);
- redirects followed by hand, at most MAX_REDIRECTS, so a loop ends;
- robots.txt obeyed for the "Chronicle" agent (read once per host; a site
  without one, or whose robots.txt cannot be fetched, is open);
- no request to this machine or its networks (server-side request forgery):
  every address a host resolves to must be public, checked before each
  request (each redirect hop and robots.txt included); the connection itself
  is opened by GuardedBackend, which resolves the name once, checks every
  address and connects only to an address it checked (a name that resolves to
  a public address for the check and to a private one for the connection,
  DNS rebinding, gains nothing, and no byte is sent to a refused address);
  the address reached is checked once more before the answer is read. Loopback,
  private, link-local, shared, multicast and reserved addresses are refused
  unless the operator allows them: `Fetcher(allow_private=True)` or the
  environment variable CHRONICLE_ALLOW_PRIVATE_FETCH=1.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from chronicle.ingest import limits
from chronicle.ingest.errors import IngestError

ROBOTS_AGENT = "Chronicle"
USER_AGENT = "Chronicle/0.1 (news event coder; +https://github.com/chronicle-events/chronicle)"
_RETRY_STATUS = {429, 500, 502, 503, 504}
ROBOTS_MAX_BYTES = 512_000
ALLOW_PRIVATE_ENV = "CHRONICLE_ALLOW_PRIVATE_FETCH"


def private_fetch_allowed() -> bool:
    """Whether the operator lets Chronicle fetch from loopback and private networks."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")


def public_address(ip: str) -> bool:
    """An address on the public internet (not this machine, a private, link-local,
    shared, multicast, reserved or unspecified one). IPv4 written inside IPv6
    (::ffff:127.0.0.1, 6to4, Teredo) is judged as the IPv4 address it carries."""
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address):
        inner = addr.ipv4_mapped or addr.sixtofour or (addr.teredo[1] if addr.teredo else None)
        if inner is not None and not public_address(str(inner)):
            return False
    return addr.is_global and not addr.is_multicast


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (a literal address is its own answer)."""
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    return sorted({info[4][0] for info in infos})


def check_destination(url: str, allow_private: bool) -> None:
    """IngestError unless `url` is http(s) to a host whose every address may be fetched."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 - raises on a broken authority ("http://[::1")
    except ValueError as exc:
        raise IngestError("unsupported", f"{url}: not a valid URL ({exc})") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError("unsupported", f"{url}: only http(s) URLs with a host are fetched")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise IngestError("unsupported", f"{url}: bad port") from exc
    try:
        addresses = resolve_host(parts.hostname, port)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise IngestError("fetch_failed", f"{url}: cannot resolve {parts.hostname}: {exc}") from exc
    refused = [a for a in addresses if not public_address(a)]
    if refused or not addresses:
        raise IngestError("forbidden_address", f"{url}: {parts.hostname} resolves to a non-public address "
                          f"({', '.join(refused) or 'none'}); set {ALLOW_PRIVATE_ENV}=1 to allow it")


class GuardedBackend:
    """httpcore's network backend with the address check done before connecting.

    The name is resolved here, every address it gives is checked, and the socket is
    opened to one of those very addresses (never to the name, which the OS would
    resolve again). TLS is unaffected: the server name sent and verified comes
    from the URL, not from the address connected to."""

    def __init__(self):
        import httpcore

        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None):
        import httpcore

        try:
            addresses = resolve_host(host, port)
        except (socket.gaierror, UnicodeError, OSError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        refused = [a for a in addresses if not public_address(a)]
        if refused or not addresses:
            raise IngestError("forbidden_address", f"{host} resolves to a non-public address "
                              f"({', '.join(refused) or 'none'}); not connected. Set {ALLOW_PRIVATE_ENV}=1 to allow it")
        last: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                               socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        raise last  # type: ignore[misc]

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None):
        raise IngestError("forbidden_address", "unix sockets are not fetched from")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def guarded_transport():
    """httpx's transport whose direct connections go through GuardedBackend."""
    import httpx

    transport = httpx.HTTPTransport()
    pool = getattr(transport, "_pool", None)
    # httpx exposes no parameter for the backend; its pool is httpcore's ConnectionPool, which
    # takes one. Fail loudly rather than fetch unguarded if a later httpx changes that.
    if pool is None or not hasattr(pool, "_network_backend"):
        raise RuntimeError("this httpx version does not let Chronicle check addresses before connecting")
    pool._network_backend = GuardedBackend()
    return transport


@dataclass
class FetchResult:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    not_modified: bool = False
    fetch_date: str | None = None  # the server's Date header (or ours): an upper bound on publication
    headers: dict = field(default_factory=dict)


class ValidatorCache:
    """ETag / Last-Modified per URL; in memory, or in a SQLite file when given a path."""

    def __init__(self, path: str | None = None):
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path or ":memory:", check_same_thread=False)
        self._conn.execute("CREATE TABLE IF NOT EXISTS validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT)")
        self._conn.commit()

    def get(self, url: str) -> tuple[str | None, str | None]:
        with self._lock:
            row = self._conn.execute("SELECT etag, last_modified FROM validators WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def put(self, url: str, etag: str | None, last_modified: str | None) -> None:
        if not etag and not last_modified:
            return
        with self._lock:
            self._conn.execute("INSERT OR REPLACE INTO validators VALUES (?, ?, ?)", (url, etag, last_modified))
            self._conn.commit()

    def close(self) -> None:
        self._conn.close()


class Fetcher:
    """One HTTP client for a batch; see the module docstring for its manners."""

    def __init__(self, *, cache: ValidatorCache | None = None, max_bytes: int | None = None,
                 timeout: float | None = None, total_timeout: float | None = None, retries: int | None = None,
                 backoff: float | None = None, max_redirects: int | None = None, transport=None,
                 respect_robots: bool = True, allow_private: bool | None = None):
        import httpx

        self.allow_private = private_fetch_allowed() if allow_private is None else allow_private
        self.cache = cache
        self.respect_robots = respect_robots
        self._robots: dict[str, object] = {}
        self.max_bytes = max_bytes or limits.MAX_INPUT_BYTES
        self.total_timeout = total_timeout or limits.TOTAL_TIMEOUT_S
        self.retries = limits.RETRIES if retries is None else retries
        self.backoff = limits.BACKOFF_S if backoff is None else backoff
        self.max_redirects = limits.MAX_REDIRECTS if max_redirects is None else max_redirects
        read = timeout or limits.READ_TIMEOUT_S
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                     "application/atom+xml,application/xml;q=0.9,*/*;q=0.5"},
            timeout=httpx.Timeout(read, connect=min(read, limits.CONNECT_TIMEOUT_S)),
            follow_redirects=False,
            transport=transport if transport is not None or self.allow_private else guarded_transport(),
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fetch(self, url: str, *, conditional: bool = True, remember: bool = True) -> FetchResult:
        """GET `url` politely. Raises IngestError (fetch_failed, timeout, http_error,
        too_large, too_many_redirects, forbidden_address, robots_disallowed) when no page comes back.

        remember=False leaves the answer's validators out of the cache until the caller
        calls `remember(result)`: a feed's ETag is kept only once all its items were handled,
        or the next poll's 304 would hide the items a crash left undone."""
        current = url
        for _hop in range(self.max_redirects + 1):
            check_destination(current, self.allow_private)  # every hop: a redirect may point inward
            if not self.allowed(current):
                raise IngestError("robots_disallowed", f"{current}: the site's robots.txt asks {ROBOTS_AGENT} not to fetch it")
            result = self._fetch_once(url, current, conditional, remember)
            if result.status in (301, 302, 303, 307, 308):
                location = result.headers.get("location")
                if not location:
                    raise IngestError("http_error", f"{current}: redirect {result.status} without a Location")
                current = urljoin(current, location)
                continue
            return result
        raise IngestError("too_many_redirects", f"{url}: more than {self.max_redirects} redirects")

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets Chronicle fetch `url` (read once per host)."""
        if not self.respect_robots:
            return True
        from urllib.parse import urlsplit
        from urllib.robotparser import RobotFileParser

        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            check_destination(host + "/robots.txt", self.allow_private)
            rules = RobotFileParser()
            try:
                lines = self._robots_lines(host + "/robots.txt")
            except IngestError:
                raise
            except Exception:  # noqa: BLE001 - no readable robots.txt: the site is open
                lines = []
            rules.parse(lines)
            self._robots[host] = rules
        return self._robots[host].can_fetch(ROBOTS_AGENT, url)

    def _robots_lines(self, url: str) -> list[str]:
        """robots.txt as lines, read up to ROBOTS_MAX_BYTES (a bigger one is ignored, not read whole)."""
        with self.client.stream("GET", url, timeout=5.0) as response:
            self._check_peer(url, response)
            if response.status_code != 200:
                return []
            data = bytearray()
            for chunk in response.iter_bytes():
                data += chunk
                if len(data) > ROBOTS_MAX_BYTES:
                    return []
        return bytes(data).decode("utf-8", "replace").splitlines()

    def remember(self, result: FetchResult) -> None:
        """Keep the validators (ETag, Last-Modified) of a successful answer for the next request."""
        if self.cache is not None and 200 <= result.status < 300:
            self.cache.put(result.final_url, result.headers.get("etag"), result.headers.get("last-modified"))

    def _fetch_once(self, asked: str, url: str, conditional: bool, remember: bool = True) -> FetchResult:
        import httpx

        headers = {}
        if conditional and self.cache is not None:
            etag, modified = self.cache.get(url)
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
        attempt = 0
        result: FetchResult | None = None
        while True:
            try:
                result = self._stream(asked, url, headers)
            except IngestError as exc:
                result = None
                if exc.code not in ("fetch_failed", "timeout") or attempt >= self.retries:
                    raise
            else:
                if result.status not in _RETRY_STATUS or attempt >= self.retries:
                    break
            time.sleep(self._delay(attempt, result))
            attempt += 1
        if result.status == 304:
            result.not_modified = True
            return result
        if result.status >= 400:
            raise IngestError("http_error", f"{url}: HTTP {result.status}")
        if remember:
            self.remember(result)
        return result

    def _delay(self, attempt: int, result: FetchResult | None) -> float:
        retry_after = result.headers.get("retry-after") if result else None
        if retry_after and retry_after.isdigit():
            return min(float(retry_after), 60.0)  # the server's wish, within reason
        return self.backoff * (2 ** attempt)

    def _stream(self, asked: str, url: str, headers: dict) -> FetchResult:
        import httpx

        deadline = time.monotonic() + self.total_timeout
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                self._check_peer(url, response)
                lowered = {k.lower(): v for k, v in response.headers.items()}
                result = FetchResult(url=asked, final_url=str(response.url), status=response.status_code,
                                     content_type=lowered.get("content-type", ""), headers=lowered,
                                     fetch_date=_http_date(lowered.get("date")))
                if not 200 <= response.status_code < 300:
                    return result  # redirects, 304s and errors carry no body we want
                declared = lowered.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise IngestError("too_large", f"{url}: {declared} bytes announced, limit {self.max_bytes}")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise IngestError("too_large", f"{url}: more than {self.max_bytes} bytes, stopped reading")
                    if time.monotonic() > deadline:
                        raise IngestError("timeout", f"{url}: no complete answer within {self.total_timeout:.0f} s")
                    chunks.append(chunk)
                result.content = b"".join(chunks)
                return result
        except httpx.TimeoutException as exc:
            raise IngestError("timeout", f"{url}: {type(exc).__name__}") from exc
        except httpx.InvalidURL as exc:  # not an HTTPError: a URL httpx cannot send
            raise IngestError("unsupported", f"{url}: {exc}") from exc
        except httpx.HTTPError as exc:
            raise IngestError("fetch_failed", f"{url}: {type(exc).__name__}: {exc}") from exc


    def _check_peer(self, url: str, response) -> None:
        """The address the connection really reached must be allowed too (a host name
        may resolve to a public address when checked and to a private one when used)."""
        if self.allow_private:
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer and not public_address(str(peer[0])):
            raise IngestError("forbidden_address", f"{url}: connected to non-public address {peer[0]}; not read")


def _http_date(value: str | None) -> str:
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return datetime.now(timezone.utc).date().isoformat()
