"""Size and time limits of ingestion, in one place so an operator can find them."""

from __future__ import annotations

# Raw bytes read from one file, URL or archive record: beyond this the input is
# refused (it is never read whole: readers stop at the cap).
MAX_INPUT_BYTES = 20 * 1024 * 1024
# Body text kept per article; longer bodies are cut at a paragraph with a note
# (downstream stages are linear, but a 5 MB "article" is almost always a dump).
MAX_BODY_CHARS = 200_000
# Deeper element nesting than this is not a page but an attack or a broken
# generator. libxml2 (under lxml) drops whatever lies deeper than 256 elements,
# so a deeper page would silently lose its text: it is refused as too_deep instead.
MAX_HTML_DEPTH = 250

# Network
CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 10.0
TOTAL_TIMEOUT_S = 30.0  # a server trickling bytes slowly is cut off here
MAX_REDIRECTS = 5
RETRIES = 2
BACKOFF_S = 0.5  # doubles after each retry
