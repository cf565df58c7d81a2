"""An event's own date, from the words of its own clause.

`date_event(ann, sent, trigger)` picks the temporal expression that governs the
trigger's clause: of the DATE/TIME expressions in the sentence, the one whose
dependency path meets the trigger's path lowest (closest to the trigger), not
crossing into another finite clause on the way ("protesters, who were arrested
on Monday, marched on Friday": Friday dates the march). With none, the event
takes the publication date only when the text reports it as current (not past
perfect, not future, not framed as the past).

`future` marks an event its own words date after publication (a plan, not a
happening yet; the events stage flags it hypothetical). `historical` marks background: a date well before publication (more than
HISTORICAL_DAYS), the past perfect, a PAST_REF ("in the past", "years ago"),
or a sentence framed as the past ("previously", "at the time"), and an undated act the text
places after a past it has already told before the story ("After the election, the mayor
refused ...", a main clause going on from a sentence dated years before), or a happening it
names as known ("discuss the court's indictment of X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from chronicle.events.background import (BEFORE_MAIN, backshifted, clause_verb, described_happening, framing_time,
                                         measured_gap, presupposed_happening, recounted_past, sequence_clause,
                                         sequence_phrase, simple_past, stated_stretch, told_over_years)
from chronicle.stage import StartIndex, trigger_window
from chronicle.times.calendar import parse_iso
from chronicle.times.publication import dateline_span
from chronicle.times.values import value_range

# An event dated this many days or more before publication is background, not news.
HISTORICAL_DAYS = 30

_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_PAST_FRAMING = re.compile(r"\b(?:previously|formerly|at the time|in the past|once again had|back then|had long)\b", re.I)
_RECENT = re.compile(r"\b(?:recent|recently|lately)\b", re.I)
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_MAX_UP = 12
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "agent"}
# "as of Saturday", "by Monday evening": the time from which a perfect is told, not its event's time
_REFERENCE_TIME = re.compile(r"\b(?:as of|by)\s+$", re.I)
# "earlier this month", "earlier this year": the article's own frame for what came before its news
_EARLIER_IN = re.compile(r"earlier\s+(?:this|in the)\s+(?:week|month|year)\b", re.I)
_EXACT_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:$|T)")  # dependency steps looked at; parses are shallow in news sentences


@dataclass
class EventDating:
    date: str | None = None
    date_precision: str | None = None  # "day" | "month" | "year"
    date_end: str | None = None
    time_index: int | None = None  # index into ann.times; None when the date is the publication date
    historical: bool = False
    future: bool = False  # dated after publication: a plan or an announcement, not a happening yet


def date_event(ann: Any, sent: Any, trigger: Any) -> EventDating:
    """The date of the event whose trigger token is `trigger` in sentence `sent`."""
    published = parse_iso(ann.published)
    index, opener = _governing(ann, sent, trigger)
    if index is not None and _misread_later(ann.times[index], published, trigger):
        index, opener = None, None
    if index is None:
        index = framing_time(ann, trigger)
    if index is not None:
        dating = _from_time(ann, ann.times[index], index, published, trigger)
        if opener is None or (opener.tag_ == "VBG" and not stated_stretch(opener)):
            return dating  # "joined the convoy on Monday after ignoring a house arrest order": one story
        return _before(dating, measured_gap(opener))
    happening = described_happening(trigger)
    if happening is not None:
        return date_event(ann, sent, happening)  # "the protests, which were smashed by police": theirs
    response = presupposed_happening(trigger)
    if response is not None:
        # what a response or an outcome names came before it: background, no finer than its month
        return _before(date_event(ann, sent, response), False)
    if recounted_past(trigger):
        return EventDating(historical=True)
    told_past = _after_a_told_past(ann, sent, trigger, published)
    if told_past is not None:
        return told_past
    if told_over_years(ann, trigger):
        return EventDating(historical=True)  # "over the past decade, militias attacked ...": no one day
    return _from_publication(ann, published, sent, trigger, _past_framed(ann, sent))


def _misread_later(t: Any, published: date | None, trigger: Any) -> bool:
    """A day after publication cannot date an act told as done (the simple past, the perfect):
    the parse has hung another clause's date on it ("whose film opens on Wednesday - has
    criticized")."""
    placed = value_range(t.value) if t.type == "DATE" else None
    if published is None or placed is None or placed[0] <= published:
        return False
    # only a verb's own tense says "done": a noun in a past clause may name a plan ("arrested
    # members ahead of rallies next month")
    return trigger.pos_ in ("VERB", "AUX") and (simple_past(trigger) or _perfect(trigger))


