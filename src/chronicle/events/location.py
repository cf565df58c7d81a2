"""Where an event happened: the most specific place linked to its trigger.

    locate_event(ann, sent, trigger) -> (index into ann.places | None, precision)

Searched in widening circles, never past the event's own sentence except for
the article's focus country:

1. "clause": a place inside the trigger's own phrase ("protests held in
   Iraq's southern provinces") or its clause ("... were killed in Camp
   Ashraf, Iraq"), not inside a clause of its own further down;
2. "sentence": any place of the trigger's sentence;
3. "article-focus": a mention of the article's focus country
   (ann.notes["focus_country"]), the coarse fallback.

Within a circle the most specific place wins (a town before its province,
a province before its country); among equals, the nearest to the trigger.
Place names that only qualify an organisation ("the U.S. Army") never locate
an event.
"""

from __future__ import annotations

from chronicle.record import Place
from chronicle.stage import Annotations, StartIndex, trigger_window

# How specific each kind of place is: larger is more specific.
SPECIFICITY = {"site": 6, "city": 5, "admin2": 4, "region": 3.5, "admin1": 3, "country": 2, "continent": 1}
# Dependency labels that start a clause of their own.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "xcomp", "parataxis", "acl", "csubj", "conj"})
VERB_POS = frozenset({"VERB", "AUX"})


def _char_range(token) -> tuple[int, int]:
    right = token.right_edge
    return token.left_edge.idx, right.idx + len(right.text)


def _clause_head(token):
    """The verb heading the clause the token sits in (the token itself if it is one)."""
    current = token
    while True:
        if current.pos_ in VERB_POS and current.dep_ in CLAUSE_DEPS:
            return current
        if current.head.i == current.i:  # spaCy makes a new Token per access: compare positions, not identity
            return current
        current = current.head


def _own_clause_ranges(head, trigger) -> list[tuple[int, int]]:
    """Character ranges of the clause under head, minus every clause nested in
    it that does not hold the trigger ("the minister, who visited Mosul, said")."""
    start, end = _char_range(head)
    holes = []
    for t in head.subtree:
        if t.i == head.i or t.dep_ not in CLAUSE_DEPS or not (t.pos_ in VERB_POS or t.dep_ in {"relcl", "acl"}):
            continue
        t0, t1 = _char_range(t)
        if not (t0 <= trigger.idx < t1):
            holes.append((t0, t1))
    ranges = []
    cursor = start
    for h0, h1 in sorted(holes):
        if h0 > cursor:
            ranges.append((cursor, h0))
        cursor = max(cursor, h1)
    if cursor < end:
        ranges.append((cursor, end))
    return ranges


def _inside(place: Place, ranges: list[tuple[int, int]]) -> bool:
    return any(r0 <= place.start and place.end <= r1 for r0, r1 in ranges)


def _best(candidates: list[tuple[int, Place]], trigger) -> int | None:
    if not candidates:
        return None
    anchor = trigger.idx
    return max(candidates, key=lambda ip: (SPECIFICITY.get(ip[1].feature or "", 0), -abs(ip[1].start - anchor)))[0]


def _mappable(ann: Annotations) -> tuple[StartIndex, int | None]:
    """The places that can locate an event, indexed by where they start, and the
    first mention of the focus country; built once per article."""

    def build() -> tuple[StartIndex, int | None]:
        places = [(i, p) for i, p in enumerate(ann.places) if not getattr(p, "associative", False) and p.lat is not None]
        focus = ann.notes.get("focus_country")
        focus_mentions = [i for i, p in places if focus and p.country_code == focus and p.feature == "country"]
        return StartIndex((p.start, (i, p)) for i, p in places), min(focus_mentions, default=None)

    return ann.derived("_event_places", ann.places, build)


def locate_event(ann: Annotations, sent, trigger) -> tuple[int | None, str | None]:
    places, focus_mention = _mappable(ann)
    lo, hi = trigger_window(sent, trigger)
    in_sentence = [(i, p) for i, p in places.starting_in(lo, hi) if p.end <= hi]
    if in_sentence:
        if trigger.pos_ not in VERB_POS:
            # a noun trigger's own phrase: "protests held in Basra", "the massacre in Ashraf"
            phrase = [_char_range(trigger)]
            chosen = _best([(i, p) for i, p in in_sentence if _inside(p, phrase)], trigger)
            if chosen is not None:
                return chosen, "clause"
        clause = _own_clause_ranges(_clause_head(trigger), trigger)
        chosen = _best([(i, p) for i, p in in_sentence if _inside(p, clause)], trigger)
        if chosen is not None:
            return chosen, "clause"
        chosen = _best(in_sentence, trigger)
        if chosen is not None:
            return chosen, "sentence"
    if focus_mention is not None:
        return focus_mention, "article-focus"
    # a town of the focus country would claim more than the text says: no place
    return None, None
