"""The web layer against an attacker: writes need the bearer token (compared in
constant time), bodies are capped (413), filter parameters never become SQL,
stored markup never runs in any page (checked in headless Chromium), no path
reaches files outside the served ones, and every response carries the
security headers. Runs over a store of hostile records (web_hostile.py).
"""

from __future__ import annotations

import hmac
import shutil
import socket
import sqlite3
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from fuzz_settings import fuzz
from web_hostile import PAYLOADS, TOKEN, hostile_corpus

pytestmark = pytest.mark.timeout(300)

FILTERS = ["type", "mode", "acled_event_type", "country", "actor", "recipient", "date_from", "date_to", "bbox", "q",
           "historical", "min_confidence", "article_id"]
FILTERED_ENDPOINTS = ["/api/events", "/api/points", "/api/counts/daily", "/api/counts/type", "/api/network",
                      "/api/export.csv", "/api/export.jsonl", "/api/export.geojson", "/", "/map", "/timeline", "/actors"]
MARK = "zq9x"  # in every injection payload, so it can be looked for in the SQL that ran
INJECTIONS = [
    f"' OR '1'='1' -- {MARK}", f"\" OR 1=1; DROP TABLE events; -- {MARK}", f"x' UNION SELECT sql FROM sqlite_master -- {MARK}",
    f"1); DELETE FROM articles; -- {MARK}", f"%' AND 1=0 UNION SELECT NULL,NULL -- {MARK}", f"{MARK}\x00' OR 1=1",
    f"NEAR({MARK} OR) \"unbalanced", f"{MARK}*", f"-- {MARK}", f"{MARK}'||(SELECT load_extension('x'))||'",
]
LEAKS = ("Traceback", "OperationalError", "sqlite3", "syntax error", "psycopg", "File \"/", "sqlite_master")


class StubPipeline:
    """Stands in for extraction: these tests are about the web layer, not about coding."""

    def __init__(self):
        self.calls = 0

    def process(self, article):
        from chronicle.record import ArticleRecord, content_id

        self.calls += 1
        return ArticleRecord(id=article.id or content_id(article.text), title=article.title, text=article.text)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    from chronicle.store import open_store

    path = tmp_path_factory.mktemp("web-hostile") / "hostile.db"
    with open_store(str(path)) as store:
        store.save_many(hostile_corpus())
    return path


class RecordingConnection(sqlite3.Connection):
    """Keeps the text of every statement prepared, before parameters are bound."""

    statements: list[str] = []

    def cursor(self, factory=None):
        return super().cursor(factory or RecordingCursor)

    def execute(self, sql, *args):
        RecordingConnection.statements.append(sql)
        return super().execute(sql, *args)


class RecordingCursor(sqlite3.Cursor):
    def execute(self, sql, *args):
        RecordingConnection.statements.append(sql)
        return super().execute(sql, *args)

    def executemany(self, sql, *args):
        RecordingConnection.statements.append(sql)
        return super().executemany(sql, *args)


@pytest.fixture
def client(hostile_db, tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    import chronicle.store.dialect as dialect
    from chronicle.web.app import create_app

    real_connect = sqlite3.connect
    monkeypatch.setattr(dialect.sqlite3, "connect", lambda *a, **kw: real_connect(*a, factory=RecordingConnection, **kw))
    RecordingConnection.statements = []
    db = tmp_path / "web.db"
    shutil.copyfile(hostile_db, db)
    stub = StubPipeline()
    app = create_app(str(db), token=TOKEN, max_body=64 * 1024, pipeline_factory=lambda: stub)
    app.state.stub = stub
    with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as c:
        yield c


def totals(client) -> tuple[int, int]:
    return client.get("/api/articles?limit=1").json()["total"], client.get("/api/events?limit=1").json()["total"]


# -- writes: the bearer token --------------------------------------------------------------

ARTICLE = {"text": "Police fired tear gas at protesters in Basra on Friday, witnesses said.", "id": "new-1"}


@pytest.mark.parametrize("authorization", [
    None, "", "Bearer", "Bearer ", f"bearer{TOKEN}", f"Basic {TOKEN}", f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN}x",
    f"Bearer {TOKEN.upper()}", f"Bearer {TOKEN[:4]}", "Bearer " + "A" * 5000, f"Token {TOKEN}", f"Bearer {TOKEN}\x00",
])
def test_writes_need_the_exact_bearer_token(client, authorization):
    headers = {} if authorization is None else {"Authorization": authorization}
    before = totals(client)
    r = client.post("/api/articles", json=ARTICLE, headers=headers)
    assert r.status_code in (400, 401), (authorization, r.status_code)
    assert client.app.state.stub.calls == 0 and totals(client) == before