def _perfect(verb: Any) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _before(dating: EventDating, long_before: bool) -> EventDating:
    """What came before an event dated by a day ("resigned Saturday after a week of criticism"):
    background, dated no finer than that day's month (how long before is not said); not dated
    at all when a stretch of weeks or more lies between ("two years after the army took the town")."""
    dating.historical = True
    if long_before:
        dating.date = dating.date_precision = dating.date_end = dating.time_index = None
    elif dating.date and dating.date_precision == "day":
        dating.date, dating.date_precision, dating.date_end = dating.date[:7], "month", None
    return dating


def governing_time(ann: Any, sent: Any, trigger: Any) -> int | None:
    """Index in ann.times of the expression governing the trigger's clause, or None."""
    return _governing(ann, sent, trigger)[0]


def _governing(ann: Any, sent: Any, trigger: Any) -> tuple[int | None, Any]:
    """(index of the governing expression or None, and when it dates the main event that the
    trigger's clause of sequence came before, "resigned Saturday after facing criticism", the
    token that opens that clause or phrase; else None)."""
    doc = trigger.doc
    up: dict[int, int] = {}  # token index -> steps up from the trigger
    tok, steps = trigger, 0
    left_relative_clause = False
    sequence_at: int | None = None  # steps up to the head of an after/since clause or phrase
    opener = None
    while steps < _MAX_UP:
        # Out of a relative clause the path reaches the noun it describes ("the 2013
        # massacre ... where 52 were killed") but not the verb above that noun.
        if left_relative_clause and tok.pos_ in ("VERB", "AUX"):
            break
        up[tok.i] = steps
        if tok.head.i == tok.i:
            break
        if tok.dep_ == "relcl":
            left_relative_clause = True
        if sequence_at is None and _opens_a_sequence(tok):
            sequence_at = steps + 1  # the subordinator ("after") or the verb the clause hangs on
            opener = tok
        tok, steps = tok.head, steps + 1
    past_verb = simple_past(clause_verb(trigger))
    best: tuple[int, int, int] | None = None  # (steps from the trigger, steps from the date, index)
    lo, hi = trigger_window(sent, trigger)
    for index, t, span in _candidate_times(ann, doc, lo, hi):
        if t.start <= trigger.idx < t.end:  # "the March 3 vote" as a whole names the vote's own date
            continue
        if past_verb and t.value == "PRESENT_REF":
            continue  # "are currently stationed ..., though the militias objected": "now" dates no past act
        path = _path_to_trigger(span.root, up, span)
        if path is None:
            continue
        key = (path[0], path[1], index)
        if best is None or key < best:
            best = key
    if best is None:
        return None, None
    meeting = best[0]
    before_it = sequence_at is not None and (meeting > sequence_at or (
        meeting == sequence_at and doc[_token_at(up, meeting)].lower_ not in BEFORE_MAIN))
    return best[2], (opener if before_it else None)


def _token_at(up: dict[int, int], steps: int) -> int:
    return next(i for i, s in up.items() if s == steps)


def _opens_a_sequence(tok: Any) -> bool:
    """Does the path leave an after/since clause or phrase here (a verb heading one, or an event
    noun that is the object of "after"/"following")? Dates above it date the later event."""
    return sequence_clause(tok) if tok.pos_ in ("VERB", "AUX") else sequence_phrase(tok)



def _candidate_times(ann: Any, doc: Any, lo: int, hi: int):
    """(index, time, token span) of the usable DATE/TIME expressions starting in
    [lo, hi). The index and the spans are built once per article, not per trigger."""

    def build() -> StartIndex:
        usable = []
        dateline = dateline_span(ann.article.text)
        for index, t in enumerate(ann.times):
            if t.type not in ("DATE", "TIME") or not _usable(t):
                continue
            if dateline and dateline[0] <= t.start < dateline[1]:
                continue  # "SANAA, Jan 18 — An air strike hit ... on Monday": Jan 18 is the day of writing
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and len(span) > 0:
                usable.append((t.start, (index, t, span)))
        return StartIndex(usable)

    return ann.derived("_dating_times", ann.times, build).starting_in(lo, hi)


def _past_framed(ann: Any, sent: Any) -> bool:
    """Whether the sentence is framed as the past; searched once per sentence."""
    framed = ann.notes.setdefault("_dating_past_framed", {})
    key = (sent.start, sent.end)
    if key not in framed:
        framed[key] = _PAST_FRAMING.search(sent.text) is not None
    return framed[key]


def _usable(t) -> bool:
    return t.value in ("PAST_REF", "PRESENT_REF", "FUTURE_REF") or value_range(t.value) is not None


