"""Pages per second of each ingestion reader, on the same generated articles.

Each reader gets the same N articles (benchmarks/corpus.py) in its own form:
scraped text pages (with date widget, breadcrumb, tags), HTML pages (meta,
JSON-LD, navigation, footer), JSON lines, CSV, an RSS feed with full-text
items, a WARC.gz archive, and URLs served by a local HTTP server on
127.0.0.1. Throughput is measured through `iter_inputs`, i.e. everything
ingestion does per article: sniffing, decoding, extraction, chrome
separation, language check, date judgement, story linking.

    python benchmarks/bench_ingest.py --articles 200 [--json out.json]

It also prints the share of publication dates judged correctly on the
project's fixture pages (tests/fixtures/ingest/pages/truth.json).
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import iter_articles  # noqa: E402


def scraped_text(a: dict) -> str:
    return (f"Monday, March 4, 2024\nHomeWorld News{a['title']}\n\n{a['title']}\n\n"
            f"Protests, Politics, {a['outlet']}\nA picture of the scene\n\n{a['text']}\n\nShare this article\n© 2024 {a['outlet']}\n")


def html_page(a: dict) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in a["text"].split("\n") if p.strip())
    nav = "".join(f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(40))
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
                     "datePublished": a["published"], "publisher": {"@type": "Organization", "name": a["outlet"]}})
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(a['title'])}</title>"
            f"<meta property='og:site_name' content='{a['outlet']}'><script type='application/ld+json'>{ld}</script>"
            f"</head><body><header><div class='today'>Monday, March 4, 2024</div><nav><ul>{nav}</ul></nav></header>"
            f"<article><h1>{html.escape(a['title'])}</h1>{paragraphs}</article>"
            f"<footer><p>© 2024 {a['outlet']}</p></footer></body></html>")


def write_inputs(root: Path, articles: list[dict], base_url: str) -> dict[str, list[str]]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    (root / "text").mkdir()
    (root / "html").mkdir()
    (root / "site").mkdir()
    for i, a in enumerate(articles):
        (root / "text" / f"{i:05d}.txt").write_text(scraped_text(a), encoding="utf-8")
        (root / "html" / f"{i:05d}.html").write_text(html_page(a), encoding="utf-8")
        (root / "site" / f"{i:05d}.html").write_text(html_page(a), encoding="utf-8")
    with (root / "rows.jsonl").open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a) + "\n")
    with (root / "rows.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "title", "published", "outlet", "text"])
        writer.writeheader()
        writer.writerows(articles)
    items = "".join(
        f"<item><title>{html.escape(a['title'])}</title><link>https://feed.example/{i}</link><guid>{i}</guid>"
        f"<pubDate>{a['published']}</pubDate><content:encoded><![CDATA[{a['text']}]]></content:encoded></item>"
        for i, a in enumerate(articles))
    (root / "feed.xml").write_text('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                                   f"<channel><title>Bench</title>{items}</channel></rss>", encoding="utf-8")
    with (root / "crawl.warc.gz").open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, a in enumerate(articles):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://archive.example/{i}", "response", payload=io.BytesIO(html_page(a).encode()), http_headers=headers))
    (root / "urls.lst").write_text("".join(f"{base_url}/{i:05d}.html\n" for i in range(len(articles))))
    return {
        "scraped text": [str(root / "text")],
        "html": [str(root / "html")],
        "json lines": [str(root / "rows.jsonl")],
        "csv": [str(root / "rows.csv")],
        "rss (full text)": [str(root / "feed.xml")],
        "warc.gz": [str(root / "crawl.warc.gz")],
        "urls (local http)": [str(root / "urls.lst")],
    }


def serve(folder: Path) -> ThreadingHTTPServer:
    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kw):
            super().__init__(*args, directory=str(folder), **kw)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


FIXTURE_PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "ingest" / "pages"


def publication_date_share() -> tuple[int, int, list[str]]:
    """(correct, pages, names judged wrong) on the fixture pages with known dates."""
    from chronicle.ingest import read_article

    truth = {k: v for k, v in json.loads((FIXTURE_PAGES / "truth.json").read_text()).items() if not k.startswith("_")}
    wrong = [name for name, t in truth.items()
             if read_article((FIXTURE_PAGES / name).read_bytes(), url=t["url"]).published != t["published"]]
    return len(truth) - len(wrong), len(truth), wrong


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args(argv)

    from chronicle.ingest import iter_inputs
    from chronicle.record import Article

    articles = list(iter_articles(args.articles, words=args.words))
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "site").mkdir()
        httpd = serve(root / "site")
        (root / "site").rmdir()
        inputs = write_inputs(root, articles, f"http://127.0.0.1:{httpd.server_address[1]}")
        list(iter_inputs([inputs["html"][0] + "/00000.html"]))  # imports and first-use costs outside the timing
        for reader, paths in inputs.items():
            t0 = time.perf_counter()
            items = list(iter_inputs(paths))
            seconds = time.perf_counter() - t0
            ok = sum(isinstance(i, Article) for i in items)
            results[reader] = {"pages": len(items), "articles": ok, "seconds": round(seconds, 3),
                               "pages_per_s": round(len(items) / seconds, 1)}
        httpd.shutdown()
    width = max(map(len, results))
    print(f"{'reader':<{width}}  pages  articles  seconds  pages/s")
    for reader, r in results.items():
        print(f"{reader:<{width}}  {r['pages']:>5}  {r['articles']:>8}  {r['seconds']:>7.2f}  {r['pages_per_s']:>7.1f}")
    correct, pages, wrong = publication_date_share()
    print(f"publication dates correct on fixture pages: {correct}/{pages}" + (f" (wrong: {', '.join(wrong)})" if wrong else ""))
    results["publication_dates"] = {"correct": correct, "pages": pages, "wrong": wrong}
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
