"""Where an event happened: the most specific place linked to its trigger.

    locate_event(ann, sent, trigger) -> (index into ann.places | None, precision)

Searched in widening circles, never past the event's own sentence except for
the article's focus country:

1. "clause": a place inside the trigger's own phrase ("protests held in
   Iraq's southern provinces") or its clause ("... were killed in Camp
   Ashraf, Iraq"), not inside a clause of its own further down;
2. "sentence": any place of the trigger's sentence;
3. "dateline": the place of the article's dateline ("CHARLESTON, S.C. \u2014"),
   when it lies in the article's focus country: a local story happens where
   it is filed from;
4. "article-focus": a mention of the article's focus country
   (ann.notes["focus_country"]), the coarse fallback: its name, else its most
   named division ("West Virginia").

A country or state that takes part in the event names a party, not a setting:
the doer of a verb ("Israel captured the Golan from Syria"), the other side
("a war with Russia", "protests against Israel", "a defeat by Russia"), the
leader of a coalition ("the U.S.-led invasion"), the owner of a body that
acts for it ("the U.S. military said") or the qualifier of such a party ("a
crackdown by the U.S. and Iraqi militaries"). It locates an event
only when nothing else does: after the dateline and the focus country. Within a circle the most specific place wins (a town before its province,
a province before its country); among equals, the nearest to the trigger.
Place names that only qualify an organisation ("the U.S. Army") or a person
("a tourist from Canada"), demonyms ("Russian diplomats") and capitals speaking
for their government are associative and never locate an event.
"""

from __future__ import annotations

from collections import Counter

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


def _mappable(ann: Annotations) -> tuple[StartIndex, int | None, int | None]:
    """The places that can locate an event, indexed by where they start, the
    first mention of the focus country and the dateline's place in that
    country; built once per article."""

    def build() -> tuple[StartIndex, int | None, int | None]:
        places = [(i, p) for i, p in enumerate(ann.places) if not getattr(p, "associative", False) and p.lat is not None]
        focus = ann.notes.get("focus_country")
        datelines = [i for i, p in places if (p.why or "").startswith("dateline") and (focus is None or p.country_code == focus)]
        return (StartIndex((p.start, (i, p)) for i, p in places), _focus_place(ann.places, focus),
                min(datelines, default=None))

    return ann.derived("_event_places", ann.places, build)


def _focus_place(all_places: list[Place], focus: str | None) -> int | None:
    """The article's own mention of its focus country, the coarse fallback: the
    country's name; else its most named division or region ("West Virginia" in a
    story that never writes "United States"); else the country said through a
    demonym or a capital speaking ("the Georgian police", "Tbilisi has denied")."""
    if not focus:
        return None
    free = [(i, p) for i, p in enumerate(all_places)
            if p.country_code == focus and p.lat is not None and not getattr(p, "associative", False)]
    named = [i for i, p in free if p.feature == "country"]
    if named:
        return named[0]
    parts = [(i, p) for i, p in free if p.feature in ("admin1", "region")]
    if parts:
        counts = Counter(p.name for _i, p in parts)
        return max(parts, key=lambda ip: (counts[ip[1].name], -ip[0]))[0]
    return None


# Prepositions whose object is the other side of an act, not where it happens:
# "a war with Russia", "protests against Israel", "talks between Iran and Iraq",
# "a defeat by Russia", "a greater threat than Russia".
PARTY_PREPS = frozenset({"with", "against", "between", "by", "than", "versus", "vs", "vs."})
# Links that keep a name inside the phrase of the noun it qualifies or joins.
PHRASE_DEPS = frozenset({"compound", "nmod", "amod", "conj", "appos", "cc"})
# "the U.S.-led invasion", "Iranian-backed militias": the name leads or backs a party.
LEADING_SUFFIXES = ("-led", "-backed", "-sponsored", "-brokered", "-supported", "-allied")
# Bodies that act for a state: a country's name before them says whose they are
# ("the U.S. military said", "Turkey government officials"), not where they act.
ACTING_BODIES = frozenset(
    "army armies military militaries forces force troops soldiers navy police government regime administration "
    "officials authorities ministry embassy diplomats envoy delegation".split()
)


def _party(doc, place: Place) -> bool:
    """A country or state named as a party to the act (see the module's note): the
    actor or the other side by metonymy, which says who, not where."""
    if place.feature not in ("country", "admin1") or doc is None:
        return False
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.lower_.endswith(LEADING_SUFFIXES) or ("-" + root.head.lower_).endswith(LEADING_SUFFIXES) and root.head.i == root.i + 2:
        return True  # one token ("Iran-led") or three ("U.S.", "-", "led")
    # climb from the name to the head of the phrase it qualifies ("the U.S. and Iraqi militaries")
    head = root
    while head.dep_ in PHRASE_DEPS and head.head.i != head.i and head.head.pos_ not in VERB_POS:
        head = head.head
    if head.i != root.i and head.lower_ in ACTING_BODIES:
        return True
    if head.dep_ == "nsubj":
        # place names are the doer by metonymy ("Israel and Egypt signed"); a noun or a
        # person heading the phrase says who acted ("the Iraqi provinces voted", "Alaska
        # Gov. Sarah Palin said"), and speaks for the place rather than away from it
        return (head.i == root.i or head.ent_type_ in ("GPE", "LOC")) and head.head.pos_ in VERB_POS
    return head.dep_ == "pobj" and (head.head.dep_ == "agent" or head.head.lower_ in PARTY_PREPS)


def _where(ann: Annotations, candidates: list[tuple[int, Place]]) -> tuple[list[tuple[int, Place]], list[tuple[int, Place]]]:
    """The candidates that can be the setting, and those named as parties to the act."""
    doc = getattr(ann, "doc", None)
    settings, parties = [], []
    for i, p in candidates:
        (parties if _party(doc, p) else settings).append((i, p))
    return settings, parties


def locate_event(ann: Annotations, sent, trigger) -> tuple[int | None, str | None]:
    places, focus_mention, dateline = _mappable(ann)
    lo, hi = trigger_window(sent, trigger)
    in_sentence, parties = _where(ann, [(i, p) for i, p in places.starting_in(lo, hi) if p.end <= hi])
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
    if dateline is not None:
        return dateline, "dateline"
    if focus_mention is not None:
        return focus_mention, "article-focus"
    if parties:
        # a party's country is a guess at where, better than none when nothing else is named
        return _best(parties, trigger), "sentence"
    # a town of the focus country would claim more than the text says: no place
    return None, None
