"""TIMEX3 values: writing them from dates and reading them back as date ranges.

A value is written at the granularity the words give it ("1998", "1998-02",
"1998-W05", "1998-Q3", "199", "19") and read back by `value_range` as the first
and last day it covers plus a precision the event record can carry
(day, month or year).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from chronicle.times.calendar import add_months, month_last_day

# Unit -> how a point that many units away is written.
GRANULARITY = {
    "second": "day", "minute": "day", "hour": "day", "day": "day", "night": "day",
    "week": "week", "weekend": "week", "fortnight": "week", "month": "month", "quarter": "quarter",
    "year": "year", "decade": "decade", "century": "century", "millennium": "century",
}

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def write(d: date, granularity: str) -> str:
    """The TIMEX3 value of the period of `granularity` that contains d."""
    if granularity == "day":
        return d.isoformat()
    if granularity == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if granularity == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if granularity == "year":
        return f"{d.year:04d}"
    if granularity == "decade":
        return f"{d.year // 10:03d}"
    if granularity == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(granularity)


def duration(n: float | None, unit: str) -> str:
    """'P3D', 'PT4H', 'P1.5Y', 'PXY' (n None = an unstated number)."""
    letters = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
               "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y",
               "decade": "DE", "century": "CE", "millennium": "ML"}
    if n is not None and unit == "hour" and not float(n).is_integer():
        n, unit = n * 60, "minute"  # "half an hour" -> PT30M
    letter = letters[unit]
    if n is None:
        amount = "X"
    else:
        if unit == "fortnight":
            n = n * 2
        amount = str(int(n)) if float(n).is_integer() else f"{n:g}"
    return ("PT" if unit in ("second", "minute", "hour") else "P") + amount + letter


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_FISCAL = re.compile(r"^FY(\d{4})$")


def value_range(value: str | None) -> tuple[date, date, str] | None:
    """(first day, last day, precision "day"|"month"|"year") a DATE value covers, or None."""
    if not value:
        return None
    try:
        m = _ISO_DAY.match(value)
        if m:
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        m = _ISO_MONTH.match(value)
        if m:
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, month_last_day(y, mo)), "month"
        m = _YEAR.match(value)
        if m:
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year"
        m = _WEEK.match(value)
        if m:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6), "day"
            return monday, monday + timedelta(days=6), "day"
        m = _QUARTER.match(value)
        if m:
            y, q = int(m[1]), int(m[2])
            first = date(y, 3 * q - 2, 1)
            return first, add_months(first, 3) - timedelta(days=1), "month"
        m = _HALF.match(value)
        if m:
            y, h = int(m[1]), int(m[2])
            first = date(y, 6 * h - 5, 1)
            return first, add_months(first, 6) - timedelta(days=1), "month"
        m = _SEASON.match(value)
        if m:
            y, (a, b) = int(m[1]), SEASON_MONTHS[m[2]]
            first = date(y, a, 1)
            last_year = y + 1 if b < a else y
            return first, date(last_year, b, month_last_day(last_year, b)), "month"
        m = _FISCAL.match(value)
        if m:
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year"
        m = _DECADE.match(value)
        if m:
            y = int(m[1]) * 10
            return date(max(1, y), 1, 1), date(y + 9, 12, 31), "year"
        m = _CENTURY.match(value)
        if m:
            y = int(m[1]) * 100
            return date(max(1, y), 1, 1), date(y + 99, 12, 31), "year"
    except ValueError:
        return None
    return None
