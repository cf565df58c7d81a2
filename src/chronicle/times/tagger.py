"""Find temporal expressions in an article and normalise them as TIMEX3 records.

    text ─► every pattern (patterns.py) ─► longest non-overlapping matches
         ─► normaliser of each kind, in text order (normalise.py), with the
            clause's tense from the spaCy parse and the last day named
         ─► modifiers ("early", "mid-", "the end of"), anniversaries,
            offsets from a dated event, and ranges ("since", "from ... to")

The tagger is built once per process; `tag` does a fixed number of regex scans
and one dictionary look-up per match, so its cost grows linearly with the text.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from chronicle.record import Time
from chronicle.times import calendar as cal
from chronicle.times.lexicon import parse_number, parse_ordinal, unit_of
from chronicle.times.norm import FUTURE, PAST, UNKNOWN, Context, Norm
from chronicle.times.normalise import NORMALISERS
from chronicle.times.patterns import (
    PATTERNS, POINT_MODIFIER, POINT_MODS, RANGE_CUE, RANGE_JOIN, REGEX_TRIGGERS, TRIGGER_WINDOW,
    TRIGGER_WINDOWS, WORD_TRIGGERS,
)
from chronicle.times.values import GRANULARITY, value_range, write

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}
_FUTURE_HEADS = {"expect", "plan", "schedule", "set", "due", "go", "intend", "aim", "prepare", "hope", "want", "seek", "vow", "promise", "threaten", "propose"}
_REPORTING = {"say", "tell", "report", "announce", "add", "note", "claim", "state", "write", "show", "reveal", "be", "have"}
_SCHEDULED = {"due", "set", "scheduled", "slated", "poised", "expected", "likely", "planned", "ready"}
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+[A-Z\"“]|\n")
_OFFSET_LINK = re.compile(r"\s+(?P<dir>after|before|following|prior\s+to|ahead\s+of)\s+", re.I)
_TEXTUAL_FUTURE = re.compile(r"\b(?:will|would|shall|'ll|is\s+to|are\s+to|to\s+be\s+held|scheduled|expected\s+to|plans?\s+to)\b", re.I)
_TEXTUAL_PAST = re.compile(r"\b(?:was|were|had|did|said|\w{3,}ed)\b", re.I)
# Kinds whose day value becomes the anchor of later "the next day", "two days later".
_NOT_ANCHORS = {"clock"}


class TimeTagger:
    """Temporal expressions of a text, normalised against its publication date."""

    def tag(self, text: str, published: str | date | None = None, doc: Any = None) -> list[Time]:
        ref = published if isinstance(published, date) else cal.parse_iso(published)
        ctx = Context(ref, _direction_finder(text, doc), text, _count_finder(doc))
        matches = _select(text)
        times: list[Time] = []
        anniversaries: list[re.Match] = []
        for kind, m in matches:
            if kind == "anniversary":
                anniversaries.append(m)
                continue
            try:
                norm = NORMALISERS[kind](m, ctx)
            except (ValueError, OverflowError):
                norm = None  # a day beyond the calendar ("March 10" read near 31 December 9999): no value
            if norm is None:
                continue
            start = m.start()
            start, mod = _point_modifier(text, start, norm)
            time = Time(text=text[start: m.end()], start=start, end=m.end(), type=norm.type, value=norm.value,
                        mod=norm.mod or mod, range_start=norm.range_start, range_end=norm.range_end, anchor=norm.anchor)
            times.append(time)
            if time.type == "DATE" and kind not in _NOT_ANCHORS and re.fullmatch(r"\d{4}-\d{2}-\d{2}", time.value):
                ctx.anchor_day = date.fromisoformat(time.value)
        _clock_days(text, times)
        times.extend(_anniversaries(text, anniversaries, times))
        times.extend(_anchored_offsets(text, times))
        times.sort(key=lambda t: (t.start, -t.end))
        _ranges(text, times, ref)
        return times


# -- selection -------------------------------------------------------------------------

def _select(text: str) -> list[tuple[str, re.Match]]:
    """The longest matches that do not overlap, in text order (ties: the earlier pattern)."""
    found = []
    windows = _windows(text)
    seen: set[tuple[int, int, int]] = set()
    for order, (kind, trigger, rx) in enumerate(PATTERNS):
        for lo, hi in windows.get(trigger, ()):
            for m in rx.finditer(text, lo, hi):
                key = (order, m.start(), m.end())
                if m.end() > m.start() and key not in seen:
                    seen.add(key)
                    found.append((m.end() - m.start(), order, m.start(), kind, m))
    found.sort(key=lambda x: (-x[0], x[1], x[2]))
    taken = bytearray(len(text))
    chosen = []
    for length, _, start, kind, m in found:
        if any(taken[start: start + length]):
            continue
        taken[start: start + length] = b"\x01" * length
        chosen.append((start, kind, m))
    chosen.sort(key=lambda x: x[0])
    return [(kind, m) for _, kind, m in chosen]


_WORD = re.compile(r"[A-Za-z0-9]+")


def _windows(text: str) -> dict[str | None, list[tuple[int, int]]]:
    """Per trigger, the merged stretches of text around its hits where its patterns may match."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD.finditer(text):
        word = m.group()
        names = WORD_TRIGGERS.get(word.lower())
        if names:
            for name in names:
                if name == "month" and not word[0].isupper():
                    continue
                hits.setdefault(name, []).append((m.start(), m.end()))
    for name, rx in REGEX_TRIGGERS.items():
        found = [(m.start(), m.end()) for m in rx.finditer(text)]
        if found:
            hits[name] = found
    n = len(text)
    windows: dict[str | None, list[tuple[int, int]]] = {None: [(0, n)]}
    for name, spans in hits.items():
        back, ahead = TRIGGER_WINDOWS.get(name, TRIGGER_WINDOW)
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            lo, hi = max(0, start - back), min(n, end + ahead)
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
            else:
                merged.append((lo, hi))
        windows[name] = merged
    return windows


