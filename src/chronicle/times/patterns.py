"""The temporal expression patterns, compiled once per process.

Each entry is (kind, compiled regex); `chronicle.times.tagger` runs them all
over an article, keeps the longest non-overlapping matches, and hands each to
the normaliser of its kind (`chronicle.times.normalise`). Patterns only find
words; every value is computed in the normaliser.
"""

from __future__ import annotations

import re

from chronicle.times.absolute import DM, DMY, ISO, MD, MDY, MY, NUMERIC
from chronicle.times.lexicon import MONTH_FULL_RE, NUMBER_RE, ORDINAL_RE, UNIT_RE, WEEKDAY_RE, YEAR_RE

I = re.IGNORECASE
_B = r"(?<![\w-])"  # a word start that is not inside a hyphenated word

APPROX_RE = (
    r"(?:about|around|almost|nearly|roughly|approximately|some|more\s+than|over|less\s+than|under|"
    r"just\s+over|just\s+under|at\s+least|up\s+to|barely|only|exactly|precisely|close\s+to|well\s+over)"
)
VAGUE_RE = r"(?:several|a\s+few|few|many|some|numerous|multiple|a\s+couple\s+of|couple\s+of)"
QUANTITY_RE = rf"(?:{NUMBER_RE}|{VAGUE_RE})"
PART_RE = r"(?:morning|afternoon|evening|night)"