def _path_to_trigger(root, up: dict[int, int], span) -> tuple[int, int] | None:
    """(steps from the trigger to the meeting point, steps from the expression to it),
    or None when the expression belongs to something else: another finite clause, or a
    noun off the trigger's path ("relatives of victims of the 2013 massacre protested":
    2013 dates the massacre, not the protest). A date on a direct argument of the
    trigger's verb still counts ("Friday's attack killed 20")."""
    tok, length = root, 0
    seen_noun = False
    for _ in range(_MAX_UP):
        if tok.i in up:
            return up[tok.i], length
        if length > 0:
            # a verb coordinated with the trigger's own shares its clause's time
            # ("who fought ... and was killed almost 14 centuries ago")
            if _finite_clause_head(tok) and not (tok.dep_ == "conj" and tok.head.i in up):
                return None
            if tok.pos_ in ("NOUN", "PROPN", "PRON"):
                if seen_noun or tok.dep_ not in _ARGUMENT_DEPS or tok.head.i not in up:
                    return None
                seen_noun = True
        if tok.head.i == tok.i:
            return None
        tok, length = tok.head, length + 1
    return None


def _finite_clause_head(tok) -> bool:
    """A verb heading its own clause (a tensed verb or one with its own subject)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.tag_ in _FINITE_TAGS:
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def _past_perfect(trigger) -> bool:
    tok = trigger
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            if tok.tag_ == "VBN" and _has_had(tok):
                return True
            # "had accused him ... and threatened to ...": a conjunct with no subject or auxiliary of its
            # own shares its first verb's "had" (the parser often tags such a participle VBD)
            return (tok.dep_ == "conj" and tok.tag_ in ("VBN", "VBD") and tok.head.tag_ == "VBN"
                    and _has_had(tok.head)
                    and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children))
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _has_had(verb) -> bool:
    return any(c.lower_ in ("had", "'d") and c.dep_ == "aux" for c in verb.children)


def _scheduled(trigger) -> bool:
    """"Is to be sworn in", "are to meet": set down for later, not done yet."""
    verb = clause_verb(trigger)
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP")


def _future_clause(trigger) -> bool:
    """'will meet', 'is going to vote': not happened yet, so not dated by publication."""
    tok = trigger
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            lowers = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
            return bool(lowers & _FUTURE_AUX) or "going" in lowers
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _from_time(ann: Any, t, index: int, published: date | None, trigger) -> EventDating:
    if t.value == "PAST_REF":
        # "recently" is news; "in the past", "years ago" are background
        return EventDating(time_index=index, historical=not _RECENT.search(t.text))
    if t.value == "FUTURE_REF":
        return EventDating(time_index=index)
    if t.value == "PRESENT_REF":
        if published is None:
            return EventDating(time_index=index)
        return EventDating(date=published.isoformat(), date_precision="day", time_index=index)
    placed = value_range(t.value)
    if placed is None:
        # a time that names no stretch of the calendar (a duration such as "a third day"):
        # it frames the event but dates nothing, and the publication date would be a guess
        return EventDating(time_index=index)
    first, last, precision = placed
    date_value = t.value[:10] if _EXACT_VALUE.match(t.value) else None
    date_end = None
    range_start, range_end = parse_iso(t.range_start), parse_iso(t.range_end)
    month_slack = timedelta(days=31)
    own_range = (range_start is not None and range_end is not None
                 and range_start >= first - month_slack and range_end <= last + month_slack)
    if own_range:
        # the expression's exact extent (an Islamic month in Gregorian days)
        date_value, date_end, precision = t.range_start, t.range_end, "day"
        first, last = range_start, range_end
    else:
        if date_value is None:
            date_value = _write(first, precision)
            if last != first and _write(last, precision) != date_value:
                date_end = _write(last, precision)
        elif first != last and precision == "day":
            date_end = last.isoformat()  # a week
        if range_end is not None and range_end > last:
            # "since October 2019" (to publication), "from 2010 to 2012": the range's end
            last = range_end
            date_end = _write(range_end, precision)
    # the past perfect tells an older past, except where the date is the time it is told from
    # ("as of Saturday, police had shut down eight events": the count at Saturday, news)
    historical = _past_perfect(trigger) and not _REFERENCE_TIME.search(ann.article.text[max(0, t.start - 8):t.start])
    if published is not None and last < published - timedelta(days=HISTORICAL_DAYS):
        historical = True
    if _EARLIER_IN.match(t.text):
        historical = True  # "earlier this month, ...": told as what came before the news
    # "rallies next month", "the vote on April 9": not happened when the article was written (a verb
    # in the past or the perfect with a later date is a misread date, not a plan; "is to be signed"
    # is a plan whatever the participle)
    future = published is not None and first > published and (
        trigger.tag_ not in ("VBD", "VBN") or _scheduled(trigger))
    return EventDating(date=date_value, date_precision=precision, date_end=date_end,
                       time_index=index, historical=historical, future=future)


def _write(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _from_publication(ann: Any, published: date | None, sent, trigger, past_framed: bool) -> EventDating:
    if (_past_perfect(trigger) and not backshifted(trigger)) or past_framed:
        return EventDating(historical=True)
    if _future_clause(trigger) or _scheduled(trigger):
        return EventDating()
    if published is None:
        return EventDating()
    if simple_past(clause_verb(trigger)) or _headline_present(sent, trigger):
        day = narrative_day(ann, sent, published)
        if day is not None:
            return EventDating(date=day, date_precision="day")
    return EventDating(date=published.isoformat(), date_precision="day")


def _headline_present(sent: Any, trigger: Any) -> bool:
    """The present of a headline ("Residents march against the amendment", "Governor resigns") tells
    the story's news, which happened on the story's day, as the past of its report does."""
    if sent.start != 0 or sent.end >= len(sent.doc):
        return False
    verb = clause_verb(trigger)
    return (verb.tag_ in ("VBZ", "VBP") and verb.pos_ == "VERB" and verb.dep_ in ("ROOT", "conj")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


# How many days before publication a day the text names may lie to be the day its story is told on
NARRATIVE_DAYS = 7


def narrative_day(ann: Any, sent: Any, published: date) -> str | None:
    """The day an undated act told in the simple past happened on: the story's day, the first day
    the article names for its main news ("Mourners came to the town yesterday. ... They faced the
    cameras and appealed for calm": yesterday), within NARRATIVE_DAYS before publication. Later
    days often belong to side stories ("On Thursday, another governor said ..."); a day named in a
    description or a clause of sequence ("the man, who was arrested on Monday"; "after clashes on
    Monday") is not the story's. None when the article names no such day."""
    days = ann.derived("_dating_story_days", ann.times, lambda: _story_days(ann, published))
    return days[0][1] if days else None


def _story_days(ann: Any, published: date) -> list[tuple[int, str]]:
    """(offset, ISO day) of each day the article names for a main clause's news, in text order."""
    doc, days = ann.doc, []
    dateline = dateline_span(ann.article.text)
    for t in ann.times:
        if t.type != "DATE" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value or ""):
            continue
        if dateline and dateline[0] <= t.start < dateline[1]:
            continue
        day = parse_iso(t.value)
        if day is None or not published - timedelta(days=NARRATIVE_DAYS) <= day <= published:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span) and _on_the_main_line(span.root):
            days.append((t.start, t.value))
    return days