def _point_modifier(text: str, start: int, norm: Norm) -> tuple[int, str | None]:
    """Widen a date over the modifier before it ("early June", "mid-2019", "the end of last year")."""
    if norm.type != "DATE" or norm.value.endswith("_REF"):
        return start, None
    m = POINT_MODIFIER.search(text, max(0, start - 24), start)
    if not m:
        return start, None
    return m.start(), POINT_MODS.get(" ".join(m.group("mod").lower().split()))


# -- the parse: tense and counts --------------------------------------------------------------

def _direction_finder(text: str, doc: Any):
    """(start, end) -> PAST | UNKNOWN | FUTURE, from the tense of the verb the expression hangs on."""
    if doc is None:
        def textual(start: int, end: int) -> int:
            window = text[max(0, start - 60): end + 30]
            if _TEXTUAL_FUTURE.search(window):
                return FUTURE
            if _TEXTUAL_PAST.search(window):
                return PAST
            return UNKNOWN
        return textual

    def parsed(start: int, end: int) -> int:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return UNKNOWN
        return clause_direction(span.root)
    return parsed


def clause_direction(token) -> int:
    """The direction in time (PAST, FUTURE, UNKNOWN) of the clause a token belongs to."""
    tok = token
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return _verb_direction(tok)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return UNKNOWN


def _verb_direction(v) -> int:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX or v.lower_ in _FUTURE_AUX:
        return FUTURE
    if "going" in lowers:
        return FUTURE
    if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if v.tag_ == "VBN" and (lowers & {"has", "have", "'ve", "'s"} or not auxes):
        return PAST
    if v.tag_ == "VB" and "to" in lowers:
        head = v.head
        if head.i != v.i and head.pos_ in ("VERB", "AUX", "ADJ"):
            if head.tag_ in ("VBD",):
                # "agreed to hold elections on April 9", "went to meet him on Monday": an aim set in
                # the past may lie after the telling, so neither direction (the nearest day)
                return UNKNOWN
            if head.lemma_ in _FUTURE_HEADS or head.tag_ in ("VBZ", "VBP", "JJ", "VBN"):
                return FUTURE
        return UNKNOWN
    if v.tag_ == "VBG" and lowers & {"is", "are", "am", "'re", "'s"}:
        return FUTURE
    if v.tag_ in ("VBZ", "VBP") or (v.tag_ == "VBN" and lowers & {"is", "are", "am", "'re", "'s"}):
        # "is due on Friday", "is scheduled for Monday", "the law takes effect on Monday":
        # the present of news looks ahead, except in reporting ("says", "tells")
        if v.lemma_ == "be" and any(c.lemma_ in _SCHEDULED for c in v.children if c.dep_ in ("acomp", "attr", "xcomp")):
            return FUTURE
        if v.lemma_ in _REPORTING or any(c.lemma_ in _REPORTING for c in v.children if c.dep_ == "ccomp"):
            return UNKNOWN
        return FUTURE
    if v.tag_ == "VBG" and lowers & {"was", "were"}:
        return PAST
    return UNKNOWN


