"""The security findings of issue 21, one test each: Host names, the token's channel and
throttle, article URLs, integers past 64 bits, lone surrogates, and the fetcher's address
check before it connects. Plus the clear messages for invalid filters and HTML errors."""

from __future__ import annotations

import socket

import pytest

from web_corpus import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


# -- Host header (DNS rebinding) -----------------------------------------------------------------

@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io", ""])
def test_foreign_host_names_get_nothing(client, host):
    r = client.get("/api/events", headers={"Host": host})
    assert r.status_code == 400 and "Host" in r.json()["detail"]
    assert "events" not in r.json()
    assert client.get("/", headers={"Host": host}).status_code == 400


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_local_host_names_are_served(client, host):
    assert client.get("/api/events?limit=1", headers={"Host": host}).status_code == 200


def test_configured_host_names_are_served(web_db, monkeypatch):
    from fastapi.testclient import TestClient

    from chronicle.web.app import create_app

    monkeypatch.setenv("CHRONICLE_ALLOWED_HOSTS", "events.lan, other.lan")
    with TestClient(create_app(web_db, hosts=["analyst.example"]), base_url="http://events.lan") as c:
        assert c.get("/api/events?limit=1").status_code == 200
        assert c.get("/api/events?limit=1", headers={"Host": "analyst.example:8000"}).status_code == 200
        assert c.get("/api/events?limit=1", headers={"Host": "evil.example"}).status_code == 400


def test_serve_binding_every_interface_allows_no_extra_name():
    from chronicle.web.security import allowed_hosts, host_name

    assert allowed_hosts(["0.0.0.0"]) == {"localhost", "127.0.0.1", "::1"}
    assert "10.0.0.5" in allowed_hosts(["10.0.0.5"])
    assert host_name("[::1]:8000") == "::1" and host_name("Example.ORG:80") == "example.org"


# -- the token: POST only, never in a URL, throttled -----------------------------------------------

