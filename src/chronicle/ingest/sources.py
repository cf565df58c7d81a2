"""`iter_inputs`: whatever the user names -> a stream of Articles (or error records).

An input is a file, a folder, `-` (JSON lines on stdin), a URL (a page or a
feed), or a file of URLs. Files are read by what they contain (sniff.py),
not by their name: HTML, scraped text, JSON lines, CSV, RSS/Atom, WARC,
gzip. Every input that cannot be read becomes an error record with a code,
and the stream goes on. Within one call the same page reached under two URLs
is coded once: the later input yields a record with no text and a
`duplicate_url` note; syndicated copies share a story id (stories.py).
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path
from typing import Iterable, Iterator

from chronicle.ingest.errors import IngestError
from chronicle.ingest.limits import MAX_INPUT_BYTES
from chronicle.ingest.sniff import sniff
from chronicle.ingest.stories import StoryIndex
from chronicle.ingest.urls import is_url, url_key
from chronicle.record import Article, ArticleRecord, Note, content_id, error_record


# Files a folder walk picks up (a named file is read whatever its name).
FOLDER_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".csv", ".tsv", ".xml", ".rss", ".atom",
                   ".warc", ".gz", ".urls"}


def iter_inputs(inputs: Iterable[str], *, stories: StoryIndex | None = None, fetcher=None) -> Iterator[Article | ArticleRecord]:
    """Articles from every input, in order; an ArticleRecord for an input that is not coded
    (an error record, or a duplicate_url record: see `duplicate_record`)."""
    stories = stories if stories is not None else StoryIndex()
    own_fetcher = None
    seen_pages: dict[str, str] = {}  # page key -> where it was first read

    def get_fetcher():
        nonlocal own_fetcher, fetcher
        if fetcher is None:
            from chronicle.ingest.fetch import Fetcher

            fetcher = own_fetcher = Fetcher()
        return fetcher

    try:
        for item in inputs:
            for result, where in _iter_item(item, get_fetcher):
                if isinstance(result, Exception):
                    yield _error(result, where)
                    continue
                if not result.text.strip():
                    code, _, message = result.meta.get("empty", "empty: no article text").partition(": ")
                    yield error_record(code, message, id=result.id, source=result.source or where)
                    continue
                result.source = result.source or where
                page = result.meta.get("canonical_url") or result.url
                if page:
                    key = url_key(page)
                    if key in seen_pages:
                        # not coded twice, but never dropped unseen: a record says which input it repeats
                        yield duplicate_record(result, page, seen_pages[key])
                        continue
                    seen_pages[key] = result.source
                stories.assign(result)
                yield result
    finally:
        if own_fetcher is not None:
            own_fetcher.close()


def duplicate_record(article: Article, page: str, first: str) -> ArticleRecord:
    """The record of an input that is a page already read in this run: no text and no
    events (the first copy has them), a `duplicate_url` note naming that copy's input."""
    return ArticleRecord(
        id=article.id or content_id(f"{article.source}:{page}"), url=article.url, title=article.title,
        outlet=article.outlet, source=article.source, notes=list(article.notes) + [
            Note("duplicate_url", f"the same page ({page}) as the input {first}, coded there; not coded again")],
    )


def _error(exc: Exception, where: str, id: str | None = None) -> ArticleRecord:
    if isinstance(exc, IngestError):
        return error_record(exc.code, exc.message, id=getattr(exc, "article_id", None), source=where)
    return error_record("unreadable", f"{type(exc).__name__}: {exc}", source=where)


def _iter_item(item: str, get_fetcher) -> Iterator[tuple[object, str]]:
    if item == "-":
        yield from _iter_rows(_jsonl_rows(sys.stdin, "stdin"))
        return
    if is_url(item):
        from chronicle.ingest.remote import iter_url

        yield from iter_url(item.strip(), get_fetcher())
        return
    path = Path(item)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                       and (p.suffix.lower() in FOLDER_SUFFIXES or not p.suffix))
        for p in files:
            yield from _iter_file(p, get_fetcher)
    elif path.exists():
        yield from _iter_file(path, get_fetcher)
    else:
        yield IngestError("not_found", f"no such file, folder or URL: {item}"), item


