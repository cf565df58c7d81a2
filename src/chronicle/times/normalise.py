"""TIMEX3 type and value of each kind of expression the patterns find.

Every normaliser reads one regex match with a `Context`: the reference date
(publication), the direction the clause's tense points (past, future or unknown),
and the last calendar day the text named (for "the next day", "two days later").
It returns a `Norm` (type, value, mod, anchor, range) or None to reject the match.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from chronicle.times import calendar as cal
from chronicle.times.absolute import date_parts
from chronicle.times.feasts import holiday, islamic, islamic_holiday, islamic_year
from chronicle.times.lexicon import DAY_PARTS, MONTHS, SEASONS, WEEKDAYS, parse_number, parse_ordinal, unit_of
from chronicle.times.norm import FUTURE, PAST, UNKNOWN, Norm
from chronicle.times.patterns import QUANTITY_MODS
from chronicle.times.values import GRANULARITY, duration, write


def _quantity(text: str | None) -> float | None:
    """A number, or None for a vague quantity ("several")."""
    if not text:
        return 1
    return parse_number(text)


def _quantity_mod(m: re.Match) -> str | None:
    mod = m.groupdict().get("mod")
    return QUANTITY_MODS.get(" ".join(mod.lower().split())) if mod else None


def _year_for_month(ref: date, month: int, direction: int, day: int | None = None) -> int:
    """The year of a month (or month-day) written without one, seen from ref."""
    d = day or 1
    this_year = date(ref.year, month, min(d, cal.month_last_day(ref.year, month)))
    slack = timedelta(days=3 if day else 0)
    if direction == PAST:
        if (day and this_year > ref + slack) or (not day and month > ref.month):
            return ref.year - 1
        return ref.year
    if direction == FUTURE:
        if (day and this_year < ref - slack) or (not day and month < ref.month):
            return ref.year + 1
        return ref.year
    # unknown tense: the nearest such day
    if day:
        best = min((ref.year - 1, ref.year, ref.year + 1),
                   key=lambda y: abs((date(y, month, min(d, cal.month_last_day(y, month))) - ref).days))
        return best
    return ref.year


def _weekday_date(ref: date, wd: int, rel: str | None, direction: int) -> date:
    delta = wd - ref.isoweekday()
    rel = (rel or "").lower()
    if rel in ("last", "past", "this past"):
        return ref + timedelta(days=delta if delta < 0 else delta - 7)
    if rel in ("next", "coming", "this coming"):
        return ref + timedelta(days=delta if delta > 0 else delta + 7)
    if rel == "this":
        return ref + timedelta(days=delta)
    if direction == FUTURE:
        return ref + timedelta(days=delta if delta >= 0 else delta + 7)
    # past and unknown: news mostly reports what has happened
    return ref + timedelta(days=delta if delta <= 0 else delta - 7)


def _day_with_part(d: date, part: str | None) -> tuple[str, str]:
    if part:
        return "TIME", f"{d.isoformat()}T{DAY_PARTS[part.lower()]}"
    return "DATE", d.isoformat()

def full_date(m, ctx):
    parts = date_parts(m.groupdict())
    if not parts or not all(parts):
        return None
    return Norm("DATE", date(*parts).isoformat())


def numeric_date(m, ctx):
    # day first (the world's usage) unless the writer is clearly month first
    parts = date_parts(m.groupdict(), day_first=True)
    if not parts or not all(parts):
        return None
    return Norm("DATE", date(*parts).isoformat())


def month_day(m, ctx):
    parts = date_parts(m.groupdict())
    if not parts or parts[1] is None or parts[2] is None:
        return None
    _, month, day = parts
    if ctx.ref is None:
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}")
    year = _year_for_month(ctx.ref, month, _limit_direction(m, ctx), day)
    if not cal.valid_date(year, month, day):
        return None
    return Norm("DATE", date(year, month, day).isoformat(), anchor="published")


def month_year(m, ctx):
    parts = date_parts(m.groupdict())
    if not parts or parts[0] is None or parts[1] is None:
        return None
    return Norm("DATE", f"{parts[0]:04d}-{parts[1]:02d}")


_MAY_CONTEXT = re.compile(r"\b(?:in|since|until|till|by|during|through|of|between|early|late|mid|last|next|this|before|after|from|to|and)\s+$", re.I)
_MONTH_PREP = re.compile(r"\b(?:in|since|until|till|by|during|through|from|to|before|after|between|and)\s+$", re.I)


def month(m, ctx):
    name = m.group("m")
    start = m.start()
    if name == "May" and not m.group("rel") and not _MAY_CONTEXT.search(ctx_text(ctx)[max(0, start - 12): start]):
        return None
    # "March" at the head of a capitalised name ("March Madness", "June Smith") is not a month
    # a month at the head of a capitalised name ("the October Revolution", "March Madness")
    after = ctx_text(ctx)[m.end(): m.end() + 2]
    if re.match(r" [A-Z]", after) and not m.group("rel") and not _MONTH_PREP.search(ctx_text(ctx)[max(0, start - 8): start]):
        return None
    mo = MONTHS[name.lower()]
    if ctx.ref is None:
        return Norm("DATE", f"XXXX-{mo:02d}")
    rel = (m.group("rel") or "").lower()
    ref = ctx.ref
    if rel in ("last", "past", "this past"):
        year = ref.year if mo < ref.month else ref.year - 1
    elif rel in ("next", "coming", "this coming"):
        year = ref.year if mo > ref.month else ref.year + 1
    elif rel == "this":
        year = ref.year
    else:
        year = _year_for_month(ref, mo, _limit_direction(m, ctx))
    return Norm("DATE", f"{year:04d}-{mo:02d}", anchor="published")


# A date as the limit of a stretch ("extended the offer to Nov. 20", "until June"): a past verb
# sets a limit that may lie after the telling, so the tense points nowhere (the nearest such day)
_LIMIT_BEFORE = re.compile(r"\b(?:to|until|till|through|by)\s+$", re.I)


def _limit_direction(m, ctx) -> int:
    direction = ctx.direction(m.start(), m.end())
    if direction == PAST and _LIMIT_BEFORE.search(ctx_text(ctx)[max(0, m.start() - 10): m.start()]):
        return UNKNOWN
    return direction


def ctx_text(ctx) -> str:
    return ctx.text


_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|number|Resolution|resolution|Route|route|Flight|flight|Highway|Article|article|Section|"
    r"section|Chapter|chapter|Room|Suite|Boeing|Airbus|Windows|model|Model|code|Code|page|pages|p|pp|Vol|vol|"
    r"Law|law|Decree|decree|Order|order|bill|Bill|H\.R|S|Item|item|Rule|rule|Form|form|Box|box|Level|level)\.?\s*)$"
)


def year(m, ctx):
    y = int(m.group("y"))
    text = ctx.text
    before = text[max(0, m.start() - 20): m.start()]
    if _NOT_A_YEAR_BEFORE.search(before):
        return None
    if y < 1800 and not re.search(r"\b(?:in|of|since|year|until|by|from|around|circa|c\.)\s+$", before, re.I):
        return None
    # a count of things ("2000 protesters") rather than a year
    if ctx.is_count(m.start(), m.end()):
        return None
    return Norm("DATE", f"{y:04d}")


def decade(m, ctx):
    if m.groupdict().get("yy") is not None:
        yy = int(m.group("yy"))
        base = 19 if yy >= 3 or ctx.ref is None or ctx.ref.year < 2000 + yy * 10 else 20
        return Norm("DATE", f"{base:02d}{yy}")
    return Norm("DATE", m.group("y"))


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


def year_end(m, ctx):
    if ctx.ref is None:
        return None
    return Norm("DATE", f"{ctx.ref.year:04d}", mod="END", anchor="published")


def year_span(m, ctx):
    """'1996-97', '2019/2020': the first year, ending with the second."""
    y = int(m.group("y"))
    y2s = m.group("y2")
    y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
    if not y < y2 <= y + 10:
        return None
    return Norm("DATE", f"{y:04d}", range_start=f"{y:04d}-01-01", range_end=f"{y2:04d}-12-31")


def the_quarter(m, ctx):
    """'for the quarter': in news of results, the quarter last reported (the one before
    publication) unless the clause looks ahead."""
    if ctx.ref is None:
        return None
    q_start = cal.add_months(date(ctx.ref.year, 3 * ((ctx.ref.month - 1) // 3) + 1, 1), 0)
    if ctx.direction(m.start(), m.end()) != FUTURE:
        q_start = cal.add_months(q_start, -3)
    return Norm("DATE", write(q_start, "quarter"), anchor="published")


def year_earlier(m, ctx):
    if ctx.ref is None:
        return None
    return Norm("DATE", f"{ctx.ref.year - 1:04d}", anchor="published")


def decade_word(m, ctx):
    return Norm("DATE", f"19{_DECADE_WORDS[m.group('w').lower()]}")


def century(m, ctx):
    n = parse_ordinal(m.group("ord"))
    if not n or n < 1 or n > 30:
        return None
    return Norm("DATE", f"{n - 1:02d}")


_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": -1, "last": -1}


def quarter(m, ctx):
    g = m.groupdict()
    if g.get("q"):
        letter, n = g["q"][0].upper(), int(g["q"][1])
    else:
        letter = "Q" if g["unit"].lower() == "quarter" else "H"
        n = _QUARTER_ORD[g["ord"].lower()]
        if n == -1:
            n = 4 if letter == "Q" else 2
        if letter == "H" and n > 2:
            return None
    if g.get("y") or g.get("fy"):
        y = int(g.get("y") or g.get("fy"))
    elif ctx.ref is None:
        return Norm("DATE", f"XXXX-{letter}{n}")
    else:
        rely = (g.get("rely") or "").lower()
        y = ctx.ref.year + {"last": -1, "next": 1}.get(rely, 0)
        if not rely or rely == "the":
            first_month = 3 * n - 2 if letter == "Q" else 6 * n - 5
            direction = ctx.direction(m.start(), m.end())
            if first_month > ctx.ref.month and direction == PAST:
                y -= 1
    return Norm("DATE", f"{y:04d}-{letter}{n}")


_SEASON_CONTEXT = re.compile(r"\b(?:in|during|by|until|till|since|through|over|this|last|next|of|the|before|after|early|late|mid)\s+$", re.I)


def season(m, ctx):
    g = m.groupdict()
    code = SEASONS[g["s"].lower()]
    rel = (g.get("rel") or "").lower()
    if not rel and not g.get("y"):
        if not _SEASON_CONTEXT.search(ctx.text[max(0, m.start() - 10): m.start()]):
            return None
    if g["s"].lower() == "fall" and rel in ("", "the") and not g.get("y"):
        # "fall" the verb and "the fall of the regime"; "in the fall" is the season
        if rel == "" or not re.search(r"\b(?:in|by|until|during|through|since|over)\s+$", ctx.text[max(0, m.start() - 8): m.start()]) \
                or re.match(r"\s+(?:of|in|from|to|was|is|has)\b", ctx.text[m.end(): m.end() + 6]):
            return None
    if g["s"][0].isupper() and not g.get("y") and re.match(r"\s+[A-Z]", ctx.text[m.end(): m.end() + 2]):
        return None  # "the Summer Palace"
    mod = {"early": "START", "late": "END", "mid": "MID"}.get(rel)
    if g.get("y"):
        return Norm("DATE", f"{g['y']}-{code}", mod=mod)
    if ctx.ref is None:
        return Norm("DATE", f"XXXX-{code}", mod=mod)
    # Seasons counted in order (winter named by the year it starts in), so
    # "last", "next" and the tense pick the instance before, after or around now.
    order = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
    ref = ctx.ref
    now_code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(ref.month, "FA")
    now_year = ref.year - 1 if ref.month <= 2 else ref.year
    now = now_year * 4 + order[now_code]
    candidates = [(y * 4 + order[code], y) for y in (now_year - 1, now_year, now_year + 1)]
    direction = ctx.direction(m.start(), m.end())
    if rel in ("last", "past") or (rel in ("", "the") and direction == PAST):
        pool = [c for c in candidates if (c[0] < now if rel in ("last", "past") else c[0] <= now)]
        idx, y = max(pool)
    elif rel in ("next", "coming") or (rel in ("", "the") and direction == FUTURE):
        pool = [c for c in candidates if (c[0] > now if rel in ("next", "coming") else c[0] >= now)]
        idx, y = min(pool)
    else:
        idx, y = min(candidates, key=lambda c: (abs(c[0] - now), c[0]))
    return Norm("DATE", f"{y:04d}-{code}", mod=mod, anchor="published")


def fiscal(m, ctx):
    g = m.groupdict()
    if g.get("yy"):
        yy = g["yy"]
        y = int(yy) if len(yy) == 4 else (2000 + int(yy) if int(yy) < 50 else 1900 + int(yy))
    else:
        y = int(g["y"])
    return Norm("DATE", f"FY{y:04d}")


def weekday(m, ctx):
    wd = WEEKDAYS[m.group("wd").lower()]
    part = m.group("part")
    if ctx.ref is None:
        return Norm("DATE", f"XXXX-WXX-{wd}")
    d = _weekday_date(ctx.ref, wd, m.group("rel"), ctx.direction(m.start(), m.end()))
    typ, value = _day_with_part(d, part)
    return Norm(typ, value, anchor="published")


def weekday_set(m, ctx):
    wd = WEEKDAYS[m.group("wd").lower()]
    part = m.groupdict().get("part")
    value = f"XXXX-WXX-{wd}" + (f"T{DAY_PARTS[part.lower()]}" if part else "")
    return Norm("SET", value)


_REF_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "in the past": "PAST_REF", "the past": "PAST_REF",
    "formerly": "PAST_REF", "in the future": "FUTURE_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
}
_DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "last night": -1,
                "the day before yesterday": -2, "the day after tomorrow": 2}


def deictic(m, ctx):
    w = " ".join(m.group("w").lower().split())
    if w in _REF_WORDS:
        return Norm("DATE", _REF_WORDS[w])
    mod = None
    for prefix, pmod in (("early ", "START"), ("late ", "END")):
        if w.startswith(prefix):
            w, mod = w[len(prefix):], pmod
    part = m.group("part") or m.group("part2")
    base = w.split()[0] if w.split()[0] in _DAY_OFFSETS else w
    if w.startswith("this "):
        base = "today"
    if w in ("tonight", "last night"):
        base, part = w, "night"
    if base.startswith("yesterday") or base.startswith("tomorrow") or base.startswith("today"):
        base = base.split()[0]
    offset = _DAY_OFFSETS.get(base)
    if offset is None:
        return None
    if ctx.ref is None:
        return Norm("DATE", "PRESENT_REF" if offset == 0 else ("PAST_REF" if offset < 0 else "FUTURE_REF"))
    typ, value = _day_with_part(ctx.ref + timedelta(days=offset), part)
    return Norm(typ, value, mod=mod, anchor="published")


_REL_OFFSET = {"this": 0, "current": 0, "the current": 0, "the present": 0, "last": -1, "past": -1, "previous": -1,
               "the previous": -1, "the prior": -1, "next": 1, "coming": 1, "the coming": 1, "the following": 1,
               "the next": 1, "the same": 0, "that": 0}


def rel_unit(m, ctx):
    g = m.groupdict()
    rel = " ".join(g["rel"].lower().split())
    if rel == "the" and g["unit"].lower() == "weekend":
        # "over the weekend": the one the tense points at (the last one, in news)
        if ctx.ref is None:
            return None
        shift_weeks = 1 if ctx.direction(m.start(), m.end()) == FUTURE and ctx.ref.isoweekday() < 6 else 0
        if ctx.ref.isoweekday() < 6 and shift_weeks == 0:
            shift_weeks = -1
        d = cal.shift(ctx.ref, "week", shift_weeks)
        return Norm("DATE", write(d, "week") + "-WE", anchor="published")
    if rel in ("the day", "the year", "the month", "the week", "the decade", "the century"):
        unit = rel.split()[1]
        if g.get("dir"):
            rel = "the previous" if g["dir"].lower() == "before" else "the following"
        else:
            # "the end of the year", "the year to date": the writer's own year
            rel = "this"
    else:
        unit = " ".join(g["unit"].lower().split())
    # "the past year", "the last month", "the next week": a stretch of time, not a calendar unit
    # (but "the last quarter" in business news is the previous quarter)
    if rel == "the last" and unit == "quarter":
        rel = "last"
    if rel in ("the past", "the last", "the next") and unit not in ("day", "night", "weekend"):
        u = "year" if unit == "fiscal year" else unit
        return Norm("DURATION", duration(1, u))
    anaphoric = rel in ("the same", "that", "the following", "the previous", "the prior", "the next")
    if anaphoric:
        base, anchor = ctx.anchor()
    else:
        base, anchor = ctx.ref, "published"
    if base is None:
        return None
    n = _REL_OFFSET.get(rel, 0)
    if unit == "fiscal year":
        return Norm("DATE", f"FY{base.year + n:04d}", anchor=anchor)
    if unit in ("day", "night"):
        if rel in ("current", "the current", "the present", "past", "coming", "last") and unit == "day":
            return None  # "last day", "the current day" are rarely calendar references
        if rel == "this" and unit == "day" and not g.get("rel", "").lower().startswith("the"):
            return None  # "this day" (an anniversary, a phrase), unlike "earlier in the day"
        d = base + timedelta(days=n)
        if unit == "night":
            return Norm("TIME", f"{d.isoformat()}TNI", anchor=anchor)
        return Norm("DATE", d.isoformat(), anchor=anchor)
    if unit == "weekend":
        d = cal.shift(base, "week", n)
        return Norm("DATE", write(d, "week") + "-WE", anchor=anchor)
    d = cal.shift(base, unit, n)
    return Norm("DATE", write(d, GRANULARITY[unit]), anchor=anchor)


def ago(m, ctx):
    g = m.groupdict()
    unit = unit_of(g["unit"])
    if g.get("num") is None or _quantity(g["num"]) is None or ctx.ref is None:
        return Norm("DATE", "PAST_REF")
    n = _quantity(g["num"])
    mod = _quantity_mod(m)
    if mod in ("LESS_THAN", "EQUAL"):
        mod = "APPROX" if mod == "LESS_THAN" else None
    elif mod == "MORE_THAN":
        mod = "BEFORE"
    base = ctx.ref
    if n != int(n):  # "a year and a half ago": go down a unit
        sub = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24)}.get(unit)
        if sub:
            unit, n = sub[0], round(n * sub[1])
    d = cal.shift(base, unit, -int(n)) if unit not in ("hour", "minute", "second") else base
    return Norm("DATE", write(d, GRANULARITY[unit]), mod=mod, anchor="published")


def offset(m, ctx):
    g = m.groupdict()
    unit = unit_of(g["unit"])
    n = _quantity(g["num"])
    direction = " ".join(g["dir"].lower().split())
    sign = -1 if direction in ("earlier", "before", "previously", "prior") else 1
    if direction in ("from now", "hence", "from today", "into the future"):
        base, anchor = ctx.ref, "published"
    else:
        base, anchor = ctx.anchor()
    if n is None or base is None:
        return Norm("DURATION", duration(None, unit))
    if n != int(n) or unit in ("hour", "minute", "second"):
        return Norm("DURATION", duration(n, unit), mod=_quantity_mod(m))
    d = cal.shift(base, unit, sign * int(n))
    return Norm("DATE", write(d, GRANULARITY[unit]), mod=_quantity_mod(m), anchor=anchor)


def duration_(m, ctx):
    g = m.groupdict()
    unit = unit_of(g["unit"])
    if unit is None:
        return None
    num = g.get("num")
    pre = " ".join((g.get("pre") or "").lower().split())
    if num is None:
        # "the past days", "the coming weeks": a stretch of unstated length
        plural = g["unit"].lower() != unit
        return Norm("DURATION", duration(None if plural else 1, unit))
    n = _quantity(num)
    num_l = num.lower()
    if num_l in ("a", "an", "one") and unit in ("day", "night") and not pre:
        # "one day" alone is usually "some day", not a length of time
        after = ctx.text[m.end(): m.end() + 12]
        if not re.match(r"\s*(?:of|in|on|,|\.|later|after|before|ahead|long)", after) and num_l == "one":
            return None
    after = ctx.text[m.end(): m.end() + 4]
    if num_l in ("a", "an", "one") and unit in ("second", "quarter", "minute") and not re.match(r"\s*(?:later|ago|earlier|[,.;])", after):
        return None  # "a second attack", "a quarter of the vote"
    if num_l in ("a", "an") and unit == "quarter" or (unit == "quarter" and after.startswith(" of")):
        return None
    return Norm("DURATION", duration(n, unit), mod=_quantity_mod(m))


def duration_adj(m, ctx):
    unit = unit_of(m.group("unit"))
    n = parse_number(m.group("num"))
    if n is None or unit is None or n <= 0:
        return None
    return Norm("DURATION", duration(n, unit))


def bare_plural(m, ctx):
    unit = unit_of(m.group("unit"))
    return Norm("DURATION", duration(None, unit))


_SET_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "quarterly": "P3M",
    "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "annual": "P1Y", "semiannual": "P6M", "biannual": "P6M",
}


def set_every(m, ctx):
    word = m.group("unit").lower()
    num = m.group("num")
    if word in DAY_PARTS:
        return Norm("SET", f"XXXX-XX-XXT{DAY_PARTS[word]}")
    if word in SEASONS:
        return Norm("SET", f"XXXX-{SEASONS[word]}")
    unit = unit_of(word)
    n = 2 if num and num.lower() == "other" else (_quantity(num) if num else 1)
    if unit is None or n is None:
        return None
    return Norm("SET", duration(n, unit))


def set_adverb(m, ctx):
    word = m.group("w")
    if word[0].isupper() and re.match(r"\s+[A-Z]", ctx.text[m.end(): m.end() + 2]):
        return None  # a name: "The Daily Ledger"
    return Norm("SET", _SET_ADVERBS[m.group("w").lower()])


def set_freq(m, ctx):
    return Norm("SET", duration(1, m.group("unit").lower()))


def set_rate(m, ctx):
    return Norm("SET", duration(1, m.group("unit").lower()))


def clock(m, ctx):
    g = m.groupdict()
    if g.get("word"):
        hhmm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["word"].lower()]
    else:
        h, mi = int(g["h"]), int(g.get("min") or 0)
        ap = (g.get("ap") or "").lower().replace(".", "").replace(" ", "")
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        hhmm = f"{h:02d}:{mi:02d}"
    # the day is the publication date unless a day named beside it says otherwise (tagger)
    base = ctx.ref
    if base is None:
        return Norm("TIME", f"XXXX-XX-XXT{hhmm}")
    return Norm("TIME", f"{base.isoformat()}T{hhmm}", anchor="published")


NORMALISERS: dict[str, Callable] = {
    "full_date": full_date, "numeric_date": numeric_date, "month_day": month_day, "month_year": month_year,
    "month": month, "year": year, "decade": decade, "decade_word": decade_word, "year_span": year_span, "the_quarter": the_quarter,
    "year_earlier": year_earlier, "year_end": year_end, "century": century,
    "quarter": quarter, "season": season, "fiscal": fiscal, "weekday": weekday, "weekday_set": weekday_set,
    "deictic": deictic, "rel_unit": rel_unit, "ago": ago, "offset": offset, "duration": duration_,
    "duration_adj": duration_adj, "bare_plural": bare_plural, "set_every": set_every, "set_adverb": set_adverb,
    "set_freq": set_freq, "set_rate": set_rate, "clock": clock, "islamic": islamic, "islamic_year": islamic_year,
    "islamic_holiday": islamic_holiday, "holiday": holiday,
}
