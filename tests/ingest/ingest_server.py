"""A small HTTP server on 127.0.0.1 for the fetching tests: pages, feeds,
redirects, validators (304), slow, failing and oversized answers."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Site:
    """Routes -> handlers; counts requests so tests can see retries and 304s."""

    def __init__(self):
        self.routes: dict[str, dict] = {}
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, dict]] = []

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", **options):
        self.routes[path] = {"body": body.encode("utf-8") if isinstance(body, str) else body,
                             "type": content_type, **options}


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # keep test output quiet
            pass

        def do_GET(self):  # noqa: N802 - http.server's naming
            path = self.path.split("?", 1)[0]
            site.hits[path] = site.hits.get(path, 0) + 1
            site.requests.append((path, dict(self.headers)))
            route = site.routes.get(path)
            if route is None:
                return self._send(404, b"not here", "text/plain")
            if "redirect" in route:
                self.send_response(route.get("status", 302))
                self.send_header("Location", route["redirect"])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.get("drop_first", 0) >= site.hits[path]:
                # the server goes away mid-request: no status line, the connection just closes
                self.close_connection = True
                return
            if route.get("cut_first", 0) >= site.hits[path]:
                # headers promise the whole body, half of it comes, then the connection closes
                body = route["body"]
                self.send_response(200)
                self.send_header("Content-Type", route["type"])
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.close_connection = True
                return
            if route.get("fail_first", 0) >= site.hits[path]:
                return self._send(503, b"busy", "text/plain", {"Retry-After": "0"})
            if route.get("sleep"):
                time.sleep(route["sleep"])
            etag = route.get("etag")
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.get("endless"):
                self.send_response(200)
                self.send_header("Content-Type", route["type"])
                self.end_headers()
                chunk = b"<p>" + b"x" * 65536 + b"</p>"
                try:
                    for _ in range(route["endless"]):
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True
                return
            extra = {"ETag": etag} if etag else {}
            self._send(200, route["body"], route["type"], extra)

        def _send(self, status, body, ctype, headers=None):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


class LocalServer:
    def __init__(self):
        self.site = Site()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.site))
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return self.base + path
