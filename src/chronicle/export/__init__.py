"""Exports of records and events: JSON lines, CSV, Parquet, GeoJSON, terminal tables.

    from chronicle.export import export_events
    export_events(store.iter_events(EventFilter(country="IQ")), "csv", "iraq.csv")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, Iterable

from chronicle.export.acled import COLUMNS as ACLED_COLUMNS, acled_row
from chronicle.export.paths import UnsafeOutputPath, output_path
from chronicle.export.writers import (acled_csv_chunks, csv_chunks, geojson_chunks, jsonl_chunks, parquet_bytes,
                                      write_parquet)

# format -> (media type, file suffix). "csv" has ACLED's columns then PLOVER's and the evidence;
# "acled" has ACLED's columns alone.
FORMATS: dict[str, tuple[str, str]] = {
    "jsonl": ("application/x-ndjson", "jsonl"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "acled": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}

_STREAMS = {"jsonl": jsonl_chunks, "csv": csv_chunks, "acled": acled_csv_chunks, "geojson": geojson_chunks}


def export_chunks(events: Iterable[dict[str, Any]], fmt: str):
    """The export as an iterator of bytes (Parquet is produced whole: its footer comes last)."""
    if fmt == "parquet":
        return iter([parquet_bytes(events)])
    if fmt not in _STREAMS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    return _STREAMS[fmt](events)


def export_events(events: Iterable[dict[str, Any]], fmt: str, out: str | Path | BinaryIO) -> int:
    """Write events (rows from Store.iter_events) to a path or binary file in one of FORMATS;
    returns how many events were read (GeoJSON writes only those with coordinates)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    seen = 0

    def counted():
        nonlocal seen
        for event in events:
            seen += 1
            yield event

    if fmt == "parquet":
        write_parquet(counted(), str(out) if isinstance(out, Path) else out)
        return seen
    if isinstance(out, (str, Path)):
        with open(out, "wb") as fh:
            for chunk in export_chunks(counted(), fmt):
                fh.write(chunk)
    else:
        for chunk in export_chunks(counted(), fmt):
            out.write(chunk)
    return seen


__all__ = ["FORMATS", "ACLED_COLUMNS", "UnsafeOutputPath", "acled_row", "export_chunks", "export_events",
           "output_path", "write_parquet"]
