"""Calendar arithmetic: Gregorian offsets, ISO weeks, and the tabular Islamic calendar.

The Islamic calendar here is the arithmetical (tabular) one: 30-year cycles of
354/355-day years with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of
each cycle, counted from the civil epoch of 16 July 622 (Julian). Observed
months can begin a day or two off it; news rarely needs better than that.
"""

from __future__ import annotations

import calendar as _pycal
from datetime import date, timedelta

# Day number (date.toordinal, 1 = 0001-01-01 Gregorian) of 1 Muharram AH 1:
# 16 July 622 Julian = 19 July 622 proleptic Gregorian.
ISLAMIC_EPOCH = date(622, 7, 19).toordinal()

ISLAMIC_MONTHS = (
    "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Awwal", "Jumada al-Thani",
    "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
)


def islamic_to_ordinal(year: int, month: int, day: int) -> int:
    """Day number of an Islamic (tabular) date."""
    return (
        ISLAMIC_EPOCH - 1
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + 29 * (month - 1)
        + month // 2
        + day
    )


def islamic_month_length(year: int, month: int) -> int:
    if month % 2 == 1:
        return 30
    if month < 12:
        return 29
    return 30 if (14 + 11 * year) % 30 < 11 else 29


def islamic_year_of(d: date) -> int:
    """The Islamic year a Gregorian date falls in."""
    n = d.toordinal()
    year = (30 * (n - ISLAMIC_EPOCH) + 10646) // 10631
    # The closed form can be off by one at year boundaries: settle it exactly.
    while islamic_to_ordinal(year + 1, 1, 1) <= n:
        year += 1
    while islamic_to_ordinal(year, 1, 1) > n:
        year -= 1
    return year


def islamic_month_range(year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian day of an Islamic month."""
    first = islamic_to_ordinal(year, month, 1)
    return date.fromordinal(first), date.fromordinal(first + islamic_month_length(year, month) - 1)


def islamic_date(year: int, month: int, day: int) -> date:
    return date.fromordinal(islamic_to_ordinal(year, month, day))


def islamic_year_range(year: int) -> tuple[date, date]:
    return date.fromordinal(islamic_to_ordinal(year, 1, 1)), date.fromordinal(islamic_to_ordinal(year + 1, 1, 1) - 1)


# -- Gregorian helpers ---------------------------------------------------------

def add_months(d: date, months: int) -> date:
    """d moved by whole months, the day clamped to the target month's length."""
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    y = max(1, min(9999, y))
    return date(y, m + 1, min(d.day, _pycal.monthrange(y, m + 1)[1]))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def shift(d: date, unit: str, n: int) -> date:
    """d moved by n units (day, week, fortnight, month, quarter, year, decade, century)."""
    if unit in ("day", "night"):
        return d + timedelta(days=n)
    if unit == "week" or unit == "weekend":
        return d + timedelta(weeks=n)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "year":
        return add_years(d, n)
    if unit == "decade":
        return add_years(d, 10 * n)
    if unit == "century":
        return add_years(d, 100 * n)
    if unit == "millennium":
        return add_years(d, 1000 * n)
    return d


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def month_last_day(year: int, month: int) -> int:
    return _pycal.monthrange(year, month)[1]


def valid_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= month_last_day(year, month)


def parse_iso(value: str | None) -> date | None:
    """A date from an ISO date or datetime string ('2020-09-01', '2020-09-01T10:00Z')."""
    if not value or len(value) < 10:
        return None
    try:
        return date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None