def _iter_file(path: Path, get_fetcher) -> Iterator[tuple[object, str]]:
    where = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield IngestError("unreadable", f"{type(exc).__name__}: {exc}"), where
        return
    with fh:
        head = fh.read(8192)
        if not head:
            yield IngestError("empty", "empty file"), where
            return
        kind = sniff(head, path.name)
        fh.seek(0)
        try:
            yield from _iter_stream(kind, fh, where, get_fetcher, size=path.stat().st_size)
        except IngestError as exc:
            yield exc, where
        except Exception as exc:  # noqa: BLE001 - one bad file never stops the batch
            yield exc, where


def _iter_stream(kind: str, fh, where: str, get_fetcher, size: int | None = None) -> Iterator[tuple[object, str]]:
    from chronicle.ingest.read import read_article

    if kind == "warc":
        from chronicle.ingest.warc import iter_warc

        yield from iter_warc(fh, where)
        return
    if kind == "jsonl":
        yield from _iter_rows(_jsonl_rows(io.TextIOWrapper(fh, encoding="utf-8", errors="replace"), where))
        return
    if kind == "csv":
        from chronicle.ingest.tabular import iter_csv_rows

        yield from _iter_rows(iter_csv_rows(io.TextIOWrapper(fh, encoding="utf-8-sig", errors="replace", newline=""), where))
        return
    if kind == "urls":
        from chronicle.ingest.remote import iter_url

        for raw in io.TextIOWrapper(fh, encoding="utf-8", errors="replace"):
            url = raw.strip()
            if url and not url.startswith("#"):
                yield from iter_url(url, get_fetcher())
        return
    # whole-document kinds: read at most the cap, never the whole of a huge file
    if size is not None and size > MAX_INPUT_BYTES:
        raise IngestError("too_large", f"{size} bytes; inputs over {MAX_INPUT_BYTES} bytes are not read")
    data = fh.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise IngestError("too_large", f"over {MAX_INPUT_BYTES} bytes; not read further")
    if kind == "gzip":
        try:
            data = gzip.GzipFile(fileobj=io.BytesIO(data)).read(MAX_INPUT_BYTES + 1)
        except (EOFError, OSError) as exc:
            raise IngestError("truncated", f"broken gzip data: {exc}") from exc
        if len(data) > MAX_INPUT_BYTES:
            raise IngestError("too_large", f"decompresses to over {MAX_INPUT_BYTES} bytes")
        inner = sniff(data[:8192], where.removesuffix(".gz"))
        yield from _iter_stream(inner, io.BytesIO(data), where, get_fetcher)
        return
    if kind == "feed":
        from chronicle.ingest.feeds import iter_feed_articles, parse_feed

        yield from iter_feed_articles(parse_feed(data, where), where, get_fetcher())
        return
    yield read_article(data, source=where), where


def _jsonl_rows(fh, name: str):
    from chronicle.ingest.tabular import iter_json_lines

    return iter_json_lines(fh, name)


def _iter_rows(rows) -> Iterator[tuple[object, str]]:
    from chronicle.ingest.read import read_article
    from chronicle.ingest.tabular import row_arguments

    for row, where in rows:
        if isinstance(row, Exception):
            yield row, where
            continue
        try:
            body, kwargs = row_arguments(row)
            yield read_article(body, source=where, **kwargs), where
        except IngestError as exc:
            exc.article_id = str(row["id"]) if row.get("id") not in (None, "") else None
            yield exc, where
        except Exception as exc:  # noqa: BLE001 - one bad row is its own error record; the next rows are read
            error = IngestError("unreadable", f"{type(exc).__name__}: {exc}")
            error.article_id = str(row["id"]) if row.get("id") not in (None, "") else None
            yield error, where
