"""The publication date the body text itself implies.

Ingestion combines this with the input's own date, HTML metadata and the URL;
this module only reads the words of the article:

- a dateline at the top: "BAGHDAD, March 3 (Reuters) -", "Oct. 5, 2021 —";
- "today" tied to an anniversary or an elapsed time of a dated event:
  "Today is the seventh anniversary of the September 1, 2013, massacre",
  "Today marks one year since the March 3, 2019 vote",
  "Ten years ago today, on 4 June 2010, ...";
- "today" in apposition to a date: "Today, Tuesday, March 3, 2020, ...";
- a "Published on <date>" line left in a scraped body.

`textual_publication_date(text)` returns (ISO date, evidence) or None.
"""

from __future__ import annotations

import re
from datetime import date

from chronicle.times.absolute import DMY, ISO, MDY, date_parts, find_full_dates
from chronicle.times.calendar import shift, valid_date
from chronicle.times.dateline import read_dateline
from chronicle.times.lexicon import NUMBER_RE, ORDINAL_RE, parse_number, parse_ordinal

_PUBLISHED_LINE = re.compile(
    r"^\s*(?:Published|Posted|First published)(?:\s+(?:on|at))?\s*:?\s*(?P<rest>[^\n]{6,80})$",
    re.MULTILINE,
)

# "today" and its near synonyms that pin a sentence to the day of writing.
_TODAY = re.compile(r"\b(?:today|this day|tonight)\b", re.IGNORECASE)
# "the seventh anniversary of", "the 10th anniversary of", "the 10-year anniversary of"
_ANNIVERSARY = re.compile(
    rf"\b(?:(?P<ord>{ORDINAL_RE})|(?P<num>{NUMBER_RE})[- ](?P<nunit>year|month))\s+anniversary\s+of\b",
    re.IGNORECASE,
)
# "seven years since", "one year after", "ten years ago", "six months have passed since"
_ELAPSED = re.compile(
    rf"\b(?P<num>{NUMBER_RE})\s+(?P<unit>years?|months?|weeks?|days?)\s+"
    r"(?:(?:have|has)\s+passed\s+since|since|after|ago|from)\b",
    re.IGNORECASE,
)
# "Today, Tuesday, March 3, 2020" / "Today (3 March 2020)"
_TODAY_APPOSITIONS = tuple(
    re.compile(rf"\b[Tt]oday\s*(?:,|\()\s*(?:the\s+)?(?P<date>{form})")
    for form in (MDY, DMY, ISO)
)
# A word that names the dated event right after its date ("..., 2013, massacre").
_TAIL = re.compile(r",?\s+(?P<w>[a-z][a-z’'-]+)")
_NOT_A_HEAD = {
    "in", "at", "on", "of", "and", "or", "when", "where", "which", "who", "that", "the", "a", "an",
    "to", "by", "for", "with", "from", "as", "is", "was", "were", "are", "has", "had", "have",
    "but", "after", "before", "since", "during", "it", "this", "these", "those", "its",
}
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘(]?[A-Z])|\n+")


def textual_publication_date(text: str) -> tuple[str, str] | None:
    """(ISO date, evidence) of the publication date the body text implies, or None."""
    if not text:
        return None
    found = _from_dateline(text, allow_inferred_year=False)
    if found:
        return found
    found = _from_today_sentences(text)
    if found:
        return found
    found = _from_published_line(text)
    if found:
        return found
    return _from_dateline(text, allow_inferred_year=True)


# -- datelines (read by times/dateline.py) ---------------------------------------

def dateline_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the date in the article's dateline ("SANAA, Jan 18 —"), or None.
    It is the day of writing: it dates the article, never an event of the sentence it opens."""
    line = read_dateline(text)
    return (line.date_start, line.date_end) if line else None


def _from_dateline(text: str, *, allow_inferred_year: bool) -> tuple[str, str] | None:
    line = read_dateline(text)
    if not line:
        return None
    year, evidence = line.year, line.evidence
    if year is None:
        if not allow_inferred_year:
            return None
        # A dateline omits the year because it is the year of writing; the text's
        # latest explicit year is the best stand-in the words alone offer.
        years = [int(y) for y in re.findall(r"(?<![\d$£€.,])(?:19|20)\d\d(?![\d%])", text)]
        if not years:
            return None
        year = max(years)
        evidence += f" (year {year} from the text)"
    if not valid_date(year, line.month, line.day):
        return None
    return date(year, line.month, line.day).isoformat(), evidence


def _from_published_line(text: str) -> tuple[str, str] | None:
    for m in _PUBLISHED_LINE.finditer(text):
        evidence = "text: " + " ".join(m.group(0).split())
        for start, end, (y, mo, d) in find_full_dates(m.group("rest")):
            return date(y, mo, d).isoformat(), evidence
        odd = _parse_odd_date(m.group("rest"))
        if odd:
            return odd, evidence
    return None


def _parse_odd_date(s: str) -> str | None:
    """A date in a form our own patterns do not read ("3rd Sept. '21"): dateparser, which is
    slow, so only for the rare line that announces a publication date."""
    if not re.search(r"\d", s):
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    parsed = dateparser.parse(s, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


# -- "today" sentences --------------------------------------------------------------

def _sentences(text: str):
    start = 0
    for brk in _SENTENCE_BREAK.finditer(text):
        yield start, text[start: brk.start()]
        start = brk.end()
    yield start, text[start:]


def _from_today_sentences(text: str) -> tuple[str, str] | None:
    for _, sent in _sentences(text):
        if not _TODAY.search(sent):
            continue
        for m in filter(None, (rx.search(sent) for rx in _TODAY_APPOSITIONS)):
            parts = date_parts(m.groupdict())
            if parts and all(parts):
                return date(*parts).isoformat(), "text: " + " ".join(m.group(0).split())
        found = _elapsed_since_dated_event(sent)
        if found:
            return found
    return None


def _elapsed_since_dated_event(sent: str) -> tuple[str, str] | None:
    """An anniversary or elapsed time, said of today, of an event with a full date."""
    cues = []
    for m in _ANNIVERSARY.finditer(sent):
        if m.group("ord"):
            n, unit = parse_ordinal(m.group("ord")), "year"
        else:
            n, unit = parse_number(m.group("num")), m.group("nunit").lower()
        cues.append((m, n, unit))
    for m in _ELAPSED.finditer(sent):
        cues.append((m, parse_number(m.group("num")), m.group("unit").lower().rstrip("s")))
    dates = list(find_full_dates(sent))
    for cue, n, unit in cues:
        if not n or n < 0 or n != int(n) or not dates:
            continue
        # the event's date: the nearest full date after the cue, else the nearest before it
        after = [d for d in dates if d[0] >= cue.end()]
        start, end, (y, mo, d) = after[0] if after else max(dates, key=lambda x: x[1] if x[1] <= cue.start() else -1)
        published = shift(date(y, mo, d), unit, int(n))
        if not 1900 <= published.year <= 2100:
            continue
        lo, hi = min(cue.start(), start), max(cue.end(), end)
        tail = _TAIL.match(sent, hi)
        if tail and tail.group("w") not in _NOT_A_HEAD:
            hi = tail.end()
        evidence = " ".join(sent[lo:hi].split())
        return published.isoformat(), "text: " + evidence
    return None