def test_the_right_token_writes(client):
    r = client.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201 and client.app.state.stub.calls == 1


def test_token_is_compared_in_constant_time(client, monkeypatch):
    compared = []
    real = hmac.compare_digest

    def spy(a, b):
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    for given_token in ("short", TOKEN[:-1] + "?", TOKEN):
        client.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {given_token}"})
    # every candidate, whatever its length, went through hmac.compare_digest against the secret
    assert [a for a, _ in compared] == [b"short", (TOKEN[:-1] + "?").encode(), TOKEN.encode()]
    assert all(b == TOKEN.encode() for _, b in compared)


def test_no_token_configured_means_no_writes(hostile_db, tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from chronicle.web.app import create_app

    monkeypatch.delenv("CHRONICLE_TOKEN", raising=False)
    db = tmp_path / "web.db"
    shutil.copyfile(hostile_db, db)
    stub = StubPipeline()
    with TestClient(create_app(str(db), pipeline_factory=lambda: stub), raise_server_exceptions=False,
                    base_url="http://127.0.0.1") as c:
        for auth in ("Bearer ", "Bearer None", "Bearer null", f"Bearer {TOKEN}"):
            assert c.post("/api/articles", json=ARTICLE, headers={"Authorization": auth}).status_code in (401, 403)
    assert stub.calls == 0


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/api/articles", "/api/articles/hostile-0", "/api/events/1", "/api/actors/1"])
def test_no_other_write_methods(client, method, path):
    before = totals(client)
    r = client.request(method, path, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code in (404, 405), (method, path, r.status_code)
    assert totals(client) == before


# -- body size ---------------------------------------------------------------------------------


def test_declared_oversized_body_is_refused_with_413(client):
    big = {"text": "word " * 40_000}  # ~200 KB against a 64 KiB limit
    for headers in ({"Authorization": f"Bearer {TOKEN}"}, {}):
        r = client.post("/api/articles", json=big, headers=headers)
        assert r.status_code == 413, r.status_code
    assert client.app.state.stub.calls == 0


def test_streamed_oversized_body_without_length_is_cut_off(client):
    def chunks():
        yield b'{"text": "'
        for _ in range(200):
            yield b"x" * 1024
        yield b'"}'

    r = client.post("/api/articles", content=chunks(),
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert r.status_code == 413
    assert client.app.state.stub.calls == 0


def test_bad_content_length_is_a_client_error(client):
    r = client.post("/api/articles", content=b"{}", headers={"Authorization": f"Bearer {TOKEN}",
                                                             "Content-Length": "-5", "Content-Type": "application/json"})
    assert 400 <= r.status_code < 500


# -- SQL -----------------------------------------------------------------------------------------


def _assert_clean(r, where, sent: tuple[str, ...] = ()):
    """No server error, and no internals in the answer (the values sent may be echoed back)."""
    assert r.status_code < 500, (where, r.status_code, r.text[:300])
    if r.headers.get("content-type", "").startswith(("text/", "application/json")):
        for leak in LEAKS:
            if not any(leak in value for value in sent):  # the value itself may be echoed back
                assert leak not in r.text, (where, leak)


def test_injection_in_every_filter_parameter(client):
    before = totals(client)
    for param in FILTERS:
        for payload in INJECTIONS:
            for endpoint in FILTERED_ENDPOINTS:
                r = client.get(endpoint, params={param: payload})
                _assert_clean(r, (endpoint, param, payload), (payload,))
                if r.status_code == 200 and endpoint == "/api/events":
                    # a payload matches nothing (or, as text, what contains it): never "everything"
                    assert r.json()["total"] < before[1] or param in ("q", "historical"), (param, payload)
    assert totals(client) == before
    ran = RecordingConnection.statements
    assert ran, "the statements the store ran were recorded"
    assert not [s for s in ran if MARK in s], "a request value became part of an SQL statement"


def test_injection_in_path_parameters(client):
    for payload in (p for p in INJECTIONS if p.isprintable()):  # a URL path cannot carry a NUL
        for path in (f"/api/articles/{payload}", f"/articles/{payload}", f"/api/actors/{payload}",
                     f"/api/events/{payload}", f"/actors/{payload}", f"/events/{payload}", f"/api/counts/{payload}"):
            r = client.get(path)
            _assert_clean(r, path, (payload,))
            assert r.status_code in (404, 422), (path, r.status_code)
    for name in ("limit", "offset"):
        for value in ("1; DROP TABLE events", "-1", "1e9", "99999999999999999999999", "0x10"):
            _assert_clean(client.get("/api/events", params={name: value}), (name, value), (value,))
    assert not [s for s in RecordingConnection.statements if MARK in s]


@fuzz(100)
@given(st.dictionaries(st.sampled_from(FILTERS + ["limit", "offset"]),
                       st.text(st.characters(blacklist_categories=("Cs",)), max_size=40), max_size=4),
       st.sampled_from(["/api/events", "/api/points", "/api/network", "/api/counts/daily", "/", "/api/export.csv"]))
def test_any_filter_values_never_break_the_server(client, params, endpoint):
    _assert_clean(client.get(endpoint, params=params), (endpoint, params), tuple(params.values()))


# -- paths -----------------------------------------------------------------------------------------

TRAVERSALS = [
    "/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/....//app.py",
    "/static/%252e%252e/app.py", "/static//etc/passwd", "/static/..\\app.py", "/static/%00common.js",
    "/vendor/../../pyproject.toml", "/vendor/..%2F..%2Fpyproject.toml", "/vendor/leaflet%2F..%2F..%2Fpackage.json",
    "/vendor/%2Fetc%2Fpasswd", "/vendor/package.json",
    "/api/export.csv%2F..%2F..%2Fetc%2Fpasswd", "/api/export.txt", "/api/export..%2f..%2fetc%2fpasswd",
    "/api/articles/..%2F..%2F..%2Fetc%2Fpasswd", "/articles/../../etc/passwd", "/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/templates/base.html", "/web/app.py",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_traversal(client, path):
    r = client.get(path)
    assert r.status_code in (404, 405, 422), (path, r.status_code)
    for secret in ("root:x:0:0", "def create_app", "[project]", "{% block", '"dependencies"'):
        assert secret not in r.text, (path, secret)


def test_export_file_names_are_fixed(client):
    for fmt in ("csv", "jsonl", "geojson", "parquet"):
        r = client.get(f"/api/export.{fmt}", params={"q": "../../etc/passwd", "type": "\"; filename=evil.sh"})
        assert r.status_code == 200
        assert r.headers["content-disposition"] == f'attachment; filename="chronicle-events.{fmt}"'


# -- headers and markup ----------------------------------------------------------------------------


def _csp(value: str) -> dict[str, list[str]]:
    out = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def test_security_headers_on_every_kind_of_response(client):
    responses = {
        "page": client.get("/"), "api": client.get("/api/events"), "static": client.get("/static/common.js"),
        "404": client.get("/api/events/999999"), "422": client.get("/api/events?date_from=x"),
        "401": client.post("/api/articles", json=ARTICLE), "405": client.delete("/api/articles"),
        "413": client.post("/api/articles", content=b"x" * 70_000, headers={"Content-Type": "application/json"}),
        "export": client.get("/api/export.csv"), "article page": client.get("/articles/hostile-0"),
    }
    for name, r in responses.items():
        policy = _csp(r.headers.get("content-security-policy", ""))
        scripts = policy.get("script-src", policy.get("default-src"))
        assert scripts, (name, "no script policy")
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"} & set(scripts), (name, scripts)
        assert policy.get("object-src") == ["'none'"] or policy.get("default-src") == ["'self'"], name
        framing = policy.get("frame-ancestors") == ["'none'"] or r.headers.get("x-frame-options", "").upper() == "DENY"
        assert framing, (name, "framing allowed")
        assert r.headers.get("x-content-type-options") == "nosniff", name


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag in ("img", "svg", "iframe", "details", "b") or any(k.startswith("on") for k in names):
            self.bad.append(f"<{tag} {names}>")
        if any((v or "").strip().lower().startswith("javascript:") for v in names.values()):
            self.bad.append(f"javascript: in <{tag}>")
        self._script = tag == "script"
        if tag == "script" and not (names.get("src") or "").startswith(("/static/", "/vendor/")):
            self.bad.append(f"script {names}")

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script and data.strip():
            self.bad.append(f"inline script {data[:60]!r}")


def page_urls(client) -> list[str]:
    articles = [a["id"] for a in client.get("/api/articles?limit=100").json()["articles"]]
    actors = [a["id"] for a in client.get("/api/actors?limit=5").json()["actors"]]
    from urllib.parse import quote

    return (["/", "/?q=attacked", "/map", "/timeline", "/actors", "/add", "/api-docs"]
            + [f"/articles/{quote(a, safe='')}" for a in articles] + [f"/actors/{a}" for a in actors])


def test_stored_markup_is_escaped_in_every_served_page(client):
    urls = page_urls(client)
    assert len(urls) > 20
    for url in urls:
        r = client.get(url)
        assert r.status_code == 200, url
        parser = _Markup()
        parser.feed(r.text)
        assert not parser.bad, (url, parser.bad[:3])
        assert "{{ 7*7 }}" not in r.text or "49" not in r.text.split("{{ 7*7 }}")[0][-5:]


# -- in the browser ----------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# Runs before any page script: catches payloads that would run and any blocked attempt.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
});
"""
INJECTED = ("img[onerror], svg[onload], details[ontoggle], iframe, [srcdoc], a[href^='javascript:'], "
            "script:not([src]), [onclick], [onmouseover]")


@pytest.fixture(scope="module")
def live_server(hostile_db, tmp_path_factory):
    import uvicorn

    from chronicle.web.app import create_app

    db = tmp_path_factory.mktemp("live") / "live.db"
    shutil.copyfile(hostile_db, db)
    app = create_app(str(db), token=TOKEN, pipeline_factory=StubPipeline)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", app
    server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
def test_stored_script_never_runs_in_the_browser(live_server):
    from fastapi.testclient import TestClient
    from playwright.sync_api import sync_playwright

    base, app = live_server
    with TestClient(app, base_url="http://127.0.0.1") as c:
        urls = page_urls(c)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.add_init_script(WATCH)
            dialogs = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for url in urls:
                page.goto(base + url, wait_until="networkidle")
                if url == "/map" and page.locator(".event-marker, .marker-cluster").count():
                    page.locator(".event-marker, .marker-cluster").first.click()  # open a popup or a cluster
                    page.wait_for_timeout(300)
                state = page.evaluate("() => ({pwned: window.__pwned, violations: window.__violations,"
                                      f" injected: document.querySelectorAll({INJECTED!r}).length,"
                                      " text: document.body.innerText})")
                assert state["pwned"] is None, (url, state["pwned"])
                assert state["violations"] == [], (url, state["violations"][:3])
                assert state["injected"] == 0, url
            assert dialogs == []
            # the payloads are shown as the text they are
            page.goto(base + "/articles/hostile-0", wait_until="networkidle")
            assert PAYLOADS[0] in page.evaluate("() => document.body.innerText")
        finally:
            browser.close()
