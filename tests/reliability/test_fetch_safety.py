"""Fetching cannot be turned against the machine it runs on or its network
(server-side request forgery), and a URL that hangs, redirects forever or
answers without end ends with an error record.

The only server contacted is one the test starts on 127.0.0.1; every other
address in here is refused before any connection (a transport that records
requests proves nothing left).
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

from chronicle.ingest import IngestError, iter_inputs
from chronicle.ingest import fetch as fetch_module
from chronicle.ingest.fetch import ALLOW_PRIVATE_ENV, Fetcher, public_address
from chronicle.record import Article, ArticleRecord

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from ingest_pages import html_page  # noqa: E402
from ingest_server import LocalServer  # noqa: E402

pytestmark = pytest.mark.timeout(120)

INTERNAL_URLS = [
    "http://localhost/admin", "http://127.0.0.1/", "http://127.1.2.3:8080/", "http://0.0.0.0/",
    "http://[::1]/", "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
    "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/",  # 127.0.0.1 in other spellings
    "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/",  # link-local (cloud metadata)
    "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://[fd00::1]/",  # private
    "http://100.64.0.1/",  # shared address space (carrier NAT)
    "http://224.0.0.1/", "http://[ff02::1]/",  # multicast
    "http://240.0.0.1/", "http://255.255.255.255/", "http://192.0.2.1/",  # reserved, documentation
    "http://[2002:7f00:1::]/",  # 6to4 wrapping 127.0.0.1
]


@pytest.fixture(autouse=True)
def no_operator_switch(monkeypatch):
    monkeypatch.delenv(ALLOW_PRIVATE_ENV, raising=False)


@pytest.fixture(scope="module")
def server():
    with LocalServer() as running:
        site = running.site
        site.page("/page", html_page("harbour", "Durban dock workers strike again"))
        site.page("/to-metadata", b"", redirect="http://169.254.169.254/latest/meta-data/")
        site.page("/to-private", b"", redirect="http://10.1.2.3/internal")
        site.page("/to-page", b"", redirect="/page")
        site.page("/loop-a", b"", redirect="/loop-b")
        site.page("/loop-b", b"", redirect="/loop-a")
        site.page("/hang", html_page("harbour", "Slow"), sleep=5)
        site.page("/endless", b"", endless=400)
        yield running


class RecordingTransport(httpx.BaseTransport):
    """Answers every request with a page, and remembers that a request was made."""

    def __init__(self):
        self.requests: list[str] = []

    def handle_request(self, request):
        self.requests.append(str(request.url))
        return httpx.Response(200, html="<html><body><p>internal</p></body></html>")


@pytest.mark.parametrize("url", INTERNAL_URLS)
def test_internal_addresses_are_refused_before_any_request(url):
    transport = RecordingTransport()
    with Fetcher(transport=transport, retries=0) as fetcher, pytest.raises(IngestError) as err:
        fetcher.fetch(url)
    assert err.value.code == "forbidden_address", err.value
    assert transport.requests == []  # not even robots.txt was asked for


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/", "http:///nohost"])
def test_other_schemes_are_not_fetched(url):
    transport = RecordingTransport()
    with Fetcher(transport=transport) as fetcher, pytest.raises(IngestError) as err:
        fetcher.fetch(url)
    assert err.value.code == "unsupported" and transport.requests == []


def test_address_judgement():
    for ip in ("8.8.8.8", "93.184.216.34", "2a00:1450:4001:80b::200e", "1.1.1.1"):
        assert public_address(ip), ip
    for ip in ("127.0.0.1", "10.0.0.1", "::1", "fe80::1%eth0", "::ffff:10.0.0.1", "::ffff:8.8.8.8x", "nonsense"):
        assert not public_address(ip), ip


def test_loopback_server_is_not_contacted_without_the_operator_switch(server):
    before = dict(server.site.hits)
    with Fetcher(retries=0) as fetcher, pytest.raises(IngestError) as err:
        fetcher.fetch(server.url("/page"))
    assert err.value.code == "forbidden_address"
    assert server.site.hits == before


def test_operator_switch_allows_the_local_server(server, monkeypatch):
    with Fetcher(allow_private=True, retries=0) as fetcher:
        assert fetcher.fetch(server.url("/page")).status == 200
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "1")
    with Fetcher(retries=0) as fetcher:
        assert fetcher.fetch(server.url("/to-page")).final_url.endswith("/page")
    with Fetcher(allow_private=False, retries=0) as fetcher, pytest.raises(IngestError):
        fetcher.fetch(server.url("/page"))  # the parameter wins over the environment


@pytest.fixture
def loopback_counts_as_public(monkeypatch):
    """Let 127.0.0.1 stand for a public web server, everything else judged as usual:
    what a redirect from a public page to an internal address would do."""
    judge = fetch_module.public_address
    monkeypatch.setattr(fetch_module, "public_address", lambda ip: ip == "127.0.0.1" or judge(ip))


@pytest.mark.parametrize("path", ["/to-metadata", "/to-private"])
def test_redirect_to_an_internal_address_is_refused(server, loopback_counts_as_public, path):
    with Fetcher(retries=0) as fetcher, pytest.raises(IngestError) as err:
        fetcher.fetch(server.url(path))
    assert err.value.code == "forbidden_address"
    assert server.site.hits.get(path) == 1  # the public hop was fetched, the internal one never


def test_a_name_that_resolves_publicly_but_connects_inward_is_not_read(server, monkeypatch):
    # DNS rebinding: the name answers a public address to the check and loopback afterwards.
    # The connection is opened only to an address that was checked, so the server is never reached.
    import socket

    answers = iter(["93.184.216.34"])
    real = socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers, "127.0.0.1"), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    before = server.site.hits.get("/page", 0)
    with Fetcher(retries=0, respect_robots=False) as fetcher, pytest.raises(IngestError) as err:
        fetcher.fetch(server.url("/page").replace("127.0.0.1", "rebind.example"))
    assert err.value.code == "forbidden_address" and "not connected" in err.value.message
    assert server.site.hits.get("/page", 0) == before


def test_the_peer_is_checked_again_before_the_answer_is_read(server, monkeypatch):
    # a second line behind the connection check: the address actually reached is judged too
    monkeypatch.setattr(fetch_module, "resolve_host", lambda host, port: ["93.184.216.34"])
    monkeypatch.setattr(fetch_module, "guarded_transport", lambda: None)  # the connection check off
    with Fetcher(retries=0, respect_robots=False) as fetcher, pytest.raises(IngestError) as err:
        fetcher.fetch(server.url("/page"))
    assert err.value.code == "forbidden_address" and "connected to" in err.value.message


def _records(urls: list[str], tmp_path: Path, **fetcher_options) -> list:
    listing = tmp_path / "pages.urls"
    listing.write_text("\n".join(urls) + "\n")
    with Fetcher(**fetcher_options) as fetcher:
        return list(iter_inputs([str(listing)], fetcher=fetcher))


def test_url_list_of_internal_addresses_gives_one_error_record_each(tmp_path):
    urls = INTERNAL_URLS[:8]
    items = _records(urls, tmp_path, retries=0, transport=RecordingTransport())
    assert [i.error.code for i in items] == ["forbidden_address"] * len(urls)


def test_hanging_looping_and_endless_urls_end_with_error_records(server, tmp_path, monkeypatch):
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "1")
    urls = [server.url(p) for p in ("/hang", "/loop-a", "/endless", "/page")]
    items = _records(urls, tmp_path, timeout=1.0, retries=1, backoff=0.01, max_bytes=2_000_000, max_redirects=5)
    assert [type(i) for i in items] == [ArticleRecord, ArticleRecord, ArticleRecord, Article]
    assert [i.error.code for i in items[:3]] == ["timeout", "too_many_redirects", "too_large"]
    assert server.site.hits["/loop-a"] + server.site.hits["/loop-b"] <= 6  # bounded, not forever
