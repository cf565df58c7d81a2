"""Ingestion: any input users have -> Article (clean body text plus metadata)."""

from __future__ import annotations

from chronicle.ingest.read import read_article, iter_inputs

__all__ = ["read_article", "iter_inputs"]
