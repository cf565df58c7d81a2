"""Web archives (WARC, WARC.gz; warcio): every archived HTML response is a page.

Records are streamed, never loaded whole: a news crawl of many gigabytes is
read one response at a time, each capped at MAX_INPUT_BYTES. The archive date
(WARC-Date) is the crawl date: an upper bound on publication, never evidence
of it by itself. A truncated archive yields an error record where it breaks.
"""

from __future__ import annotations

from typing import IO, Iterator

from chronicle.ingest.errors import IngestError
from chronicle.ingest.limits import MAX_INPUT_BYTES


def iter_warc(stream: IO[bytes], source: str) -> Iterator[tuple[object, str]]:
    """(Article or IngestError, where) per archived HTML page, in archive order."""
    from warcio.archiveiterator import ArchiveIterator

    from chronicle.ingest.read import read_article
    from chronicle.ingest.remote import _charset
    from chronicle.ingest.decode import decode
    from chronicle.ingest.urls import canonical_url

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{n}:{uri}"
            if record.rec_type == "response":
                if record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                if status != "200":
                    continue  # redirects and errors are not articles
                ctype = record.http_headers.get_header("Content-Type") or ""
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            if ctype and "html" not in ctype.lower() and not ctype.lower().startswith("text/"):
                continue  # images, scripts, style sheets: not articles
            payload = record.content_stream().read(MAX_INPUT_BYTES + 1)
            if len(payload) > MAX_INPUT_BYTES:
                yield IngestError("too_large", f"archived page over {MAX_INPUT_BYTES} bytes"), where
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                # the record announced more bytes than the archive holds: cut off mid-page
                yield IngestError("truncated", f"archive ends inside record {n}"), where
                return
            try:
                decoded = decode(payload, declared=_charset(ctype))
                yield read_article(decoded.text, url=canonical_url(uri) if uri else None, source=where,
                                   crawl_date=record.rec_headers.get_header("WARC-Date"), notes=decoded.notes), where
            except IngestError as exc:
                yield exc, where
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - warcio/zlib raise many types on a broken archive
        yield IngestError("truncated", f"archive unreadable after {n} records: {type(exc).__name__}: {exc}"), source