def _on_the_main_line(tok: Any) -> bool:
    """Does a date hang on its sentence's main line of report, not on a description of a noun
    or on what came before ("who was arrested on Monday", "after Monday's clashes")?"""
    for _ in range(_MAX_UP):
        if tok.dep_ in ("relcl", "acl") or (tok.pos_ in ("VERB", "AUX") and sequence_clause(tok)):
            return False
        if tok.head.i == tok.i:
            return True
        tok = tok.head
    return True


# -- an undated act placed after a past the article has already told --------------------------

# How many days before the story's day a happening may lie and still be part of the story (a
# roundup of the last two or three days is news); before that, it is what led up to the story
STORY_GAP_DAYS = 3


def _after_a_told_past(ann: Any, sent: Any, trigger: Any, published: date | None) -> EventDating | None:
    """An act told in the simple past with no date of its own is the story's news unless its
    clause places it after a past the article has already told, before the story's day:
    "... was elected mayor in a runoff on March 15. After the election, the new mayor refused
    to join the party" (after a happening the text dated: background, in that happening's
    month), or "Musharraf fired Chaudhry in 2007 ... Musharraf's successor pledged to reinstate
    him" (a main clause that goes on from a sentence whose own main clause is dated before the
    story: the narrative has not come back to the news, so background no earlier than that
    sentence's latest date, no finer than its month). Statements (said, told) and reactions are the
    reporter's news, not the narrative's."""
    if published is None:
        return None
    main = _main_line_verb(trigger)
    if main is None or not simple_past(main) or main.lemma_.lower() in _REPORTING_LEMMAS:
        return None
    story_start = _story_start(ann, sent, published)
    anchor = _anchor_noun(main)
    if anchor is not None:
        told = _told_date(ann, anchor)
        if told is None or told[2] >= story_start:
            return None
        index, first, _, precision = told
        precision = "month" if precision == "day" else precision  # how long after is not said
        return EventDating(date=_write(first, precision), date_precision=precision, time_index=index,
                           historical=True)
    if main.dep_ != "ROOT" or _names_a_time(ann, sent):
        return None
    previous = _previous_sentence(sent)
    if previous is None or previous.start == 0:
        return None  # the headline's lead goes on with the news
    before = _dated_main_line(ann, previous, story_start)
    if before is None:
        return None
    latest, precision = before
    precision = "month" if precision == "day" else precision  # how long after is not said
    return EventDating(date=_write(latest, precision), date_precision=precision, historical=True)


