"""The article's dateline: the place, date and agency that open a news story.

    BAGHDAD, March 3 (Reuters) - ...
    KABUL, Aug. 16, 2021 (Chronicle Wire) - ...
    Oct. 5, 2021 — ...
    WASHINGTON, March 5, 2021
    The talks resumed on ...

This is the project's one reader of it. Ingestion takes its date as a publication
signal (published.py) when it has a year; the times stage infers the year of one
that has none (publication.py); event dating knows that the dateline's date is the
day of writing and never an event's (events/dating.py).

A dateline is an optional capitalised place (up to five words, "SANAA",
"CHARLESTON, S.C.", "Kyiv, Ukraine"), a date in one of the written forms of
times/absolute.py, an optional agency in brackets, then a dash, colon or bar, or the
end of the line. A bare date followed by a colon ("March 3: ...") is a label, and one
alone on its line a page's date stamp: neither is a dateline. Only the opening of the text can hold one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronicle.times.absolute import DM, DMY, ISO, MD, MDY, date_parts
from chronicle.times.lexicon import MONTH_RE, WEEKDAY_ABBR_RE, WEEKDAY_RE

WINDOW = 300  # characters: only the opening of an article can carry its dateline

# "Saturday, September 23, 2023" is a date with its weekday, not a place and a date
_NOT_A_PLACE = rf"(?:{WEEKDAY_RE}|{WEEKDAY_ABBR_RE}|{MONTH_RE})\b"
# One regex per date form: Python forbids a group name twice in one pattern.
_DATELINES = tuple(
    re.compile(
        rf"\A\s*(?:(?!{_NOT_A_PLACE})(?P<place>[A-Z][A-Za-z.'’-]*(?:[ ,/]+[A-Z][A-Za-z.'’-]*){{0,4}}),?\s+)?"
        rf"(?P<date>{form})"
        r"[ \t]*(?:[(/](?P<agency>[^()/\n]{1,40})[)/][ \t]*)?(?:(?P<dash>--|[-–—:|])|(?P<eol>[ \t]*(?:\n|\Z)))"
    )
    for form in (MDY, DMY, ISO, MD, DM)
)


@dataclass(frozen=True)
class Dateline:
    start: int  # where the dateline starts (its place, else its date)
    end: int  # where its words end: before the dash or the line break
    date_start: int
    date_end: int
    place: str | None
    agency: str | None
    year: int | None  # None: the dateline gives month and day only
    month: int
    day: int
    words: str  # the dateline's words, whitespace folded: "KABUL, Aug. 16, 2021 (AP)"

    @property
    def evidence(self) -> str:
        return "dateline: " + self.words


def read_dateline(text: str) -> Dateline | None:
    """The dateline that opens `text`, or None."""
    if not text:
        return None
    head = text[:WINDOW]
    m = next((m for m in (rx.match(head) for rx in _DATELINES) if m), None)
    if m is None:
        return None
    if not m.group("place") and not m.group("agency") and m.group("dash") in (None, ":", "|"):
        # "March 3: ..." labels a paragraph; a date alone on its line is a page's date stamp
        # (often the scrape day), which ingestion judges as such (ingest/scraped.py)
        return None
    parts = date_parts(m.groupdict())
    if not parts or parts[1] is None or parts[2] is None:
        return None
    year, month, day = parts
    start = m.start("place") if m.group("place") else m.start("date")
    end = m.start("dash") if m.group("dash") else m.start("eol")
    return Dateline(start=start, end=end, date_start=m.start("date"), date_end=m.end("date"),
                    place=m.group("place"), agency=(m.group("agency") or "").strip() or None,
                    year=year, month=month, day=day, words=" ".join(head[start:end].split()))
