"""Exports of records and events: JSON lines, CSV, Parquet, GeoJSON, terminal tables.

    from chronicle.export import export_events
    export_events(store.iter_events(EventFilter(country="IQ")), "csv", "iraq.csv")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, Iterable

from chronicle.export.acled import COLUMNS as ACLED_COLUMNS, acled_row
from chronicle.export.writers import csv_chunks, geojson_chunks, jsonl_chunks, parquet_bytes, write_parquet

# format -> (media type, file suffix)
FORMATS: dict[str, tuple[str, str]] = {
    "jsonl": ("application/x-ndjson", "jsonl"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}

_STREAMS = {"jsonl": jsonl_chunks, "csv": csv_chunks, "geojson": geojson_chunks}


def export_chunks(events: Iterable[dict[str, Any]], fmt: str):
    """The export as an iterator of bytes (Parquet is produced whole: its footer comes last)."""
    if fmt == "parquet":
        return iter([parquet_bytes(events)])
    if fmt not in _STREAMS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    return _STREAMS[fmt](events)


def export_events(events: Iterable[dict[str, Any]], fmt: str, out: str | Path | BinaryIO) -> None:
    """Write events (rows from Store.iter_events) to a path or binary file in one of FORMATS."""
    if fmt == "parquet":
        write_parquet(events, str(out) if isinstance(out, Path) else out)
        return
    if isinstance(out, (str, Path)):
        with open(out, "wb") as fh:
            for chunk in export_chunks(events, fmt):
                fh.write(chunk)
    else:
        for chunk in export_chunks(events, fmt):
            out.write(chunk)


__all__ = ["FORMATS", "ACLED_COLUMNS", "acled_row", "export_chunks", "export_events", "write_parquet"]
