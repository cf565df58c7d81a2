"""JSON lines and CSV: one article per line or row (CONTRACT.md's input rows).

A row has at least `text` or `html`; `id`, `url`, `title`, `published`,
`outlet`, `language` are optional. A bad row is an error record of its own.
"""

from __future__ import annotations

import csv
import io
import json
from typing import IO, Iterator

from chronicle.ingest.errors import IngestError
from chronicle.ingest.limits import MAX_INPUT_BYTES

ROW_FIELDS = ("title", "outlet", "language", "byline", "section")


def iter_json_lines(fh: IO[str], name: str) -> Iterator[tuple[dict | IngestError, str]]:
    """(row or the error that row is, "name:line")."""
    n = 0
    while True:
        line = fh.readline(MAX_INPUT_BYTES + 1)
        if not line:
            break
        n += 1
        where = f"{name}:{n}"
        if len(line) > MAX_INPUT_BYTES:
            yield IngestError("too_large", f"line {n} is longer than {MAX_INPUT_BYTES} characters"), where
            while line and not line.endswith("\n"):  # skip the rest of the monster line
                line = fh.readline(1 << 20)
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield IngestError("bad_json", f"line {n}: {exc}"), where
            continue
        if not isinstance(row, dict):
            yield IngestError("bad_json", f"line {n}: expected a JSON object, got {type(row).__name__}"), where
            continue
        yield row, where


def iter_csv_rows(fh: IO[str], name: str) -> Iterator[tuple[dict | IngestError, str]]:
    csv.field_size_limit(MAX_INPUT_BYTES)
    head = fh.read(8192)
    # the delimiter from the header alone; quoting as Excel writes it (csv.Sniffer guesses
    # "no doubled quotes" from a header without quotes and then splits quoted text)
    header = head.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    reader = csv.DictReader(_chain(head, fh), dialect=csv.excel, delimiter=delimiter)
    n = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield IngestError("bad_csv", f"row {n}: {exc}"), f"{name}:{n}"
            break
        n += 1
        yield {k.strip().lower(): v for k, v in row.items() if k}, f"{name}:{n}"


def _chain(head: str, fh: IO[str]) -> Iterator[str]:
    rest = io.StringIO(head)
    for line in rest:
        if line.endswith("\n"):
            yield line
        else:
            yield line + (fh.readline() or "")
    yield from fh


def row_arguments(row: dict) -> tuple[str, dict]:
    """(the page, read_article keyword arguments) of one row; IngestError without a body."""
    body = row.get("html") or row.get("text")
    if not body or not isinstance(body, str) or not body.strip():
        raise IngestError("no_text", "row has neither 'text' nor 'html'")
    kwargs = {k: row[k] for k in ROW_FIELDS if isinstance(row.get(k), str) and row[k].strip()}
    if row.get("id") not in (None, ""):
        kwargs["id"] = str(row["id"])
    if isinstance(row.get("tags"), list):
        kwargs["tags"] = [str(t) for t in row["tags"]]
    kwargs["published"] = row.get("published") or None
    kwargs["url"] = row.get("url") or None
    return body, kwargs
