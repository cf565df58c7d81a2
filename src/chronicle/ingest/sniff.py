"""What an input is, judged by its first bytes rather than its name."""

from __future__ import annotations

import json
import re

_GZIP = b"\x1f\x8b"
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|div|p)\b", re.I)
_URL_LINE = re.compile(rb"^\s*https?://\S+\s*$", re.I)

# kinds: "warc", "gzip", "feed", "html", "jsonl", "csv", "urls", "text"


def sniff(head: bytes, name: str = "") -> str:
    """The kind of a file from its first few kilobytes (and its name only to break ties)."""
    lower = name.lower()
    if head.startswith(_GZIP):
        return "warc" if ".warc" in lower else "gzip"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"<"):
        if _FEED.search(stripped[:2048]):
            return "feed"
        return "html"
    if lower.endswith((".jsonl", ".ndjson")):
        # named as JSON lines and not markup: every line is a row, a broken first one
        # included (read as text, the whole file would become one article and its rows be lost)
        return "jsonl"
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            if lower.endswith(".json"):
                return "jsonl"  # a broken first line still gets per-line error records
    lines = [ln for ln in stripped[:4096].splitlines() if ln.strip()]
    complete = lines[:-1] if len(stripped) >= 4096 and len(lines) > 1 else lines
    if complete and all(_URL_LINE.match(ln) for ln in complete):
        return "urls"
    if lines and _csv_header(lines[0]):
        return "csv"
    if _HTML.search(stripped[:2048]) and stripped[:2048].count(b"<") > 5:
        return "html"
    return "text"


def _csv_header(line: bytes) -> bool:
    """A header row naming a text or html column (CONTRACT.md's rows)."""
    try:
        text = line.decode("utf-8-sig").strip().lower()
    except UnicodeDecodeError:
        return False
    for sep in (",", "\t", ";"):
        cols = [c.strip().strip('"') for c in text.split(sep)]
        if len(cols) >= 2 and ("text" in cols or "html" in cols) and all(c and len(c) < 40 for c in cols):
            return True
    return False