ISLAMIC_MONTH_NAMES = {
    1: r"Muharram|Moharram|Muharrem",
    2: r"Safar|Saffar",
    3: r"Rabi[’'`]?\s*(?:al|ul|el)?[- ]?(?:Awwal|Aw[wa]l|Ula)|Rabi[’'`]?\s+I(?!\w)",
    4: r"Rabi[’'`]?\s*(?:al|ul|el)?[- ]?(?:Thani|Than[iy]|Akhir|Akhar)|Rabi[’'`]?\s+II(?!\w)",
    5: r"Jumad[ao][’'`]?\s*(?:al|ul|el)?[- ]?(?:Awwal|Aw[wa]l|Ula|Oula)|Jumad[ao]\s+I(?!\w)",
    6: r"Jumad[ao][’'`]?\s*(?:al|ul|el)?[- ]?(?:Thani|Than[iy]|Akhir|Akhirah|Akhira|Ukhra)|Jumad[ao]\s+II(?!\w)",
    7: r"Rajab",
    8: r"Sha[’'`]?ban",
    9: r"Ramadan|Ramadhan|Ramazan|Ramzan",
    10: r"Shawwal|Shawal",
    11: r"Dhu[’'`]?\s*(?:al|ul|el|l)?[- ]?Qa[’'`]?d[ae]h?|Dhul[- ]Qa[’'`]?d[ae]h?|Zul[- ]?Qa[’'`]?d[ae]h?",
    12: r"Dhu[’'`]?\s*(?:al|ul|el|l)?[- ]?Hij[j]?[ae]h?|Dhul[- ]Hij[j]?[ae]h?|Zul[- ]?Hij[j]?[ae]h?",
}
ISLAMIC_MONTH_RE = "(?:" + "|".join(f"(?P<im{n}>{p})" for n, p in ISLAMIC_MONTH_NAMES.items()) + ")"
# Holy days as (Islamic month, day).
ISLAMIC_HOLIDAYS = {
    "ashura": (1, 10), "arbaeen": (2, 20), "arbaein": (2, 20), "arbaeen pilgrimage": (2, 20),
    "mawlid": (3, 12), "eid al-fitr": (10, 1), "eid ul-fitr": (10, 1), "eid al fitr": (10, 1),
    "eid al-adha": (12, 10), "eid ul-adha": (12, 10), "eid al adha": (12, 10),
    "laylat al-qadr": (9, 27), "day of arafah": (12, 9), "islamic new year": (1, 1),
}
ISLAMIC_HOLIDAY_RE = (
    r"(?:Ashura|Arba[’']?e[e]?i?n|Mawlid(?:\s+al-Nabi)?|Eid\s+(?:al|ul|el)[- ](?:Fitr|Adha)|"
    r"Laylat\s+al-Qadr|Day\s+of\s+Arafah?|Islamic\s+New\s+Year)"
)
HOLIDAY_RE = (
    r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year[’']s(?:\s+(?:Day|Eve))?|Easter(?:\s+Sunday)?|"
    r"Thanksgiving(?:\s+Day)?|Nowruz|Norouz|Nowrooz|Halloween|Valentine[’']s\s+Day|May\s+Day|Boxing\s+Day)"
)

_WD = rf"(?P<wd>{WEEKDAY_RE})"

PATTERNS: list[tuple[str, str | None, re.Pattern]] = [
    # -- calendar dates ------------------------------------------------------------
    ("full_date", 'month', re.compile(MDY)),
    ("full_date", 'month', re.compile(DMY)),
    ("full_date", 'digitsep', re.compile(ISO)),
    ("numeric_date", 'digitsep', re.compile(NUMERIC)),
    ("month_day", 'month', re.compile(MD)),
    ("month_day", 'month', re.compile(DM)),
    ("month_year", 'month', re.compile(MY)),
    ("month", 'month', re.compile(
        rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Tt]his\s+past|[Tt]his\s+coming)\s+)?"
        rf"(?P<m>{MONTH_FULL_RE})(?![\w-])(?!\s+\d)")),
    ("year", None, re.compile(rf"(?:(?<=mid-)|(?<![\w$£€#./:-])){YEAR_RE.replace('(?:', '(?P<y>', 1)}(?![\w%/:-]|[.,]\d|\s?%|\s+percent)")),
    ("year_span", None, re.compile(rf"(?<![\w$£€#./:-])(?P<y>1[89][0-9]{{2}}|20[0-9]{{2}})[-–/](?P<y2>[0-9]{{2}}(?:[0-9]{{2}})?)(?![\w%/:-]|[.,][0-9])")),
    ("rel_unit", 'unit', re.compile(r"(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bthrough\s))(?P<rel>the\s+(?:year|month|week|day))(?!\s+(?:of|after|before|in|when|that|to|ago|earlier|it|he|she|they)\b)(?![\w’'-])", I)),
    ("the_quarter", 'unit', re.compile(r"(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bof\s))the\s+(?:latest\s+|most\s+recent\s+|recent\s+|current\s+)?quarter(?!\s+of)(?![\w-])", I)),
    ("year_earlier", 'unit', re.compile(r"\b(?:year[- ]earlier|year[- ]ago|prior[- ]year)(?![\w-])", I)),
    ("decade", 'decade', re.compile(rf"(?:(?<=mid-)|{_B})(?:[Tt]he\s+)?(?P<y>1[0-9]{{2}}|20[0-9])0['’]?s\b")),
    ("decade", 'decade', re.compile(r"(?:[Tt]he\s+)(?:early\s+|mid[- ]|late\s+)?['’]?(?P<yy>[0-9])0['’]?s\b")),
    ("year_end", 'yearend', re.compile(r"\b(?:the\s+)?year[- ]end\b", I)),
    ("decade_word", 'decadeword', re.compile(r"\b[Tt]he\s+(?:early\s+|mid-|late\s+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b")),
    ("century", 'century', re.compile(rf"{_B}(?:[Tt]he\s+)?(?P<ord>{ORDINAL_RE})[- ]century\b", I)),
    ("quarter", 'quarter', re.compile(
        rf"{_B}(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last(?=[- ](?:quarter|half)\s+of\b))[- ](?P<unit>quarter|half)"
        rf"(?:\s+of\s+(?:(?P<y>{YEAR_RE})|(?P<rely>this|last|next|the)\s+year|fiscal\s+(?P<fy>{YEAR_RE})))?(?!\w)", I)),
    ("quarter", 'quarterabbr', re.compile(rf"\b(?P<q>Q[1-4]|H[12])(?:\s+(?P<y>{YEAR_RE}))?\b")),
    ("season", 'season', re.compile(
        rf"{_B}(?:(?P<rel>this|last|next|past|coming|the|early|late|mid)[\s-]+)?(?P<s>spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?:of\s+)?(?P<y>{YEAR_RE}))?(?![\w-])", I)),
    ("fiscal", 'fiscal', re.compile(rf"\b(?:[Ff]iscal|[Ff]inancial)(?:\s+[Yy]ear)?\s+(?P<y>{YEAR_RE})(?:[-/](?P<y2>\d\d(?:\d\d)?))?(?!\d)")),
    ("fiscal", 'fiscal', re.compile(r"\bFY\s?['’]?(?P<yy>\d{2}|\d{4})\b")),
    # -- days of the week and the deictic words -----------------------------------------
    ("weekday", 'weekday', re.compile(
        rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Tt]his\s+coming|[Tt]his\s+past|[Pp]ast)\s+)?{_WD}"
        rf"(?:\s+(?P<part>{PART_RE}))?(?!\w)(?!s\b)")),
    ("weekday_set", 'weekday', re.compile(rf"\b(?:[Ee]very|[Ee]ach)\s+{_WD}(?:\s+(?P<part>{PART_RE}))?\b")),
    ("weekday_set", 'weekday', re.compile(rf"(?<=\b[Oo]n\s){_WD}s\b")),
    ("deictic", 'deictic', re.compile(
        r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"(?:early\s+|late\s+)?(?:yesterday|tomorrow|today)(?:\s+(?P<part>morning|afternoon|evening|night))?|"
        r"tonight|last\s+night|this\s+(?P<part2>morning|afternoon|evening)|"
        r"now|right\s+now|currently|nowadays|presently|at\s+present|the\s+present|these\s+days|at\s+the\s+moment|"
        r"recently|lately|in\s+the\s+past|the\s+past|formerly|in\s+the\s+future|the\s+future|the\s+near\s+future)(?![\w-])", I)),
    ("rel_unit", 'unit', re.compile(
        r"\b(?P<rel>this|last|next|past|previous|coming|current|the\s+current|the\s+previous|the\s+coming|"
        r"the\s+following|the\s+next|the\s+past|the\s+last|the\s+same|that|the\s+prior|the\s+present)\s+"
        r"(?P<unit>week|weekend|month|year|quarter|decade|century|fiscal\s+year|day|night)(?![\w-])", I)),
    ("rel_unit", 'unit', re.compile(r"\b(?P<rel>the\s+day)\s+(?P<dir>before|after)(?!\s+(?:the|a|an|his|her|their|its)\b)(?=\s*[,.;:)]|\s+(?:yesterday|tomorrow)|$)", I)),
    ("rel_unit", 'unit', re.compile(r"\b(?P<rel>the\s+year|the\s+month|the\s+week)(?=\s+(?:ago|earlier|before|to\s+date)\b)", I)),
    ("rel_unit", 'unit', re.compile(r"(?<=\bof\s)(?P<rel>the\s+year|the\s+month|the\s+week|the\s+decade|the\s+century)(?![\w-])", I)),
    ("rel_unit", 'unit', re.compile(r"\b(?P<rel>the)\s+(?P<unit>weekend)\b", I)),
    # -- offsets, durations and sets ---------------------------------------------------------
    ("ago", 'ago', re.compile(rf"\b(?:(?P<mod>{APPROX_RE})\s+)?(?P<num>{QUANTITY_RE})\s+(?P<unit>{UNIT_RE})\s+ago\b", I)),
    ("ago", 'ago', re.compile(rf"\b(?P<unit>years|months|decades|weeks|days|centuries)\s+ago\b", I)),
    ("offset", 'offsetdir', re.compile(
        rf"\b(?:(?P<mod>{APPROX_RE})\s+)?(?P<num>{QUANTITY_RE})\s+(?P<unit>{UNIT_RE})\s+"
        rf"(?P<dir>later|earlier|before|after|previously|prior|on|hence|from\s+now|from\s+today|into\s+the\s+future)"
        r"(?=\s*[,.;:)]|\s+(?:when|as|and|but|in|on|at)\b|$)", I)),
    ("set_rate", 'unit', re.compile(
        r"(?:(?<=\d\s)|(?<=%\s)|(?<=million\s)|(?<=billion\s)|(?<=percent\s)|(?<=s\s))"
        r"(?P<art>a|an|per)\s+(?P<unit>year|month|day|week|hour)\b(?!\s+(?:ago|earlier|later|before|after|of)\b)", I)),
    ("duration", 'unit', re.compile(
        rf"{_B}(?P<pre>(?:the|a|an|its|their)\s+(?:(?:past|last|next|previous|coming|following|first|final|latest|remaining|recent|initial|same)\s+)?)?"
        rf"(?:(?P<mod>{APPROX_RE})\s+)?(?P<num>{QUANTITY_RE})\s+(?P<unit>{UNIT_RE})(?![\w-])"
        rf"(?:\s+of\s+(?:{YEAR_RE}|(?:the|this|last|that)\s+year)(?![\w-]))?", I)),
    ("duration", 'unit', re.compile(rf"{_B}(?P<pre>the\s+(?:past|last|next|coming|previous|following)\s+)(?P<unit>{UNIT_RE})(?![\w-])", I)),
    ("duration_adj", 'unit', re.compile(rf"{_B}(?P<num>\d+(?:\.\d+)?|{NUMBER_RE})[- ](?P<unit>second|minute|hour|day|week|month|year|decade|century)(?:-long)?(?![\w-])(?!\s*-?\s*old)", I)),
    ("bare_plural", 'unit', re.compile(r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bover\sthe\s)|(?<=\bthrough\sthe\s))(?P<unit>years|months|weeks|decades|days|hours|centuries)\b(?!\s+(?:ago|later|earlier|old))", I)),
    ("bare_plural", 'unit', re.compile(r"(?<![\w-])(?P<unit>hours|days|weeks|months|years|decades)(?=\s+(?:after|before|later|earlier)\b)", I)),
    ("bare_plural", 'unit', re.compile(r"\b(?:in\s+)?(?P<rel>recent)\s+(?P<unit>years|months|weeks|days|decades)\b", I)),
    ("set_every", 'every', re.compile(rf"\b(?:every|each|per)\s+(?:(?P<num>{NUMBER_RE}|other)\s+)?(?P<unit>{UNIT_RE}|{PART_RE}|spring|summer|autumn|winter|fall)\b", I)),
    ("set_adverb", 'setadverb', re.compile(r"\b(?P<w>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly|annual|semiannual|biannual)\b", I)),
    ("set_freq", 'freq', re.compile(r"\b(?P<f>once|twice|thrice|\w+\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>day|week|month|year|hour|decade)\b", I)),
    # -- clock times -------------------------------------------------------------------------
    ("clock", 'clockap', re.compile(r"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\.?(?!\w))(?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT|UTC)))?", I)),
    ("clock", 'clock24', re.compile(r"\b(?P<h>[01]\d|2[0-3]):?(?P<min>[0-5]\d)\s*(?P<tz>GMT|UTC|local\s+time|hrs|hours|[A-Z]{2,4}T)\b")),
    ("clock", 'clockword', re.compile(r"\b(?P<word>noon|midnight|midday)\b", I)),
    # -- Islamic calendar and holidays --------------------------------------------------------
    ("islamic", 'islamic', re.compile(
        rf"(?:(?:the\s+)?(?:holy\s+)?month\s+of\s+)?(?:(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?)?{ISLAMIC_MONTH_RE}"
        rf"(?:,?\s+(?P<y>1[34]\d\d)(?:\s*(?:AH|A\.H\.|H|Hijri))?)?(?![\w-])", I)),
    ("islamic_year", 'islamicyear', re.compile(r"\b(?:the\s+(?:Islamic|Hijri)\s+year\s+)?(?P<y>1[34]\d\d)\s*(?:AH|A\.H\.|Hijri)(?!\w)")),
    ("islamic_holiday", 'islamicholiday', re.compile(rf"\b(?P<name>{ISLAMIC_HOLIDAY_RE})(?:\s+(?P<y>1[34]\d\d)(?:\s*(?:AH|A\.H\.))?)?\b", I)),
    ("holiday", 'holiday', re.compile(rf"\b(?P<name>{HOLIDAY_RE})(?:\s+(?P<y>{YEAR_RE}))?\b")),
    # -- anniversaries (valued from the date they are of, in a second pass) ---------------------
    ("anniversary", 'anniversary', re.compile(rf"\b(?:the\s+)?(?P<ord>{ORDINAL_RE})\s+anniversary(?=\s+of\b)", I)),
    ("anniversary", 'anniversary', re.compile(rf"\b(?:the\s+)?(?P<num>{NUMBER_RE})[- ](?P<unit>year|month)[- ]anniversary(?=\s+of\b)", I)),
]


