"""Calendar dates written out in full or in part: 'September 1, 2013', '1 Sept 2013',
'2013-09-01', '01/09/2013', 'March 3', 'October 2019'.

One regex per written form, each with named groups y/m/d, so every caller (the
tagger, the publication-date finder) reads a match the same way with `date_parts`.
"""

from __future__ import annotations

import re

from chronicle.times.calendar import valid_date
from chronicle.times.lexicon import DAY_RE, MONTH_RE, WEEKDAY_ABBR_RE, WEEKDAY_RE, YEAR_RE, month_number

# An optional weekday before a date: "Tuesday, March 3, 2020".
_WEEKDAY_PREFIX = rf"(?:(?P<wd>{WEEKDAY_RE}|{WEEKDAY_ABBR_RE}),?\s+(?:the\s+)?)?"
_YEAR_END = r"(?![\d-])"

# Month day, year: "September 1, 2013", "Sept. 1 2013", "September 1st, 2013"
MDY = rf"{_WEEKDAY_PREFIX}(?P<m>{MONTH_RE})\s*(?P<d>{DAY_RE})\b(?:\s*,\s*|\s+)(?P<y>{YEAR_RE}){_YEAR_END}"
# Day month year: "1 September 2013", "1st of September, 2013"
DMY = rf"{_WEEKDAY_PREFIX}(?P<d>{DAY_RE})(?:\s+of)?\s+(?P<m>{MONTH_RE}),?\s+(?P<y>{YEAR_RE}){_YEAR_END}"
# ISO and numeric: "2013-09-01", "2013/09/01"
ISO = r"(?<![\d/.-])(?P<y>1[0-9]{3}|20[0-9]{2})[-/](?P<m>0?[1-9]|1[0-2])[-/](?P<d>0?[1-9]|[12][0-9]|3[01])(?![\d/-])"
# "01/09/2013", "1.9.2013": day-first unless the first number cannot be a day-of-month-first reading
NUMERIC = r"(?<![\d/.-])(?P<a>[0-3]?[0-9])(?P<sep>[/.])(?P<b>[01]?[0-9])(?P=sep)(?P<y>1[0-9]{3}|20[0-9]{2})(?![\d/.]\d)"
# Month and day, no year: "March 3", "Sept. 1st", "3 March", "the 3rd of March"
MD = rf"{_WEEKDAY_PREFIX}(?P<m>{MONTH_RE})\s*(?P<d>{DAY_RE})\b(?!\s*,?\s*{YEAR_RE}\b)(?![,.]?\d)(?!:)"
DM = rf"{_WEEKDAY_PREFIX}(?:the\s+)?(?P<d>{DAY_RE})(?:\s+of)?\s+(?P<m>{MONTH_RE})(?!,?\s+{YEAR_RE}\b)"
# Month and year: "October 2019", "October of 2019", "Oct. 2019"
MY = rf"(?P<m>{MONTH_RE}),?\s+(?:of\s+)?(?P<y>{YEAR_RE}){_YEAR_END}"

FULL_DATE_FORMS = (MDY, DMY, ISO)

_COMPILED_FULL = tuple(re.compile(f) for f in FULL_DATE_FORMS)
_COMPILED_NUMERIC = re.compile(NUMERIC)


def date_parts(groups: dict, *, day_first: bool = True) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) from a match's named groups; None when no such day exists."""
    year = int(groups["y"]) if groups.get("y") else None
    month = day = None
    if groups.get("a") is not None:  # numeric d/m/y or m/d/y
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12:
            day, month = a, b
        elif b > 12:
            month, day = a, b
        else:
            day, month = (a, b) if day_first else (b, a)
    else:
        m = groups.get("m")
        if m is not None:
            month = int(m) if m.isdigit() else month_number(m)
        d = groups.get("d")
        if d is not None:
            day = int(re.match(r"\d+", d).group())
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and month is not None and not valid_date(year or 2000, month, day):
        return None
    return year, month, day


def find_full_dates(text: str, *, day_first: bool = True):
    """Every fully specified calendar date in text: yields (start, end, (y, m, d))."""
    seen: list[tuple[int, int]] = []
    for rx in (*_COMPILED_FULL, _COMPILED_NUMERIC):
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in seen):
                continue
            parts = date_parts(m.groupdict(), day_first=day_first)
            if parts and all(parts):
                seen.append((m.start(), m.end()))
                yield m.start(), m.end(), parts
