"""Exports of records and events: JSON lines, CSV, Parquet, GeoJSON, terminal tables."""
