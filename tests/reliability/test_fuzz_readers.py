"""Every reader on hostile input: no crash, no hang, every failure an error record.

Each reader is driven through the public entry points (read_article and
iter_inputs on files the test writes), never through a reader's internals,
so what is tested is what a user runs.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import example, given, strategies as st

from chronicle.ingest import IngestError, iter_inputs, read_article
from chronicle.record import Article, ArticleRecord
from hostile import (HUGE_TEXT, PATHOLOGICAL_HTML, SENTENCES, html_page, news_with_odd_characters,
                     strip_surrogates)
from invariants import check_item

from fuzz_settings import fuzz
pytestmark = pytest.mark.timeout(300)


def read_or_error(source, **fields):
    """read_article's two allowed outcomes; anything else (another exception) fails the test."""
    try:
        article = read_article(source, **fields)
    except IngestError as exc:
        assert exc.code and exc.message
        return exc
    assert isinstance(article, Article)
    if article.text:
        check_item(article)
    else:
        assert article.meta.get("empty"), "an empty Article must say why"
    return article


def all_items(tmp_path: Path, name: str, data: bytes) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(iter_inputs([str(path)]))
    for item in items:
        check_item(item)
    return items


# -- read_article: scraped text and HTML ------------------------------------------------


@fuzz(300)
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data):
    read_or_error(data)


@fuzz(300)
@given(st.text(max_size=3000))
def test_arbitrary_text(text):
    read_or_error(text)


@fuzz(150)
@given(news_with_odd_characters())
def test_news_with_unicode_edge_cases_reads_as_clean_text(text):
    result = read_or_error(text)
    if isinstance(result, Article) and result.text:
        # the body is the input's own characters (no lone surrogate survives: records must encode)
        result.text.encode("utf-8")


@fuzz(100)
@given(html_page())
def test_generated_html(page):
    read_or_error(page)
    read_or_error(page.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL_HTML))
def test_pathological_html(name):
    result = read_or_error(PATHOLOGICAL_HTML[name])
    if isinstance(result, IngestError):
        assert result.code in ("too_deep", "no_text", "too_large", "binary"), (name, result)


@pytest.mark.parametrize("name", sorted(HUGE_TEXT))
def test_enormous_text(name):
    result = read_or_error(HUGE_TEXT[name])
    if isinstance(result, Article) and result.text:
        assert len(result.text) <= 200_000  # the body cap (limits.MAX_BODY_CHARS) holds


def test_lone_surrogates_and_nuls_in_every_field():
    text = "Police \ud800fired tear gas\x00 at protesters in Basra\udfff on Friday, witnesses said. " * 3
    result = read_or_error(text, title="Title \ud800", outlet="Outlet \udc80", byline="By \ud800")
    assert isinstance(result, Article)
    assert "Basra" in result.text


# -- files through iter_inputs: JSON lines, CSV, feeds, WARC, URL lists, gzip -----------


row_strategy = st.one_of(
    st.fixed_dictionaries({"text": news_with_odd_characters()},
                          optional={"title": st.text(max_size=30), "published": st.text(max_size=30),
                                    "language": st.sampled_from(["en", "fr", "", "xx-YY", "EN-gb"]),
                                    "id": st.one_of(st.integers(), st.text(max_size=10)),
                                    "tags": st.lists(st.text(max_size=5), max_size=3)}),
    st.fixed_dictionaries({"html": html_page()}),
    st.dictionaries(st.text(max_size=5), st.one_of(st.none(), st.integers(), st.text(max_size=10)), max_size=3),
)
bad_line = st.sampled_from(["{", "[1, 2]", "null", '"text"', "{\"text\": 5}", "{\"text\": null}", "\x00\x01",
                            "{\"text\": \"" + "x" * 100 + "\"", "{\"html\": [\"a\"]}", "{\"text\": {\"a\": 1}}"])


@fuzz(100)
@given(st.lists(st.one_of(row_strategy.map(json.dumps),
                          bad_line), min_size=1, max_size=6))
def test_json_lines(tmp_path_factory, lines):
    tmp = tmp_path_factory.mktemp("jsonl")
    items = all_items(tmp, "rows.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
    # one item per non-blank line, in order (no row carries a URL, so none is a repeat page)
    assert len(items) == len(lines)
    for n, item in enumerate(items, 1):
        source = item.source
        assert source.endswith(f":{n}"), (n, source)


@fuzz(100)
@given(st.lists(st.tuples(news_with_odd_characters(), st.text(max_size=20)), min_size=1, max_size=5),
       st.sampled_from([",", ";", "\t"]))
def test_csv(tmp_path_factory, rows, delimiter):
    tmp = tmp_path_factory.mktemp("csv")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["id", "title", "text"])
    for i, (text, title) in enumerate(rows):
        writer.writerow([f"row-{i}", strip_surrogates(title).replace("\x00", ""), strip_surrogates(text).replace("\x00", "")])
    items = all_items(tmp, "rows.csv", buffer.getvalue().encode("utf-8"))
    assert len(items) == len(rows)
    for i, item in enumerate(items):
        assert item.id == f"row-{i}" or isinstance(item, ArticleRecord), (i, item)


@fuzz(150)
@given(st.binary(max_size=2000), st.sampled_from(["x.jsonl", "x.csv", "x.rss", "x.warc", "x.warc.gz", "x.gz", "x.urls",
                                                  "x.html", "noext"]))
def test_arbitrary_file_contents_under_any_name(tmp_path_factory, data, name):
    all_items(tmp_path_factory.mktemp("any"), name, data)


