"""The one exception ingestion raises: an input that cannot become an Article.

Every reader raises `IngestError` with a short machine-readable `code`;
`iter_inputs` turns it into an error record (chronicle.record.error_record)
so a batch goes on after a bad input.
"""

from __future__ import annotations


class IngestError(ValueError):
    """An input that cannot be read as an English news article.

    codes: empty, binary, too_large, truncated, bad_encoding, too_deep,
    unsupported_language, bad_json, bad_csv, no_text, bad_feed, fetch_failed,
    http_error, too_many_redirects, timeout, unsupported, not_found.
    """

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
