"""What every response and every write goes through: the allowed Host names,
security headers, a body size limit, and the bearer token of the write API
(compared in constant time, failed attempts throttled per client).

The body limit is enforced in ASGI, before any route reads the body: a
Content-Length over the limit is refused at once, and a chunked body is
counted as it streams and cut off when it passes the limit.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import os
import threading
import time
from collections import deque

# Scripts only from this server (no inline script, no eval); styles likewise; no framing.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """ASGI middleware answering 413 when a request body exceeds `max_bytes`."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await _reply(send, 400, "bad Content-Length")
                if declared > self.max_bytes:
                    return await _reply(send, 413, f"request body over {self.max_bytes} bytes")
        seen = 0
        too_large = False
        replied = False

        async def counting_receive():
            # Past the limit the app is told the client went away, so it stops reading;
            # whatever it then answers is replaced by the 413 below.
            nonlocal seen, too_large
            if too_large:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    too_large = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            nonlocal replied
            if too_large:
                if not replied:
                    replied = True
                    await _reply(send, 413, f"request body over {self.max_bytes} bytes")
                return
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not too_large:
                raise
        if too_large and not replied:
            await _reply(send, 413, f"request body over {self.max_bytes} bytes")


async def _reply(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def token_matches(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of a bearer token (no timing hint of how much matched)."""
    if not expected or given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


# Host names a browser may use to reach the server. Reads need no token, so without this
# check a page on any site could read the store through DNS rebinding (its own name made to
# resolve to 127.0.0.1): the browser would then send that site's name as Host.
DEFAULT_HOSTS = ("localhost", "127.0.0.1", "::1")
HOSTS_ENV = "CHRONICLE_ALLOWED_HOSTS"


def allowed_hosts(extra=None, bind: str | None = None) -> frozenset[str]:
    """localhost, the address the server is bound to (unless it is every interface),
    $CHRONICLE_ALLOWED_HOSTS (comma-separated) and `extra`; "*" allows any Host."""
    hosts = set(DEFAULT_HOSTS)
    hosts.add(bind or "")
    hosts.update(h for h in os.environ.get(HOSTS_ENV, "").split(","))
    hosts.update(extra or ())
    names = {h.strip().lower().strip("[]") for h in hosts if h and h.strip()}
    return frozenset(names - {"0.0.0.0", "::"})  # "every interface" names no host


def host_name(value: str) -> str:
    """The name in a Host header, without the port ("[::1]:8000" -> "::1")."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


class AllowedHosts:
    """ASGI middleware answering 400 to a request whose Host is not one of `hosts`."""

    def __init__(self, app, hosts: frozenset[str]):
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or "*" in self.hosts:
            return await self.app(scope, receive, send)
        given = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
        if host_name(given) not in self.hosts:
            return await _reply(send, 400, "this server does not answer to that Host name; the operator can "
                                "allow it with --allow-host or " + HOSTS_ENV)
        return await self.app(scope, receive, send)


def client_key(host: str | None) -> str:
    """One key per client address; IPv6 clients by their /64 (one machine holds many)."""
    try:
        addr = ipaddress.ip_address(host or "")
    except ValueError:
        return host or "?"
    if addr.version == 6:
        if addr.ipv4_mapped:
            return str(addr.ipv4_mapped)
        return str(ipaddress.ip_network(f"{addr}/64", strict=False))
    return str(addr)


class FailedAttempts:
    """At most `limit` failed token attempts per client in any `window` seconds.

    A client past the limit is refused (429) without its token being compared, until its
    oldest failure in the window expires. Bounded memory: at most `clients` addresses are
    remembered (the stalest forgotten first)."""

    def __init__(self, limit: int = 10, window: float = 60.0, clients: int = 10_000):
        self.limit = limit
        self.window = window
        self.clients = clients
        self._seen: dict[str, deque] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque:
        times = self._seen.get(key)
        if times is None:
            return deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._seen[key]
        return times

    def retry_after(self, key: str) -> int:
        """Seconds until `key` may try again (0: it may try now)."""
        now = time.monotonic()
        with self._lock:
            times = self._recent(key, now)
            if len(times) < self.limit:
                return 0
            return max(1, int(times[0] + self.window - now + 0.999))

    def failed(self, key: str) -> None:
        now = time.monotonic()
        with self._lock:
            times = self._recent(key, now)
            if key not in self._seen:
                if len(self._seen) >= self.clients:
                    del self._seen[next(iter(self._seen))]
                self._seen[key] = times
            times.append(now)
