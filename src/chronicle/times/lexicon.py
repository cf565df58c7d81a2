"""The words of time: months, weekdays, numbers, ordinals, units, and the regex
pieces built from them. Every other module of the times package composes its
patterns from these, so a month spelling or a number word is added in one place.
"""

from __future__ import annotations

import re

# The project's one month table (ingestion's date reader uses it too).
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
MONTH_ABBREVIATIONS: dict[int, tuple[str, ...]] = {
    1: ("jan",), 2: ("feb",), 3: ("mar",), 4: ("apr",), 5: (), 6: ("jun",), 7: ("jul",), 8: ("aug",),
    9: ("sep", "sept"), 10: ("oct",), 11: ("nov",), 12: ("dec",),
}
# lower-cased name or abbreviation -> month number
MONTHS: dict[str, int] = {
    word: number
    for number, name in enumerate(MONTH_NAMES, 1)
    for word in (name.lower(), *MONTH_ABBREVIATIONS[number])
}

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Parts of the day as TimeML writes them (T + two letters).
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "midday": "MI", "noon": "MI", "overnight": "NI",
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "dozen": 12, "a dozen": 12,
    "half a": 0.5, "half an": 0.5, "a half": 0.5, "half": 0.5, "a couple of": 2, "a couple": 2, "couple of": 2,
}
# Quantities a TIMEX3 value writes as X ("several years" -> PXY).
VAGUE_NUMBERS = {"several", "few", "a few", "many", "some", "numerous", "countless", "multiple", "the past few", "the last few", "recent"}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "last": -1, "final": -1,
}

# Time units: word -> (TIMEX3 duration letter, whether it sits after the T).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False), "weekend": ("WE", False),
    "fortnight": ("2W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False), "millennium": ("ML", False),
}
UNIT_PLURALS = {"centuries": "century", "millennia": "millennium", "millenniums": "millennium"}


def unit_of(word: str) -> str | None:
    """The singular unit name of 'years', 'Month', 'centuries' ... or None."""
    w = word.lower()
    if w in UNITS:
        return w
    if w in UNIT_PLURALS:
        return UNIT_PLURALS[w]
    if w.endswith("s") and w[:-1] in UNITS:
        return w[:-1]
    return None


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# -- regex pieces (strings, composed by the tagger and the publication module) --
# Month names are matched capitalised: "may" the verb and "march" the noun stay out.
MONTH_FULL_RE = "(?:" + "|".join(MONTH_NAMES) + ")"
MONTH_RE = (
    "(?:" + "|".join(MONTH_NAMES)
    + r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
    + "|" + "|".join(name.upper() for name in MONTH_NAMES) + ")(?![a-z])"
)
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY_ABBR_RE = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\."
DAY_RE = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1[0-9]{3}|20[0-9]{2})"
NUMBER_WORD_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|a\s+hundred|one\s+hundred|hundred|a\s+dozen|dozen|a\s+couple\s+of|couple\s+of|half\s+an?|an?)"
)
NUMBER_RE = rf"(?:\d+(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+|{NUMBER_WORD_RE}(?:\s+and\s+a\s+half)?)"
ORDINAL_WORD_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|" + _alt(k for k in ORDINALS if k not in ("last", "final")) + ")"
)
ORDINAL_RE = rf"(?:{ORDINAL_WORD_RE}|\d+(?:st|nd|rd|th))"
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?"
    r"|centuries|century|millennia|millennium)"
)


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def parse_number(text: str) -> float | None:
    """'7', '1,200', 'seven', 'twenty-five', 'a', 'two and a half' -> number (None if not one)."""
    t = " ".join(text.lower().replace("-", " ").split())
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if not t:
        return None
    try:
        return float(t.replace(",", "")) + half
    except ValueError:
        pass
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t] + half
    parts = t.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        a, b = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if a >= 20 and b < 10:
            return a + b + half
        if b == 100:
            return a * 100 + half
    return None


def parse_ordinal(text: str) -> int | None:
    """'seventh', '7th', 'twenty-first' -> 7, 7, 21."""
    t = text.lower().replace("-", " ").strip()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t)
    if m:
        return int(m.group(1))
    if t in ORDINALS:
        return ORDINALS[t]
    parts = t.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in ORDINALS:
        return NUMBER_WORDS[parts[0]] + ORDINALS[parts[1]]
    return None