def _count_finder(doc: Any):
    """(start, end) -> whether a year-like number counts things ("2000 protesters")."""
    if doc is None:
        return lambda start, end: False

    def is_count(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        tok = span[0]
        if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS"):
            return True
        nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
        return nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in ("elections", "protests", "talks")
    return is_count


# -- expressions valued from another one --------------------------------------------------------

def _same_sentence(text: str, a: int, b: int) -> bool:
    return not _SENTENCE_END.search(text, a, b)


def _dated(time: Time) -> tuple[date, date, str] | None:
    if time.type != "DATE":
        return None
    return value_range(time.value)


_CLOCK_GAP = re.compile(r"\s*(?:,|at|on|of)?\s*")


def _clock_days(text: str, times: list[Time]) -> None:
    """'10 a.m. Tuesday', 'on March 3 at noon': a clock time takes the day named beside it."""
    for i, t in enumerate(times):
        if t.type != "TIME" or not re.match(r"\d{4}-\d{2}-\d{2}T\d", t.value):
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(times):
                continue
            u = times[j]
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", u.value):
                continue
            gap = text[u.end: t.start] if j < i else text[t.end: u.start]
            if _CLOCK_GAP.fullmatch(gap):
                t.value = u.value + t.value[10:]
                break


def _anniversaries(text: str, matches: list[re.Match], times: list[Time]) -> list[Time]:
    """'the seventh anniversary of the September 1, 2013 massacre' -> 2020-09-01."""
    out = []
    for m in matches:
        g = m.groupdict()
        if g.get("ord"):
            n, unit = parse_ordinal(g["ord"]), "year"
        else:
            n, unit = parse_number(g["num"]), g["unit"].lower()
        if not n or n < 1 or n != int(n):
            continue
        inner = next((t for t in times if m.end() < t.start <= m.end() + 80 and _dated(t)
                      and _same_sentence(text, m.end(), t.start)), None)
        if inner is None:
            continue
        first, _, precision = _dated(inner)
        when = cal.shift(first, unit, int(n))
        value = write(when, {"day": "day", "month": "month", "year": "year"}[precision])
        out.append(Time(text=text[m.start(): m.end()], start=m.start(), end=m.end(), type="DATE", value=value,
                        anchor=inner.value))
    return out


def _anchored_offsets(text: str, times: list[Time]) -> list[Time]:
    """'three days after the March 3 vote' -> the day it names, beside the duration itself."""
    out = []
    for i, t in enumerate(times):
        if t.type != "DURATION" or t.value.startswith("PT") or "X" in t.value:
            continue
        link = _OFFSET_LINK.match(text, t.end)
        if not link:
            continue
        inner = next((u for u in times[i + 1:] if link.end() <= u.start <= link.end() + 40 and _dated(u)
                      and _same_sentence(text, link.end(), u.start)), None)
        if inner is None:
            continue
        m = re.fullmatch(r"P(\d+)(D|W|M|Y|DE|CE)", t.value)
        if not m:
            continue
        n = int(m.group(1))
        unit = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century"}[m.group(2)]
        sign = -1 if link.group("dir").lower().startswith(("before", "prior", "ahead")) else 1
        first, _, precision = _dated(inner)
        when = cal.shift(first, unit, sign * n)
        gran = GRANULARITY[unit]
        if precision != "day" and gran in ("day", "week"):
            gran = precision
        out.append(Time(text=text[t.start: inner.end], start=t.start, end=inner.end, type="DATE",
                        value=write(when, gran), anchor=inner.value))
    return out


def _ranges(text: str, times: list[Time], ref: date | None) -> None:
    """'since October 2019' -> range_start; 'from 2010 to 2012', 'between May and July' -> both ends."""
    for i, t in enumerate(times):
        vr = _dated(t)
        if vr is None:
            continue
        cue_m = RANGE_CUE.search(text, max(0, t.start - 30), t.start)
        cue = " ".join(cue_m.group("cue").lower().split()) if cue_m else ""
        if cue in ("since", "ever since", "as of", "starting", "starting in", "starting on", "starting from",
                   "beginning", "beginning in", "beginning on"):
            t.range_start = t.range_start or vr[0].isoformat()
            if ref and ref >= vr[0] and cue in ("since", "ever since"):
                t.range_end = ref.isoformat()
        elif cue in ("until", "till", "through", "up to", "by"):
            t.range_end = vr[1].isoformat()
        elif cue in ("before", "prior to"):
            t.mod = t.mod or "BEFORE"
        elif cue == "after":
            t.mod = t.mod or "AFTER"
        if cue in ("from", "between") and i + 1 < len(times):
            nxt = times[i + 1]
            nvr = _dated(nxt)
            if nvr and RANGE_JOIN.match(text[t.end: nxt.start]):
                t.range_start = nxt.range_start = vr[0].isoformat()
                t.range_end = nxt.range_end = nvr[1].isoformat()
