"""Headers, escaping, SQL and path handling of the web layer."""

from __future__ import annotations

from html.parser import HTMLParser

from chronicle.web.security import CSP, bearer, token_matches
from web_corpus import HOSTILE_ACTOR, HOSTILE_TITLE


def test_security_headers_on_pages_api_and_errors(client):
    for url in ("/", "/api/events", "/api/events/999999", "/static/common.js", "/map"):
        r = client.get(url)
        assert r.headers["content-security-policy"] == CSP, url
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "frame-ancestors 'none'" in CSP


class _Elements(HTMLParser):
    """Every start tag and its attributes, as a browser's parser would see them."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.script_text = ""
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text += data


def _elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def test_pages_have_no_inline_script_and_no_injected_elements(client):
    for url in ("/", "/map", "/timeline", "/actors", "/add", "/articles/art-001", "/articles/hostile-1",
                "/api-docs", "/?q=stormed"):
        parsed = _elements(client.get(url).text)
        assert parsed.script_text.strip() == "", url
        for tag, attrs in parsed.tags:
            assert not any(name.startswith("on") for name in attrs), (url, tag, attrs)
            assert tag not in ("img", "svg", "b", "i", "iframe"), (url, tag)
            if tag == "script":
                assert attrs["src"].startswith(("/static/", "/vendor/")), (url, attrs)
            if tag == "a":
                assert not attrs.get("href", "").lower().startswith("javascript:"), (url, attrs)


def test_article_text_is_escaped(client):
    html = client.get("/articles/hostile-1").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<img" not in html and "<svg" not in html and "<b>" not in html
    assert "javascript:" not in html  # a non-http source URL is not linked
    events = client.get("/?q=stormed").text
    assert "&lt;script&gt;" in events and "<script>window" not in events
    assert HOSTILE_TITLE not in events and HOSTILE_ACTOR not in events


def test_search_text_is_never_sql(client):
    for q in ("' OR 1=1 --", "\"; DROP TABLE events; --", "x%' UNION SELECT * FROM articles --", "NEAR(a b)"):
        r = client.get("/api/events", params={"q": q})
        assert r.status_code == 200 and r.json()["total"] == 0, q
        r = client.get("/api/events", params={"actor": q})
        assert r.status_code == 200 and r.json()["total"] == 0, q
    assert client.get("/api/events").json()["total"] > 0


def test_no_path_traversal(client):
    for url in ("/vendor/../../etc/passwd", "/vendor/..%2F..%2Fetc%2Fpasswd", "/vendor/package.json",
                "/static/../app.py", "/static/..%2fapp.py", "/api/export.csv%2F..%2F..%2Fetc%2Fpasswd"):
        r = client.get(url)
        assert r.status_code in (404, 422), url
        assert "root:" not in r.text and "def create_app" not in r.text


def test_constant_time_token_helpers():
    assert token_matches("abc", "abc")
    assert not token_matches("abd", "abc") and not token_matches(None, "abc") and not token_matches("abc", None)
    assert not token_matches("", "")
    assert bearer("Bearer  tok ") == "tok" and bearer("Basic tok") is None and bearer("Bearer") is None
