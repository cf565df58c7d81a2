"""Ingestion: any input users have -> Article (clean body text plus metadata).

    read_article(source, published=None, url=None, **fields) -> Article
    iter_inputs(inputs) -> Iterator[Article | ArticleRecord]   (error records only)

Readers (chosen by content): HTML (html.py), scraped text (scraped.py), JSON
lines and CSV (tabular.py), RSS/Atom (feeds.py), URLs (fetch.py, remote.py),
WARC (warc.py). The publication date is judged in published.py, wire copies
are linked in stories.py, feeds are polled by watch.py.
"""

from __future__ import annotations

from chronicle.ingest.errors import IngestError
from chronicle.ingest.read import read_article
from chronicle.ingest.sources import iter_inputs
from chronicle.ingest.stories import StoryIndex

__all__ = ["read_article", "iter_inputs", "IngestError", "StoryIndex"]
