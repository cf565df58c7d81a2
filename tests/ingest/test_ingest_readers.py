"""Every reader through iter_inputs, chosen by content rather than by name."""

import csv
import gzip
import io
import json

import pytest

from chronicle.ingest import iter_inputs, read_article
from chronicle.record import Article, ArticleRecord
from ingest_pages import PARAGRAPHS, html_page, rss

HARBOUR = "\n\n".join(PARAGRAPHS["harbour"])
ELECTION = "\n\n".join(PARAGRAPHS["election"])
FRENCH = ("Des milliers de manifestants ont défilé samedi dans les rues de Dakar pour dénoncer le report de l'élection "
          "présidentielle. La police a dispersé la foule avec des gaz lacrymogènes dans le centre de la ville, "
          "selon des témoins qui ont vu plusieurs personnes arrêtées par les forces de l'ordre.")


def _read(*paths):
    return list(iter_inputs([str(p) for p in paths]))


def test_json_lines_fields_and_order(tmp_path):
    path = tmp_path / "batch"  # no suffix: JSON lines recognised by content
    rows = [
        {"id": "a1", "text": HARBOUR, "published": "2024-05-07", "outlet": "Harbour Times", "title": "Dock strike"},
        {"id": "a2", "html": html_page("election", "Counting begins"), "url": "https://lusaka-post.example/2021/08/12/count"},
        {"id": "a3", "title": "no body"},
        {"id": "a4", "text": FRENCH, "language": "fr"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")
    items = _read(path)
    assert [getattr(i, "id") for i in items[:4]] == ["a1", "a2", "a3", "a4"]
    a1, a2, a3, a4, broken = items
    assert isinstance(a1, Article) and a1.outlet == "Harbour Times" and a1.published_evidence == "input"
    assert a2.text.startswith("Election officials in Lusaka") and a2.published == "2021-08-12"
    assert a2.published_evidence == "url: /2021/08/12" and a2.outlet == "Test Gazette"
    assert isinstance(a3, ArticleRecord) and a3.error.code == "no_text"
    assert a4.error.code == "unsupported_language"
    assert broken.error.code == "bad_json" and broken.source.endswith(":5")


def test_csv_rows(tmp_path):
    path = tmp_path / "rows.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "title", "text", "published"])
        writer.writeheader()
        quoted = HARBOUR + '\n\n"We will not go back until the allowance is restored," a crane operator said.'
        writer.writerow({"id": "c1", "title": "Dock strike", "text": quoted, "published": "7 May 2024"})
        writer.writerow({"id": "c2", "title": "Count", "text": ELECTION, "published": ""})
    c1, c2 = _read(path)
    assert c1.id == "c1" and c1.published == "2024-05-07" and c1.title == "Dock strike"
    assert c1.text.endswith('"We will not go back until the allowance is restored," a crane operator said.')
    assert c2.text.startswith("Election officials") and c2.published is None


def test_html_saved_as_txt_and_text_saved_as_html_are_read_by_content(tmp_path):
    (tmp_path / "a.txt").write_text(html_page("drought", "Cattle die in Marsabit", published="2022-09-01"))
    (tmp_path / "b.html").write_text("Dock strike in Durban\n\n" + HARBOUR)
    a, b = _read(tmp_path)
    assert a.title == "Cattle die in Marsabit" and a.published == "2022-09-01" and "<p>" not in a.text
    assert b.title == "Dock strike in Durban" and b.text.startswith("Dock workers")


def test_feed_file_with_full_text_items(tmp_path):
    (tmp_path / "feed").write_text(rss([{"title": "Counting begins", "link": "https://lusaka-post.example/count",
                                          "date": "Thu, 12 Aug 2021 20:00:00 GMT",
                                          "content": "".join(f"<p>{p}</p>" for p in PARAGRAPHS["election"])}]))
    (item,) = _read(tmp_path / "feed")
    assert item.text.startswith("Election officials") and item.published == "2021-08-12"
    assert item.published_evidence.startswith("feed") and item.url == "https://lusaka-post.example/count"


def _warc(path, pages, *, gz):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-06-01T12:00:00Z"})
            writer.write_record(record)


@pytest.mark.parametrize("gz", [False, True])
def test_warc_archives_html_responses_only(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, [
        ("https://durban-news.example/2024/05/07/dock-strike", html_page("harbour", "Dock strike").encode(), "text/html"),
        ("https://durban-news.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        ("https://lusaka-post.example/count", html_page("election", "Counting begins").encode(), "text/html; charset=utf-8"),
    ], gz=gz)
    dock, count = _read(path)
    assert dock.published == "2024-05-07" and dock.url == "https://durban-news.example/2024/05/07/dock-strike"
    # no date of its own: the crawl date is only a last resort, and says so
    assert count.published == "2024-06-01" and count.published_evidence.startswith("crawl-date")


def test_truncated_warc_gives_articles_then_an_error(tmp_path):
    path = tmp_path / "cut.warc.gz"
    _warc(path, [("https://a.example/1", html_page("harbour", "Dock strike").encode(), "text/html"),
                 ("https://a.example/2", html_page("election", "Counting").encode(), "text/html")], gz=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    items = _read(path)
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], ArticleRecord) and items[-1].error.code == "truncated"


def test_gzipped_page(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(html_page("drought", "Cattle die").encode()))
    (item,) = _read(tmp_path)
    assert item.text.startswith("Herders in northern Kenya")


def test_language_is_detected_and_only_english_is_coded():
    assert read_article(HARBOUR).language == "en"
    with pytest.raises(Exception) as err:
        read_article(FRENCH)
    assert getattr(err.value, "code", None) == "unsupported_language"


def test_wire_copies_share_a_story_id_and_list_outlets(tmp_path):
    original = "\n\n".join(PARAGRAPHS["harbour"])
    copy = "Dock strike hits Durban again\n\n" + original.rsplit("\n\n", 1)[0] + "\n\nReporting by staff in Durban."
    rows = [
        {"id": "w1", "text": original, "outlet": "Harbour Times"},
        {"id": "w2", "text": ELECTION, "outlet": "Lusaka Post"},
        {"id": "w3", "text": copy, "outlet": "Cape Courier"},
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    w1, w2, w3 = _read(path)
    assert w3.meta["story_id"] == w1.meta["story_id"] != w2.meta["story_id"]
    assert w3.meta["outlets"] == ["Harbour Times", "Cape Courier"]
    assert w2.meta["outlets"] == ["Lusaka Post"]
