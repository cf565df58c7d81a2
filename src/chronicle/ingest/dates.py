"""Reading calendar dates written the ways pages write them.

Cheap precompiled patterns for the common forms (ISO, "March 5, 2021",
"5 March 2021", RFC 2822 from feeds and HTTP headers); dateparser only as a
last resort for odd metadata strings, because it is slow per call.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from chronicle.times.lexicon import MONTHS

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|\s*[+-]\d{2}:?\d{2})?)?"

ISO_RE = re.compile(r"(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
MDY_RE = re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})", re.I)
DMY_RE = re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})", re.I)
# A line that is nothing but a date (a page's date widget, a "posted" stamp).
_DATE_ONLY = re.compile(
    r"^\s*(?:(?:" + ISO_RE.pattern + r")|(?:" + MDY_RE.pattern.replace("?P<", "?P<a_") + r")|(?:"
    + DMY_RE.pattern.replace("?P<", "?P<b_") + r"))" + _TIME + r"\s*$",
    re.I,
)
# Dates in URL paths: /2021/03/05/, /2021-03-05-, /20210305/
URL_DAY_RE = re.compile(r"/((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
URL_COMPACT_RE = re.compile(r"[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
URL_MONTH_RE = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])(?=/)")


def _iso(year: int | str, month: int | str, day: int | str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match, prefix: str = "") -> str | None:
    month = m.group(prefix + "month")
    month = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    return _iso(m.group(prefix + "year"), month, m.group(prefix + "day")) if month else None


def find_date(text: str) -> tuple[str, re.Match] | None:
    """The first written calendar date (day precision) in `text`, with its match."""
    best = None
    for pattern in (ISO_RE, MDY_RE, DMY_RE):
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            iso = _from_match(m)
            if iso:
                best = m
    return (_from_match(best), best) if best else None


def date_only_line(line: str) -> str | None:
    """ISO date when `line` is only a date (with weekday/time), else None."""
    m = _DATE_ONLY.match(line)
    if not m:
        return None
    for prefix in ("", "a_", "b_"):
        if m.group(prefix + "year"):
            return _from_match(m, prefix)
    return None


def parse_date(value: str | None) -> str | None:
    """ISO date (YYYY-MM-DD) of a metadata string: ISO, written dates, RFC 2822."""
    if not value:
        return None
    value = str(value).strip()
    m = ISO_RE.match(value)
    if m:
        return _from_match(m)
    if re.fullmatch(r"(?:19|20)\d{2}", value):  # a bare year is not a publication day
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_date(value)
    if found:
        return found[0]
    try:  # odd formats only; dateparser is slow, so it is the last resort
        import dateparser

        parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    except Exception:  # noqa: BLE001 - an unreadable date is just no date
        return None
    return parsed.date().isoformat() if isinstance(parsed, datetime) else None


# A four-digit year written as a word of its own
_FULL_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def parse_given_date(value: str | None) -> str | None:
    """A date given with the input (a JSON line's `published`), read strictly: a complete ISO
    date, or a written or RFC 2822 date with its four-digit year. A truncated string ("17
    Decembe", "Dec 18, 20") is no date: guessing the century or the month would make a wrong
    date that then dates every event of the article."""
    if not value:
        return None
    value = str(value).strip()
    m = ISO_RE.match(value)
    if m:
        rest = value[m.end():]
        return _from_match(m) if not rest or rest[0] in "T ,;" else None
    years = _FULL_YEAR.findall(value)
    if not years:
        return None
    iso = parse_date(value)
    return iso if iso and iso[:4] in years else None


def url_date(url: str | None) -> tuple[str, str] | None:
    """(ISO date or month, the URL fragment) written in a URL path."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1]
    path = path[path.find("/"):] if "/" in path else ""
    for pattern in (URL_DAY_RE, URL_COMPACT_RE):
        m = pattern.search(path)
        if m:
            iso = _iso(*m.groups())
            if iso:
                return iso, m.group(0)
    m = URL_MONTH_RE.search(path)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}", m.group(0)
    return None
