"""A batch run: inputs -> pipeline -> one JSON line per article, in input order.

The CLI's `extract` is a thin shell over `run_batch`; the cluster runner and
the resumable runner build on the same pieces.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, TextIO

from chronicle.record import ArticleRecord


@dataclass
class BatchSummary:
    articles: int = 0
    errors: int = 0
    events: int = 0


def run_batch(
    inputs: Iterable[str],
    output: str | Path | None,
    *,
    pipeline=None,
    store=None,
    on_record: Callable[[ArticleRecord], None] | None = None,
) -> BatchSummary:
    """Process every input (files, folders, '-') and write records to `output` ('-' or None: stdout)."""
    from chronicle.ingest import iter_inputs
    from chronicle.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    summary = BatchSummary()
    out: TextIO
    close = False
    if output in (None, "-"):
        out = sys.stdout
    else:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        out = open(output, "w", encoding="utf-8")
        close = True
    try:
        for record in pipeline.process_many(iter_inputs(inputs)):
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            summary.articles += 1
            if record.error:
                summary.errors += 1
            summary.events += len(record.events)
            if store is not None and not record.error:
                store.save(record)
            if on_record:
                on_record(record)
    finally:
        if close:
            out.close()
    return summary