# Where each family of patterns can match. One pass over the words of the text
# finds the trigger words; a pattern then runs only in windows around its
# trigger's hits (or over the whole text when it has none), so an article pays
# for one word scan and short regex runs instead of fifty full scans.
TRIGGER_WINDOW = (80, 60)  # characters before and after a hit that a match may span
TRIGGER_WINDOWS = {"unit": (50, 36), "weekday": (40, 30), "deictic": (40, 30)}

_WORD_SETS = {
    # month names count only capitalised (the patterns are case-sensitive)
    "month": "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
             "oct october nov november dec december",
    "decadeword": "twenties thirties forties fifties sixties seventies eighties nineties",
    "century": "century centuries",
    "quarter": "quarter quarters half",
    "quarterabbr": "q1 q2 q3 q4 h1 h2",
    "season": "spring summer autumn fall winter",
    "fiscal": "fiscal financial fy",
    "weekday": "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays "
               "fridays saturdays sundays",
    "deictic": "yesterday tomorrow today tonight night now currently nowadays presently present days moment "
               "recently lately past formerly future morning afternoon evening",
    "unit": "second seconds minute minutes hour hours day days night nights week weeks weekend weekends fortnight "
            "fortnights month months quarter quarters year years decade decades century centuries millennium millennia",
    "yearend": "year",
    "ago": "ago",
    "setadverb": "daily weekly monthly annual annually yearly quarterly hourly nightly biweekly biannual semiannual",
    "clockword": "noon midnight midday",
    "islamic": "muharram moharram muharrem safar saffar rabi jumada jumado jumad rajab shaban sha ramadan ramadhan "
               "ramazan ramzan shawwal shawal dhu dhul zul",
    "islamicholiday": "ashura arbaeen arbaein arbain mawlid eid laylat arafah arafa islamic",
    "holiday": "christmas easter thanksgiving nowruz norouz nowrooz halloween valentine boxing year day",
    "anniversary": "anniversary",
    "offsetdir": "later earlier before after previously prior hence from into",
    "every": "every each per",
    "freq": "once twice thrice times",
}
WORD_TRIGGERS: dict[str, tuple[str, ...]] = {}
for _name, _words in _WORD_SETS.items():
    for _w in _words.split():
        WORD_TRIGGERS[_w] = WORD_TRIGGERS.get(_w, ()) + (_name,)