_REPORTING_LEMMAS = {"say", "tell", "add", "report", "announce", "state", "confirm", "explain", "write", "note",
                     "claim", "insist", "warn", "ask", "quote",
                     # reactions: most often to the story's news, whatever the narrative before them
                     "blame", "accuse", "condemn", "denounce", "praise", "welcome", "criticize", "criticise",
                     "urge", "deny"}


def _main_line_verb(trigger: Any) -> Any:
    """The verb of the sentence's main line the trigger's clause belongs to: its own verb, up
    through coordination and the verbs a main verb takes ("pledged to reinstate ... but reneged");
    None when the clause hangs on something else (a relative or adverbial clause)."""
    verb = clause_verb(trigger)
    for _ in range(4):
        if verb.dep_ == "ROOT":
            return verb
        if verb.dep_ not in ("conj", "xcomp") or verb.pos_ not in ("VERB", "AUX"):
            return None
        verb = verb.head
    return None


def _anchor_noun(main: Any) -> Any:
    """The happening noun a main clause is placed after ("After the election, the mayor refused"),
    with no date of its own, or None."""
    first = main
    while first.dep_ == "conj":
        first = first.head
    for prep in (c for c in first.children if c.dep_ == "prep" and c.lower_ in ("after", "following")):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
            if any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in noun.children):
                return noun
    return None


def _told_date(ann: Any, anchor: Any) -> tuple[int, date, date, str] | None:
    """(time index, first day, last day, precision) of the nearest earlier passage that names the same
    happening ("a runoff election on March 15" for "the election") with a date of its own."""
    doc = anchor.doc
    for tok in reversed(doc[: anchor.sent.start]):
        if not _names_the_same(tok, anchor):
            continue
        index = _governing(ann, tok.sent, tok)[0]
        if index is None:
            return None  # the nearest telling is undated: nothing to place the act after
        placed = value_range(ann.times[index].value) if ann.times[index].type == "DATE" else None
        return (index, *placed) if placed else None
    return None


def _names_the_same(tok: Any, anchor: Any) -> bool:
    """The same happening word: the noun itself ("the election"), or the verb it is made from
    ("bombed a market" for "the bombing", "was elected" for "the election")."""
    lemma, noun = tok.lemma_.lower(), anchor.lemma_.lower()
    if tok.pos_ == "NOUN":
        return lemma == noun
    return tok.pos_ == "VERB" and len(lemma) >= 4 and noun.startswith(lemma[:-1] if lemma.endswith("e") else lemma)


def _story_start(ann: Any, sent: Any, published: date) -> date:
    """The first day of the story: STORY_GAP_DAYS before its day (the day its main news names)."""
    day = parse_iso(narrative_day(ann, sent, published)) or published
    return day - timedelta(days=STORY_GAP_DAYS)


def _names_a_time(ann: Any, sent: Any) -> bool:
    return any(t.type in ("DATE", "TIME") and sent.start_char <= t.start < sent.end_char for t in ann.times)


def _previous_sentence(sent: Any) -> Any:
    if sent.start == 0:
        return None
    return sent.doc[sent.start - 1].sent


def _dated_main_line(ann: Any, sent: Any, story_start: date) -> tuple[date, str] | None:
    """(last day, precision) of the latest date named in a sentence whose main verb, told in the past,
    is dated before the story ("Musharraf fired Chaudhry in 2007 ..., which helped force him from power
    in 2008"), or None."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.tag_ not in ("VBD", "VBN"):
        return None
    index = _governing(ann, sent, root)[0]
    if index is None or ann.times[index].type != "DATE":
        return None
    placed = value_range(ann.times[index].value)
    if placed is None or placed[1] >= story_start:
        return None
    latest = placed[1:]
    for t in ann.times:
        if t.type == "DATE" and sent.start_char <= t.start < sent.end_char:
            other = value_range(t.value)
            if other is not None and latest[0] < other[1] < story_start:
                latest = other[1:]
    return latest
