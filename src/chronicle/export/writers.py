"""Writers for a stream of stored events: JSON lines, CSV, GeoJSON, Parquet.

Each takes an iterable of event rows (Store.iter_events) and yields or writes
bytes as it goes, so an export of a large store never holds it all as text.
"""

from __future__ import annotations

import csv
import io
from typing import Any, BinaryIO, Iterable, Iterator

from chronicle.export.acled import ACLED_ONLY_COLUMNS, COLUMNS, acled_row
from chronicle.record import json_line

# formula-leading characters: a cell starting with one is prefixed so that
# spreadsheets show text from an article instead of evaluating it
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def acled_csv_chunks(events: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """Only ACLED's own columns, in ACLED's order: for tools that read ACLED files strictly."""
    return csv_chunks(events, ACLED_ONLY_COLUMNS)


def jsonl_chunks(events: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """One JSON object per event and line."""
    buf: list[str] = []
    for event in events:
        buf.append(json_line(event))  # the records' own escaping: one event, one line
        if len(buf) >= 500:
            yield ("\n".join(buf) + "\n").encode("utf-8")
            buf = []
    if buf:
        yield ("\n".join(buf) + "\n").encode("utf-8")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_chunks(events: Iterable[dict[str, Any]], columns: list[str] = COLUMNS) -> Iterator[bytes]:
    """ACLED-like CSV: a header, then one row per event (`columns`: which of COLUMNS, in order)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for n, event in enumerate(events, 1):
        writer.writerow({k: _cell(v) for k, v in acled_row(event).items()})
        if n % 500 == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


_GEO_PROPERTIES = ("id", "type", "mode", "acled_event_type", "acled_sub_event_type", "date", "historical",
                   "confidence", "place_name", "country_code", "actor_names", "recipient_names", "trigger_text",
                   "article_id", "article_title")


def geojson_chunks(events: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """A GeoJSON FeatureCollection of the events that have coordinates (points, lon/lat)."""
    yield b'{"type":"FeatureCollection","features":['
    first = True
    for event in events:
        if event.get("lat") is None or event.get("lon") is None:
            continue
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [event["lon"], event["lat"]]},
            "properties": {k: event.get(k) for k in _GEO_PROPERTIES},
        }
        yield ((b"" if first else b",") + json_line(feature).encode("utf-8"))
        first = False
    yield b"]}\n"


def _parquet_schema():
    import pyarrow as pa

    types = {
        "year": pa.int32(), "time_precision": pa.int8(), "iso": pa.int32(), "latitude": pa.float64(),
        "longitude": pa.float64(), "geo_precision": pa.int8(), "fatalities": pa.int32(), "confidence": pa.float64(),
        "historical": pa.bool_(), "negated": pa.bool_(), "hypothetical": pa.bool_(), "chronicle_event_id": pa.int64(),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def write_parquet(events: Iterable[dict[str, Any]], sink: str | BinaryIO, batch: int = 5000) -> int:
    """ACLED-like rows as Parquet, written in row groups of `batch`; returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    rows = 0
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        pending: list[dict[str, Any]] = []
        for event in events:
            pending.append(acled_row(event))
            if len(pending) >= batch:
                writer.write_table(pa.Table.from_pylist(pending, schema=schema))
                rows += len(pending)
                pending = []
        if pending or rows == 0:
            writer.write_table(pa.Table.from_pylist(pending, schema=schema))
            rows += len(pending)
    return rows


def parquet_bytes(events: Iterable[dict[str, Any]]) -> bytes:
    buf = io.BytesIO()
    write_parquet(events, buf)
    return buf.getvalue()
