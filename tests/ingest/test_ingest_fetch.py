"""Fetching against a local server: redirects, 304s, retries, slow and oversized answers, feeds, URL lists."""

import pytest

from chronicle.ingest import IngestError, iter_inputs
from chronicle.ingest.fetch import USER_AGENT, Fetcher, ValidatorCache
from chronicle.record import Article, ArticleRecord
from ingest_pages import html_page, rss, PARAGRAPHS


@pytest.fixture(scope="module")
def site(server):
    s = server.site
    s.page("/news/2024/05/07/durban-dock-strike", html_page("harbour", "Durban dock workers strike again"))
    s.page("/politics/zambia-count", html_page("election", "Counting begins in Zambia", published="2021-08-12T20:00:00Z"))
    s.page("/old-address", b"", redirect="/politics/zambia-count", status=301)
    s.page("/loop-a", b"", redirect="/loop-b")
    s.page("/loop-b", b"", redirect="/loop-a")
    s.page("/validated", html_page("drought", "Cattle die as drought grips Marsabit"), etag='"v1"')
    s.page("/slow", html_page("drought", "Slow page"), sleep=3)
    s.page("/huge", b"", endless=200)  # 13 MB of markup if nobody stops reading
    s.page("/flaky", html_page("harbour", "Flaky page"), fail_first=2)
    s.page("/always-busy", html_page("harbour", "Busy page"), fail_first=99)
    s.page("/feed.xml", rss([
        {"title": "Durban dock workers strike again", "link": server.url("/news/2024/05/07/durban-dock-strike"),
         "date": "Tue, 07 May 2024 09:00:00 GMT"},
        {"title": "Cattle die as drought grips Marsabit", "link": server.url("/feed-only"),
         "date": "Mon, 06 May 2024 06:30:00 GMT", "content": "".join(f"<p>{p}</p>" for p in PARAGRAPHS["drought"])},
    ]), content_type="application/rss+xml")
    s.page("/not-a-feed.xml", b"<?xml version='1.0'?><rss><channel><item><title>broken", content_type="application/rss+xml")
    s.page("/image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, content_type="image/png")
    return server


def fetcher(**kw):
    kw.setdefault("retries", 2)
    kw.setdefault("backoff", 0.01)
    return Fetcher(**kw)


def test_page_fetched_with_chronicle_user_agent(site):
    with fetcher() as f:
        result = f.fetch(site.url("/politics/zambia-count"))
    assert result.status == 200 and b"Lusaka" in result.content
    headers = dict(site.site.requests[-1][1])
    assert headers.get("User-Agent") == USER_AGENT and "Chronicle" in USER_AGENT


def test_redirect_is_followed_and_the_final_url_kept(site):
    with fetcher() as f:
        result = f.fetch(site.url("/old-address"))
    assert result.final_url.endswith("/politics/zambia-count")


def test_redirect_loop_ends_with_an_error(site):
    with fetcher(max_redirects=4) as f, pytest.raises(IngestError) as err:
        f.fetch(site.url("/loop-a"))
    assert err.value.code == "too_many_redirects"


def test_conditional_request_gets_304_the_second_time(site, tmp_path):
    cache = ValidatorCache(str(tmp_path / "validators.sqlite"))
    with fetcher(cache=cache) as f:
        first = f.fetch(site.url("/validated"))
        second = f.fetch(site.url("/validated"))
    assert first.status == 200 and not first.not_modified
    assert second.status == 304 and second.not_modified and second.content == b""
    assert site.site.requests[-1][1].get("If-None-Match") == '"v1"'
    # the validators survive a restart
    again = ValidatorCache(str(tmp_path / "validators.sqlite"))
    assert again.get(site.url("/validated"))[0] == '"v1"'


def test_slow_server_times_out(site):
    with fetcher(timeout=0.5, retries=0) as f, pytest.raises(IngestError) as err:
        f.fetch(site.url("/slow"))
    assert err.value.code == "timeout"


def test_oversized_answer_is_cut_off_while_streaming(site):
    with fetcher(max_bytes=1_000_000) as f, pytest.raises(IngestError) as err:
        f.fetch(site.url("/huge"))
    assert err.value.code == "too_large"


def test_retries_with_backoff_then_success_or_error(site):
    with fetcher(retries=2) as f:
        assert f.fetch(site.url("/flaky")).status == 200
    assert site.site.hits["/flaky"] == 3
    with fetcher(retries=1) as f, pytest.raises(IngestError) as err:
        f.fetch(site.url("/always-busy"))
    assert err.value.code == "http_error"


def test_feed_url_yields_its_items_with_feed_dates(site):
    items = list(iter_inputs([site.url("/feed.xml")], fetcher=fetcher()))
    assert [type(i) for i in items] == [Article, Article]
    dock, drought = items
    # a teaser item is fetched from its link; the URL date and the feed date agree
    assert dock.text.startswith("Dock workers in the port of Durban")
    assert dock.published == "2024-05-07" and dock.published_evidence.startswith("feed")
    # a full-text item is read from the feed itself
    assert drought.text.startswith("Herders in northern Kenya") and drought.published == "2024-05-06"
    assert drought.outlet == "Test Gazette"  # the feed's title
    assert dock.outlet == "Test Gazette"  # the page's og:site_name


def test_url_list_file_same_page_under_two_urls_once_and_errors_in_place(site, tmp_path):
    listing = tmp_path / "urls.lst"
    listing.write_text("\n".join([
        site.url("/politics/zambia-count"),
        site.url("/old-address"),  # redirects to the page above: the same article
        site.url("/politics/zambia-count?utm_source=newsletter"),  # tracking parameter: the same page
        site.url("/loop-a"),
        site.url("/image.png"),
        site.url("/missing"),
        site.url("/not-a-feed.xml"),
    ]) + "\n")
    items = list(iter_inputs([str(listing)], fetcher=fetcher(max_redirects=3)))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ArticleRecord) and i.error]
    repeats = [i for i in items if isinstance(i, ArticleRecord) and not i.error]
    assert len(articles) == 1 and articles[0].published == "2021-08-12"
    assert articles[0].id.startswith("url:")
    # the two other addresses of the page are coded once, each said so in a record of its own
    assert len(items) == 7 and [n.code for r in repeats for n in r.notes] == ["duplicate_url"] * 2
    assert all(r.id == articles[0].id and not r.text and not r.events for r in repeats)
    assert [e.error.code for e in errors] == ["too_many_redirects", "unsupported", "http_error", "bad_feed"]
    assert all(e.source for e in errors)


def test_robots_txt_is_obeyed(tmp_path):
    from ingest_server import LocalServer

    with LocalServer() as other:
        other.site.page("/robots.txt", "User-agent: Chronicle\nDisallow: /private/\n", content_type="text/plain")
        other.site.page("/private/memo", html_page("harbour", "Private"))
        other.site.page("/public/story", html_page("harbour", "Public"))
        with fetcher() as f:
            assert f.fetch(other.url("/public/story")).status == 200
            with pytest.raises(IngestError) as err:
                f.fetch(other.url("/private/memo"))
        assert err.value.code == "robots_disallowed"
        assert "/private/memo" not in other.site.hits and other.site.hits["/robots.txt"] == 1