# Triggers that are not whole words.
REGEX_TRIGGERS: dict[str, re.Pattern] = {
    "digitsep": re.compile(r"\d[-/.]\d"),
    "decade": re.compile(r"0['’]?s\b"),
    "clockap": re.compile(r"\d\s?[apAP]\.?\s?[mM]\b"),
    "clock24": re.compile(r"GMT|UTC|local time|hrs|hours|[A-Z]T\b"),
    "islamicyear": re.compile(r"AH\b|A\.H\.|Hijri"),
}

# Modifiers written before an expression, and the TIMEX3 mod they give.
POINT_MODIFIER = re.compile(
    r"(?:\b(?P<mod>early|earlier|late|later|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|"
    r"the\s+start\s+of|the\s+turn\s+of|the\s+dawn\s+of|the\s+close\s+of)(?:\s+in)?(?:\s+|-))$",
    I,
)
POINT_MODS = {
    "early": "START", "the beginning of": "START", "the start of": "START", "the dawn of": "START",
    "late": "END", "the end of": "END", "the close of": "END", "the turn of": "END",
    "mid": "MID", "the middle of": "MID", "earlier": None, "later": None,
}
QUANTITY_MODS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
    "close to": "APPROX", "almost": "LESS_THAN", "nearly": "LESS_THAN", "barely": "LESS_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "exactly": "EQUAL", "precisely": "EQUAL", "only": None,
}
# Words before an expression that make it one end of a range.
RANGE_CUE = re.compile(
    r"(?:\b(?P<cue>since|from|until|till|through|throughout|by|before|after|starting(?:\s+in|\s+on|\s+from)?|"
    r"beginning(?:\s+in|\s+on)?|as\s+of|between|prior\s+to|up\s+to|ever\s+since)\s+(?:at\s+least\s+|about\s+)?)$",
    I,
)
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|until|till|through)\s*$", I)