def _xml_escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(strip_surrogates(text).replace("\x00", ""))


@fuzz(60)
@given(st.lists(news_with_odd_characters(), min_size=1, max_size=4), st.sampled_from(["rss", "atom"]),
       st.booleans())
def test_feeds(tmp_path_factory, bodies, flavour, cut):
    tmp = tmp_path_factory.mktemp("feed")
    long_bodies = [" ".join([b] + SENTENCES) for b in bodies]  # full-text items: read from the feed itself
    if flavour == "rss":
        items = "".join(f"<item><title>{_xml_escape(b[:40])}</title><guid>g{i}</guid>"
                        f"<description>{_xml_escape(b)}</description></item>" for i, b in enumerate(long_bodies))
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{items}</channel></rss>'
    else:
        items = "".join(f"<entry><title>{_xml_escape(b[:40])}</title><id>urn:g{i}</id>"
                        f'<content type="text">{_xml_escape(b)}</content></entry>' for i, b in enumerate(long_bodies))
        feed = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title>{items}</feed>'
    data = feed.encode("utf-8")
    if cut:
        data = data[: len(data) // 2]  # a feed cut off mid-transfer: items before the cut, or bad_feed
    found = all_items(tmp, "news.xml", data)
    if not cut:
        assert len(found) == len(long_bodies)


def _warc_bytes(pages: list[str], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for i, page in enumerate(pages):
        body = page.encode("utf-8", "surrogatepass")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(f"https://news.example.org/2021/03/0{i % 9 + 1}/story-{i}", "response",
                                           payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
    return out.getvalue()


@fuzz(60)
@given(st.lists(html_page(), min_size=1, max_size=4), st.booleans(), st.floats(0.05, 1.0))
def test_warc(tmp_path_factory, pages, gz, keep):
    tmp = tmp_path_factory.mktemp("warc")
    data = _warc_bytes(pages, gz)
    data = data[: max(1, int(len(data) * keep))]  # truncated archives too
    items = all_items(tmp, "crawl.warc.gz" if gz else "crawl.warc", data)
    assert len(items) <= len(pages) + 1  # at most one record per page, plus one for a cut archive


@fuzz(150)
@given(st.binary(max_size=3000))
def test_gzip_of_arbitrary_bytes(tmp_path_factory, data):
    all_items(tmp_path_factory.mktemp("gz"), "x.gz", gzip.compress(data))


def test_gzip_bomb_is_capped(tmp_path):
    # 50 MB of zeros compress to ~50 KB: the reader stops at its cap instead of inflating it all
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)
    items = all_items(tmp_path, "bomb.gz", bomb)
    assert len(items) == 1 and isinstance(items[0], ArticleRecord)
    assert items[0].error.code in ("too_large", "binary")


def test_enormous_json_line_is_refused_and_the_next_read(tmp_path):
    from chronicle.ingest.limits import MAX_INPUT_BYTES

    path = tmp_path / "big.jsonl"
    with path.open("w") as fh:
        fh.write(json.dumps({"id": "huge", "text": "x" * (MAX_INPUT_BYTES + 10)}) + "\n")
        fh.write(json.dumps({"id": "next", "text": " ".join(SENTENCES)}) + "\n")
    items = list(iter_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["ArticleRecord", "Article"]
    assert items[0].error.code == "too_large" and items[1].id == "next"


BROKEN_URLS = ["http://[::1", "http://[::1]:99999/x", "https://exa mple.org/a", "http://%zz/", "ftp://x/y", "http:///",
               "http://" + "a" * 300 + ".org/", "javascript:alert(1)", "http://①②⑦.0.0.1/", "\x00http://x/", "http://[v1.x]/"]


def test_rows_with_broken_urls_are_read_one_by_one(tmp_path):
    rows = [{"id": f"u{i}", "url": url, "text": " ".join(SENTENCES)} for i, url in enumerate(BROKEN_URLS)]
    rows.append({"id": "last", "text": " ".join(SENTENCES)})
    items = all_items(tmp_path, "rows.jsonl", "".join(json.dumps(r) + "\n" for r in rows).encode())
    # a URL no parser can read never costs the rows after it
    assert [i.id for i in items] == [r["id"] for r in rows]


@fuzz(60)
@given(st.lists(st.text(alphabet="0123456789.:[]%@\\/#?-_~ \t①x", max_size=30), min_size=1, max_size=5))
@example(tails=["1.0"])  # a public address in short form: fetched, and only through the mock
@example(tails=["127.1", "0", "[::1]", "10.1"])  # internal addresses in short forms: refused
def test_url_lists_of_odd_urls(tmp_path_factory, tails):
    import httpx

    from chronicle.ingest.fetch import Fetcher

    requests = []
    transport = httpx.MockTransport(lambda request: requests.append(str(request.url)) or httpx.Response(404))
    listing = tmp_path_factory.mktemp("urls") / "pages.urls"
    listing.write_text("".join(f"http://{tail.strip() or '0'}\n" for tail in tails), encoding="utf-8")
    with Fetcher(transport=transport, retries=0, allow_private=False) as fetcher:
        items = list(iter_inputs([str(listing)], fetcher=fetcher))
    for item in items:
        check_item(item)
    # No odd spelling reaches an internal address. Some spellings are public addresses
    # ("http://1.0/" is 1.0.0.0), and asking them is right: the mock transport answers.
    from chronicle.ingest.fetch import public_address, resolve_host

    for asked in requests:
        host = httpx.URL(asked).host
        assert all(public_address(ip) for ip in resolve_host(host, 80)), asked
