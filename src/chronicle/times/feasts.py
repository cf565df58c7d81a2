"""Normalisers of dates named by a calendar of feasts: Islamic dates and months, Islamic
holidays, and the fixed and movable holidays (Easter, Thanksgiving ...)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from chronicle.times import calendar as cal
from chronicle.times.norm import FUTURE, PAST, UNKNOWN, Norm
from chronicle.times.patterns import ISLAMIC_HOLIDAYS


def _islamic_month_of(g) -> int | None:
    for n in range(1, 13):
        if g.get(f"im{n}"):
            return n
    return None


def _current_islamic_year(ctx, month_no: int, day: int | None, start: int, end: int) -> int:
    """The Islamic year whose `month_no` a text of ctx.ref's date means."""
    ref = ctx.ref
    y = cal.islamic_year_of(ref)
    direction = ctx.direction(start, end)
    first, last = cal.islamic_month_range(y, month_no)
    if day:
        first = last = cal.islamic_date(y, month_no, day)
    if direction == FUTURE:
        return y if last >= ref else y + 1
    if first > ref + timedelta(days=3):  # not begun yet: the past one is meant
        if direction == UNKNOWN and (first - ref).days <= 30:
            return y
        return y - 1
    return y


def _islamic_norm(y: int, month_no: int, day: int | None, anchor: str | None) -> Norm:
    if day:
        d = cal.islamic_date(y, month_no, min(day, cal.islamic_month_length(y, month_no)))
        return Norm("DATE", d.isoformat(), anchor=anchor, range_start=d.isoformat(), range_end=d.isoformat())
    first, last = cal.islamic_month_range(y, month_no)
    middle = first + (last - first) / 2
    return Norm("DATE", f"{middle.year:04d}-{middle.month:02d}", anchor=anchor,
                range_start=first.isoformat(), range_end=last.isoformat())


def islamic(m, ctx):
    g = m.groupdict()
    month_no = _islamic_month_of(g)
    day = int(g["d"]) if g.get("d") else None
    if day is not None and not 1 <= day <= 30:
        return None
    name = m.group(f"im{month_no}")
    if name.lower() in ("safar", "rajab") and not g.get("y") and not day and not re.search(
            r"month\s+of\s+$|\b(?:in|during|of|since|until|by)\s+$", ctx.text[max(0, m.start(f"im{month_no}") - 12): m.start(f"im{month_no}")], re.I):
        return None  # also common personal names
    if g.get("y"):
        return _islamic_norm(int(g["y"]), month_no, day, f"AH {g['y']}")
    if ctx.ref is None:
        return None
    y = _current_islamic_year(ctx, month_no, day, m.start(), m.end())
    return _islamic_norm(y, month_no, day, "published")


def islamic_year(m, ctx):
    y = int(m.group("y"))
    first, last = cal.islamic_year_range(y)
    return Norm("DATE", f"{first.year:04d}" if first.year == last.year or first.month <= 6 else f"{last.year:04d}",
                anchor=f"AH {y}", range_start=first.isoformat(), range_end=last.isoformat())


def islamic_holiday(m, ctx):
    key = " ".join(m.group("name").lower().replace("’", "").replace("'", "").split())
    key = re.sub(r"^eid (?:ul|el)[- ]", "eid al-", key)
    key = re.sub(r"^arba\w*", "arbaeen", key)
    key = re.sub(r"^mawlid.*", "mawlid", key)
    key = re.sub(r"^day of arafah?", "day of arafah", key)
    month_no, day = ISLAMIC_HOLIDAYS.get(key, ISLAMIC_HOLIDAYS.get(key.replace(" ", "-", 1), (None, None)))
    if month_no is None:
        return None
    if m.group("y"):
        return _islamic_norm(int(m.group("y")), month_no, day, f"AH {m.group('y')}")
    if ctx.ref is None:
        return None
    y = _current_islamic_year(ctx, month_no, day, m.start(), m.end())
    return _islamic_norm(y, month_no, day, "published")


def _easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * l) // 451
    month_ = (h + l - 7 * mm + 114) // 31
    day = (h + l - 7 * mm + 114) % 31 + 1
    return date(y, month_, day)


def _thanksgiving(y: int) -> date:
    first = date(y, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _holiday_date(name: str, y: int) -> date | None:
    n = " ".join(name.lower().replace("’", "'").split())
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's": (1, 1),
             "new year's day": (1, 1), "new year's eve": (12, 31), "nowruz": (3, 21), "norouz": (3, 21),
             "nowrooz": (3, 21), "halloween": (10, 31), "valentine's day": (2, 14), "may day": (5, 1),
             "boxing day": (12, 26)}
    if n in fixed:
        return date(y, *fixed[n])
    if n.startswith("easter"):
        return _easter(y)
    if n.startswith("thanksgiving"):
        return _thanksgiving(y)
    return None


def holiday(m, ctx):
    name = m.group("name")
    if m.group("y"):
        d = _holiday_date(name, int(m.group("y")))
        return Norm("DATE", d.isoformat()) if d else None
    if ctx.ref is None:
        return None
    direction = ctx.direction(m.start(), m.end())
    candidates = [d for d in (_holiday_date(name, y) for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)) if d]
    if direction == PAST:
        pool = [d for d in candidates if d <= ctx.ref + timedelta(days=1)]
    elif direction == FUTURE:
        pool = [d for d in candidates if d >= ctx.ref - timedelta(days=1)]
    else:
        pool = candidates
    d = min(pool or candidates, key=lambda d: abs((d - ctx.ref).days))
    return Norm("DATE", d.isoformat(), anchor="published")
