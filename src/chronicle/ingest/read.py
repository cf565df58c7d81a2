"""First version of the readers (to be replaced by the ingestion issue's work)."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

from chronicle.record import Article, ArticleRecord, error_record

TEXT_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".csv"}


def looks_like_html(data: str) -> bool:
    head = data[:2000].lower()
    return "<html" in head or "<body" in head or "<p>" in head or "<!doctype" in head


def read_article(source: str | bytes, *, published: str | None = None, url: str | None = None, **fields) -> Article:
    if isinstance(source, bytes):
        source = source.decode("utf-8", "replace")
    if looks_like_html(source):
        import trafilatura

        text = trafilatura.extract(source) or ""
    else:
        text = source.strip()
    return Article(text=text, published=published, published_evidence="input" if published else None, url=url, **fields)


def iter_inputs(inputs: Iterable[str]) -> Iterator[Article | ArticleRecord]:
    for item in inputs:
        if item == "-":
            yield from _iter_jsonl(sys.stdin, "stdin")
            continue
        path = Path(item)
        paths = sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES) if path.is_dir() else [path]
        for p in paths:
            try:
                if p.suffix.lower() == ".jsonl":
                    with p.open(encoding="utf-8") as fh:
                        yield from _iter_jsonl(fh, str(p))
                elif p.suffix.lower() == ".csv":
                    with p.open(encoding="utf-8", newline="") as fh:
                        for n, row in enumerate(csv.DictReader(fh), 1):
                            yield _from_mapping(row, f"{p}:{n}")
                else:
                    art = read_article(p.read_bytes())
                    art.source = str(p)
                    art.id = p.stem
                    yield art
            except Exception as exc:  # noqa: BLE001 - any unreadable input becomes an error record
                yield error_record("unreadable", f"{type(exc).__name__}: {exc}", source=str(p))


def _iter_jsonl(fh: io.TextIOBase, name: str) -> Iterator[Article | ArticleRecord]:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            yield _from_mapping(json.loads(line), f"{name}:{n}")
        except Exception as exc:  # noqa: BLE001
            yield error_record("bad_json", f"line {n}: {exc}", source=f"{name}:{n}")


def _from_mapping(row: dict, source: str) -> Article | ArticleRecord:
    body = row.get("text") or row.get("html")
    if not body:
        return error_record("no_text", "row has neither 'text' nor 'html'", id=row.get("id"), source=source)
    fields = {k: row.get(k) for k in ("title", "outlet", "language") if row.get(k)}
    art = read_article(body, published=row.get("published") or None, url=row.get("url") or None, **fields)
    art.id = row.get("id") or None
    art.source = source
    return art