def test_add_form_posts_its_token_in_the_body(client):
    from html.parser import HTMLParser

    forms = []

    class Forms(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "form" and dict(attrs).get("id") == "add-form":
                forms.append(dict(attrs))

    Forms().feed(client.get("/add").text)
    assert forms and forms[0]["method"] == "post" and forms[0]["action"] == "/add"


def test_add_form_without_javascript_stores_the_article(client):
    before = client.get("/api/articles?limit=1").json()["total"]
    r = client.post("/add", data={"text": "Dockworkers walked out in Callao.", "title": "Port strike",
                                  "token": TOKEN})
    assert r.status_code == 201 and "text/html" in r.headers["content-type"]
    assert "Stored." in r.text and "Port strike" in r.text
    assert client.get("/api/articles?limit=1").json()["total"] == before + 1
    wrong = client.post("/add", data={"text": "x", "token": "nope"})
    assert wrong.status_code == 401 and "Refused (401)" in wrong.text


@pytest.mark.parametrize("url", ["/add?text=x&token=" + TOKEN, "/api/articles?token=" + TOKEN,
                                 "/add?access_token=" + TOKEN])
def test_a_token_in_the_url_is_refused_and_not_echoed(client, url):
    if url.startswith("/api"):
        r = client.post(url, json={"text": "Police fired tear gas in Basra."}, headers=AUTH)
    elif "text=" in url:
        r = client.get(url)
    else:
        r = client.post(url, data={"text": "x", "token": TOKEN})
    assert r.status_code == 400 and "never accepted in the URL" in r.text
    assert TOKEN not in r.text
    assert client.app.state.stub.calls == 0


def test_failed_tokens_are_throttled_per_client(client):
    body = {"text": "Police fired tear gas at protesters in Basra."}
    codes = [client.post("/api/articles", json=body, headers={"Authorization": f"Bearer guess-{i}"}).status_code
             for i in range(12)]
    assert codes[:10] == [401] * 10 and codes[10:] == [429, 429]
    # while throttled even the right token is not compared: guessing gains nothing
    r = client.post("/api/articles", json=body, headers=AUTH)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert client.app.state.stub.calls == 0
    # another client is not held up
    from chronicle.web.security import client_key

    limiter = client.app.state.failed_attempts
    assert limiter.retry_after(client_key("203.0.113.9")) == 0 and limiter.retry_after(client_key("testclient")) > 0


def test_throttle_window_expires(monkeypatch):
    import chronicle.web.security as security

    now = [1000.0]
    monkeypatch.setattr(security.time, "monotonic", lambda: now[0])
    limiter = security.FailedAttempts(limit=3, window=60)
    for _ in range(3):
        limiter.failed("a")
    assert limiter.retry_after("a") == 60
    now[0] += 61
    assert limiter.retry_after("a") == 0
    # IPv6 clients are counted by /64
    assert security.client_key("2001:db8::1") == security.client_key("2001:db8::ffff")


# -- article URLs ------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                                 "ftp://example.org/a", "http://", "//example.org/a", "vbscript:x"])
def test_article_url_must_be_http(client, url):
    r = client.post("/api/articles", json={"text": "Police fired tear gas in Basra.", "url": url}, headers=AUTH)
    assert r.status_code == 422 and "url: must be an http:// or https:// URL" in r.json()["detail"]
    assert client.app.state.stub.calls == 0


def test_http_article_url_is_kept(client):
    r = client.post("/api/articles", json={"text": "Police fired tear gas in Basra.", "id": "u1",
                                           "url": "https://news.example/a?b=1"}, headers=AUTH)
    assert r.status_code == 201 and r.json()["url"] == "https://news.example/a?b=1"


# -- integers beyond 64 bits, lone surrogates --------------------------------------------------

@pytest.mark.parametrize("url", ["/api/events/9223372036854775808", "/api/events/99999999999999999999999",
                                 "/api/actors/9223372036854775808", "/api/events?offset=9223372036854775808",
                                 "/api/articles?offset=9223372036854775808", "/?offset=9223372036854775808",
                                 "/events/9223372036854775808", "/actors/18446744073709551616", "/api/events/-1"])
def test_huge_ids_and_offsets_are_client_errors(client, url):
    r = client.get(url, follow_redirects=False)
    assert r.status_code == 422, (url, r.status_code)
    assert ("less than or equal" in r.text or "greater than or equal" in r.text)


def test_largest_64_bit_id_is_a_plain_404(client):
    assert client.get("/api/events/9223372036854775807").status_code == 404


@pytest.mark.parametrize("body", [
    b'{"text": "Police fired \\ud800 tear gas."}',
    b'{"text": 5, "title": "\\udfff"}',
    b'{"text": "ok", "url": "https://x.example/\\ud83d"}',
    b'{"\\ud800": 1}',
])
def test_lone_surrogates_in_a_body_are_a_422(client, body):
    r = client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.json()["detail"]
    assert client.app.state.stub.calls == 0


# -- filters and errors ------------------------------------------------------------------------

@pytest.mark.parametrize("query, says", [
    ("date_from=2024-13", "no month 13"), ("date_from=2024-02-30", "not a day of the calendar"),
    ("date_to=2024-00-10", "no month 00"), ("date_to=2024/01/01", "not an ISO date"),
    ("date_from=2024-03-01&date_to=2024-02-01", "after date_to"), ("sort=evil", "sort must be one of"),
])
def test_invalid_filters_say_why(client, query, says):
    api = client.get("/api/events?" + query)
    assert api.status_code == 422 and says in api.json()["detail"]
    page = client.get("/?" + query)
    assert page.status_code == 422 and "text/html" in page.headers["content-type"]
    assert says in page.text and 'id="error-message"' in page.text


def test_leap_day_is_a_valid_filter(client):
    assert client.get("/api/events?date_from=2024-02-29").status_code == 200


def test_html_routes_answer_html_errors(client):
    for url in ("/articles/no-such-article", "/actors/999999", "/events/999999", "/no-such-page"):
        r = client.get(url, follow_redirects=False)
        assert r.status_code == 404 and "text/html" in r.headers["content-type"], url
        assert "<h1" in r.text and "Not found" in r.text
    assert client.get("/api/articles/no-such-article").json() == {"detail": "no such article"}


def test_paging_past_the_end_is_sane(client):
    total = client.get("/api/events?limit=1").json()["total"]
    r = client.get(f"/?offset={total + 5000}&limit=50")
    assert r.status_code == 200
    assert f"past the end of {total}" in r.text and "showing 5001" not in r.text
    assert 'id="last-page"' in r.text
    api = client.get(f"/api/events?offset={total + 5000}").json()
    assert api["events"] == [] and api["total"] == total


# -- the fetcher checks the address before it connects ---------------------------------------------

def test_fetcher_checks_the_address_it_connects_to_before_connecting(monkeypatch):
    """DNS rebinding: the name resolves to a public address when checked and to loopback when
    used. The connection must never be opened (not merely refused after the request was sent)."""
    import chronicle.ingest.fetch as fetch
    from chronicle.ingest.errors import IngestError

    monkeypatch.delenv(fetch.ALLOW_PRIVATE_ENV, raising=False)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    port = listener.getsockname()[1]
    answers = iter(["93.184.216.34"])  # the first answer is public, every later one is loopback
    real = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host != "rebind.example":
            return real(host, *args, **kwargs)
        ip = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    try:
        with fetch.Fetcher(retries=0, respect_robots=False) as fetcher:
            with pytest.raises(IngestError) as err:
                fetcher.fetch(f"http://rebind.example:{port}/page", conditional=False)
        assert err.value.code == "forbidden_address"
        with pytest.raises(BlockingIOError):
            listener.accept()  # nothing ever connected
    finally:
        listener.close()


def test_guarded_backend_connects_to_public_addresses_only(monkeypatch):
    import chronicle.ingest.fetch as fetch
    from chronicle.ingest.errors import IngestError

    monkeypatch.setattr(fetch, "resolve_host", lambda host, port: ["8.8.8.8", "10.0.0.1"])
    with pytest.raises(IngestError, match="non-public"):
        fetch.GuardedBackend().connect_tcp("mixed.example", 80)
