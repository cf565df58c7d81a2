"""Event identity: every passage that reports one happening -> one event.

News tells one happening many times: the headline, the lead, casualty updates,
re-mentions ("the blast", "the attack"), quotes about it. The events stage codes
each passage as it reads it; `merge_mentions` then groups the passages of one
happening into one `Event` whose `mentions` list them all (the main one first),
with its fields taken from the best evidence among them:

  date       the most precise date a passage gives in its own words (a date that
             only repeats the publication date is no evidence)
  location   the most specific place a passage gives in its own clause
  actor      the participant named anywhere (one with a country before one without)
  sizes      per kind, the passage with the highest reported count: the toll is the
             highest figure reported, never a sum of updates

The main mention is the passage that tells most in its own words (date, place,
who, to whom, how many), the earliest of those; the event's type and coding are
its. The list stays most salient first, news before background (CONTRACT): a
happening weighs the salience ranks of all its passages (1, 1/2, 1/3, ...), so
the story the article keeps telling leads, not one salient aside. News told
without a date of its own happened on the story's day: when the leading news is
dated by its own words to a day one to three days before publication, undated
news takes that day instead of the publication date (story_day.py).

A passage that marks its happening as one more ("the militia also tortured ...",
"another bomb", "a second attack") starts a happening of its own. Otherwise two
passages are one happening only when nothing the text says tells them apart:
the same PLOVER type, the same negated / hypothetical status, both news or both
background, and no conflict in what each says in its own words: different own
dates (neither holding the other), different places (neither inside the other),
different parties (disjoint countries, or different named people; a bare country
name is not taken as a party). Statements and meetings are their speakers' acts:
two with speakers named are one only when they share a participant; an accusation,
refusal, demand, threat, support, concession or agreement only when they share the
speaker ("Orszag denied his request" is not "Sanford rejects aid"). A passage
that dates itself joins an undated happening only when something ties them (a
shared word, participant, place) or the undated one is the headline. Among the
happenings a passage may belong to, it joins the one it shares most with: own
evidence, then its trigger word, then its sentence, then the earliest (news
returns to its main story).

Passages that only point back join what they name: a bare definite noun ("the
attack came a day after ...") joins the happening of its type, status and time
frame whatever its sentence lends it, and is never the main passage; a definite
description told in another tense ("the talks ... had collapsed") joins when it
shares a party in the same role (either role for talks and agreements). A passage
that is a detail of another act in its sentence (parts.py: "arrested on charges",
"protests that were smashed by police", "accused him of ... by offering ...") is
one more mention of that act.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from chronicle.events.occurrence import names_an_earlier_event
from chronicle.events.parts import coordinated_acts, parts_of_other_acts
from chronicle.events.story_day import before_the_story, own_date, story_day
from chronicle.record import Event, Mention, Place

# How specific a place is: a site or city names where it happened; a country barely does.
_FEATURE_RANK = {"site": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1, "region": 0, "continent": 0}
# a region inside one country ("Iraq's southern provinces") says more than the country
_NATIONAL_REGION_RANK = 1.5


def _rank(place: Place) -> float:
    if place.feature == "region" and place.country_code:
        return _NATIONAL_REGION_RANK
    return _FEATURE_RANK.get(place.feature or "", 4)
# Locations found in the event's own words; "article-focus" is the article's main place, a guess.
_OWN_LOCATION = ("clause", "sentence")
# Statements and meetings: each is its speaker's (or its parties') act, so two passages are one
# only when they share a participant, or one names none ("the criticism", "the talks").
_SPEECH_ACTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# Acts one party directs at another: the speaker makes the act, so the same act has the same speaker
# (one's target answering back, "Orszag denied the request" / "Sanford rejects aid", is another act)
_DIRECTED_ACTS = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "CONCEDE", "AGREE"}
# ACLED sub-types that say least: a passage with a more telling one describes the act better
_GENERIC_SUB_TYPES = {None, "Attack", "Peaceful protest", "Other", "Armed clash"}


@dataclass
class _Happening:
    members: list[int] = field(default_factory=list)  # indices into the events, in text order


def merge_mentions(events: Sequence[Event], ann: Any) -> list[Event]:
    """One event per happening, in the order of each happening's most salient passage.

    `events` are the events stage's coded passages, most salient first; `ann` the
    article's annotations (places and actors are read to compare evidence)."""
    if not events:
        return []
    places, actors = list(ann.places), list(ann.actors)
    doc = getattr(ann, "doc", None)
    parts = parts_of_other_acts(events, doc)  # passage -> the act in its sentence it is a detail of
    events = _retold_parts(events, parts, places, actors, doc)
    in_text_order = sorted((i for i in range(len(events)) if i not in parts), key=lambda i: (_start(events[i]), i))
    happenings: list[_Happening] = []
    trigger_starts = {e.trigger.start for e in events if e.trigger is not None}
    headline_end = _headline_end(events)
    # a bare re-mention ("the fighting" with nothing of its own) names a happening told anywhere in the
    # article: it is placed once all the others are
    bare_order = [i for i in in_text_order if _bare_re_mention(events[i], doc)]
    bare = set(bare_order)
    renaming: dict[int, int] = {}  # id(happening) -> the passage that names its act by another type's word
    for i in [i for i in in_text_order if i not in bare] + bare_order:
        event = events[i]
        if _tells_another(event, doc, trigger_starts):
            happenings.append(_Happening([i]))
            continue
        if i in bare_order:
            named = _named_happening(happenings, event, events)
            if named is None:
                named = _renamed_happening(happenings, event, events)
                if named is not None:
                    renaming[id(named)] = i
            if named is not None:
                named.members.append(i)
                continue
        in_frame = _FrameTest(event, events, actors, doc)  # each happening's time frame tested once
        fits = [h for h in happenings if all(_compatible(events[j], event, places, actors) for j in h.members)
                and in_frame(h) and _may_join(h, event, events, headline_end)
                and not any(coordinated_acts(events[j], event, doc) for j in h.members)]
        fitting = {id(h) for h in fits}  # (happenings hold disjoint passages: none equals another)
        fits += [h for h in happenings if id(h) not in fitting and in_frame(h)
                 and _refers_back(h, event, events, doc, headline_end)]
        if len(fits) > 1:
            rank = {id(h): k for k, h in enumerate(happenings)}
            best = max(fits, key=lambda h: (_affinity(h, event, events), -rank[id(h)]))
            best.members.append(i)
        elif fits:
            fits[0].members.append(i)
        else:
            happenings.append(_Happening([i]))
    for h in happenings:
        h.members.sort(key=lambda j: (_start(events[j]), j))
    # (a bare re-mention's date, place and parties are its sentence's, not evidence of the happening)
    merged = [_merged(h.members, events, places, actors, bare) for h in happenings]
    for k, h in enumerate(happenings):
        if id(h) in renaming:
            _take_kind(merged[k], events[renaming[id(h)]])
    for part, whole in parts.items():
        # a detail of an act ("arrested on charges of ...") is one more passage of that act
        k = next(k for k, h in enumerate(happenings) if whole in h.members)
        seen = {m.trigger.start for m in merged[k].mentions}
        merged[k].mentions.extend(m for m in _mentions_of(events[part]) if m.trigger.start not in seen)
        merged[k].mentions[1:] = sorted(merged[k].mentions[1:], key=lambda m: m.trigger.start)
    order = sorted(range(len(happenings)), key=lambda k: (merged[k].historical, -_story_weight(happenings[k])))
    result = [merged[k] for k in order]
    story_day(result, getattr(ann, "published", None))
    if before_the_story(result, getattr(ann, "published", None)):
        result.sort(key=lambda e: e.historical)  # news before background; salience order kept within
    return result


def _story_weight(h: _Happening) -> float:
    """How much the article is about a happening: each passage counts by its salience rank
    (1 for the most salient, 1/2 for the next, ...), so a happening the article keeps telling
    outranks one salient sentence."""
    return sum(1.0 / (1 + k) for k in h.members)


# Words that add a happening to those told: "the militia also tortured detainees", "another
# bomb", "a second attack" (not "the blast also wounded 30": the blast is the one told)
_ADDITIVE_ADVERBS = {"also", "again", "too", "additionally", "separately", "meanwhile", "elsewhere"}
_TOLL_VERBS = {"kill", "wound", "injure", "hurt", "die"}
_ADDITIVE_DETERMINERS = {"another", "second", "third", "new", "further", "separate", "fresh", "other", "more"}


def _tells_another(event: Event, doc: Any, trigger_starts: set[int]) -> bool:
    """Does the passage mark its happening as one more, not the one already told?"""
    if doc is None or event.trigger is None:
        return False
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    if tok.lemma_.lower() in _TOLL_VERBS:
        return False  # "35 people also were wounded": one more count of the same act
    kids = list(tok.children)
    if any(c.dep_ in ("amod", "det", "nummod") and c.lower_ in _ADDITIVE_DETERMINERS for c in kids):
        return True  # "another bomb", "a second attack"
    if not any(c.dep_ == "advmod" and c.lower_ in _ADDITIVE_ADVERBS for c in kids):
        return False
    subject = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "the blast also wounded 30": its subject is an event word, the happening already told
    return not (subject is not None and (subject.idx in trigger_starts or _names_an_event(subject)))


# Agent nouns ("attacker", "demonstrator", "gunman", "militant") name people, not happenings
_AGENT_ENDINGS = ("er", "ers", "or", "ors", "man", "men", "ist", "ists", "ant", "ants")


def _names_an_event(tok: Any) -> bool:
    """A noun the trigger lexicon knows as an event word ("the blast", "the attack")."""
    from chronicle.events.detect import load_lexicon

    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma.endswith(_AGENT_ENDINGS):
        return False
    return any(pos in ("N", "*") for pos, _ in load_lexicon().words.get(lemma, ()))


def _start(event: Event) -> int:
    if event.trigger is not None:
        return event.trigger.start
    return event.sentence.start if event.sentence is not None else 0


# -- passages that point back at a happening already told ------------------------

# Determiners of a definite description: "the fighting", "this attack" name one already known
_DEFINITE = {"the", "this", "that", "these", "those"}


def _refers_back(h: _Happening, event: Event, events: Sequence[Event], doc: Any, headline_end: int) -> bool:
    """A passage that names a happening already told by the same word joins it even when the
    parties or places each reads differ (they are the reader's guesses, not the text's contrast):
    a definite description ("Three days of fighting ... the fighting in an area near the border")
    points back at the one already told; a headline tells its lead's happening in fewer words
    ("PA officials welcome ..." then "Palestinian Authority officials have welcomed ...").
    What the text itself says apart still parts them: the type, the status, own dates."""
    if doc is None or event.trigger is None:
        return False
    members = [events[j] for j in h.members]
    if any(m.type != event.type or (m.negated, m.hypothetical) != (event.negated, event.hypothetical)
           for m in members):
        return False
    if own_date(event) and any(own_date(m) and not _dates_overlap(m, event) for m in members):
        return False
    lemma = _lemma(event, doc)
    same_word = [m for m in members if m.trigger is not None and _lemma(m, doc) == lemma]
    if not same_word:
        return False
    if _start(event) < headline_end:
        return False  # the headline itself comes first; its lead joins it (below)
    return _definite_noun(event, doc) or any(_start(m) < headline_end for m in same_word)


def _named_happening(happenings: list[_Happening], event: Event, events: Sequence[Event]) -> _Happening | None:
    """The happening a bare re-mention names: one of its type and status told in its time frame, whatever
    date, place or parties its sentence lends it ("underscoring the seriousness of the fighting, TV showed a
    meeting Friday"); failing that, one told in the other frame whose own date does not contradict its
    sentence's (the tense of "the shooting" is its sentence's; "the invasion in March 2003" is not today's
    bombing). Among several, the one it shares most with, then the earliest."""
    told = [h for h in happenings if all(events[j].type == event.type and (events[j].negated, events[j].hypothetical)
                                         == (event.negated, event.hypothetical) for j in h.members)]
    same_frame = [h for h in told if any(events[j].historical == event.historical for j in h.members)]
    candidates = same_frame or [h for h in told if not (own_date(event) and any(
        own_date(events[j]) and not _dates_overlap(events[j], event) for j in h.members))]
    if not candidates:
        return None
    return max(candidates, key=lambda h: (_affinity(h, event, events), -happenings.index(h)))


# What a noun of one type may call an act told under another: "Pakistan agreed to reinstate the judge ...
# The concession came as ...": a concession is an agreement or a retreat made under pressure
_RENAMES = {"CONCEDE": {"AGREE", "RETREAT"}}


def _renamed_happening(happenings: list[_Happening], event: Event, events: Sequence[Event]) -> _Happening | None:
    """The happening a bare re-mention names under a word of another type ("The concession came as ..."
    after "Pakistan agreed Monday to reinstate ..."): one told before it, in its time frame and status,
    whose type the word may rename; among several, the earliest (news returns to its main story; what the
    bare noun's sentence lends it is no evidence). The word says what kind of act it was (see _take_kind)."""
    kinds = _RENAMES.get(event.type)
    if not kinds:
        return None
    before = [h for h in happenings if min(_start(events[j]) for j in h.members) < _start(event)
              and all(events[j].type in kinds and (events[j].negated, events[j].hypothetical) == (False, False)
                      and events[j].historical == event.historical for j in h.members)]
    if not before or event.negated or event.hypothetical:
        return None
    return before[0]  # its parties and date are its sentence's, no evidence: the main story first


def _take_kind(merged: Event, renaming: Event) -> None:
    """The act is of the kind the renaming word says ("the concession": a concession, not a plain agreement)."""
    merged.type, merged.mode, merged.cameo_root = renaming.type, renaming.mode, renaming.cameo_root


def _retold_parts(events: Sequence[Event], parts: dict[int, int], places: list[Place], actors: list,
                  doc: Any) -> list[Event]:
    """A passage that tells again, by the same word, what is elsewhere a part of another act is that act
    ("Protesters visit homes of executives" ... "paying visits to their homes to protest the bonuses":
    the visits are the protest's form, the headline's visit too): it is coded as that act's type, so that
    it joins that act's happening."""
    events = list(events)
    for part, whole in parts.items():
        p, w = events[part], events[whole]
        if p.type == w.type:
            continue
        for j, e in enumerate(events):
            if j in parts or j == whole or e.type != p.type or _lemma(e, doc) != _lemma(p, doc):
                continue
            if _compatible(e, p, places, actors):
                events[j] = replace(e, type=w.type, mode=w.mode, cameo_root=w.cameo_root)
    return events


def _bare_re_mention(event: Event, doc: Any) -> bool:
    """A definite event noun with nothing of its own ("the attack came a day after ...", "the seriousness
    of the fighting"): no place, time, number or clause on it, and no party of its own (parties count as
    its own only where the noun is a verb's subject or object: "gunmen carried out the attack")."""
    if doc is None or event.trigger is None:
        return False
    tok = _trigger_token(event, doc)
    if tok is None or not names_an_earlier_event(tok):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT"):
        return not any(not r.inferred for r in event.actor + event.recipient)
    return True


def _trigger_token(event: Event, doc: Any) -> Any:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _lemma(event: Event, doc: Any) -> str:
    """The trigger's lemma as parsed ("welcome" in "welcomed"), else its word without inflection."""
    tok = _trigger_token(event, doc)
    return tok.lemma_.lower() if tok is not None else _word(event)


def _definite_noun(event: Event, doc: Any) -> bool:
    """Is the trigger a noun in a definite description ("the fighting", "this attack", "its raid")?"""
    tok = _trigger_token(event, doc)
    if tok is None or tok.pos_ != "NOUN":
        return False
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in tok.children)


# -- telling passages apart ---------------------------------------------------

def _compatible(a: Event, b: Event, places: list[Place], actors: list) -> bool:
    """Whether two passages may report one happening: nothing either says in its own words differs."""
    if a.type != b.type or a.negated != b.negated or a.hypothetical != b.hypothetical:
        return False
    date_a, date_b = own_date(a), own_date(b)
    if date_a and date_b and not _dates_overlap(a, b):
        return False
    # (news versus background: _same_time_frame, over the whole happening)
    # only a place in the event's own clause can tell two apart: one merely in its sentence is
    # often another clause's ("the blast came a day after the U.S. military said ..."); a statement's
    # clause names what it is about ("called on Israel to stop demolitions in Jerusalem") more often
    # than where it was made, so a statement's place does not part two by one speaker
    place_a, place_b = _own_place(a, places, ("clause",)), _own_place(b, places, ("clause",))
    if place_a is not None and place_b is not None and not _places_agree(place_a, place_b) and not (
            a.type in _SPEECH_ACTS and a.actor and b.actor and _share_party(a, b, actors)):
        return False
    for role in ("actor", "recipient"):
        if _parties_differ(getattr(a, role), getattr(b, role), actors):
            return False
    if a.type in _SPEECH_ACTS and a.actor and b.actor and not _share_party(a, b, actors):
        return False  # two speakers' statements, two meetings of different parties
    if a.type in _DIRECTED_ACTS and _different_speakers(a, b, actors):
        return False  # "Orszag denied his request" and "Sanford rejects aid": each its own speaker's act
    return True


def _different_speakers(a: Event, b: Event, actors: list) -> bool:
    """Both passages name who acts (a bare country name left out: "French filmmaker slammed" names no
    speaker), and no one, nor any actor of the same kind and country, is among both."""
    def speakers(event: Event) -> list:
        return [r for r in event.actor if 0 <= r.actor < len(actors) and actors[r.actor].kind != "country"]

    refs_a, refs_b = speakers(a), speakers(b)
    if not refs_a or not refs_b:
        return False
    return not _share_party(replace(a, actor=refs_a, recipient=[]), replace(b, actor=refs_b, recipient=[]), actors)


class _FrameTest:
    """_same_time_frame(h, event, ...) for one passage, remembered per happening: both tests of
    whether the passage joins a happening read it."""

    def __init__(self, event: Event, events: Sequence[Event], actors: list, doc: Any):
        self.event, self.events, self.actors, self.doc = event, events, actors, doc
        self.known: dict[int, bool] = {}

    def __call__(self, h: _Happening) -> bool:
        if id(h) not in self.known:
            self.known[id(h)] = _same_time_frame(h, self.event, self.events, self.actors, self.doc)
        return self.known[id(h)]


def _same_time_frame(h: _Happening, event: Event, events: Sequence[Event], actors: list, doc: Any = None) -> bool:
    """Background is not the news it resembles ("pledged to reinstate" then "agreed to"): a passage
    joins a happening told in the other time frame only when it tells one of its passages again, or
    names it again by a definite description ("negotiations between A and B" ... "the talks between
    A and B had collapsed"): the tense of a re-mention is the speaker's, not the happening's."""
    members = [events[j] for j in h.members]
    if any(m.historical == event.historical for m in members):
        return True  # the happening already holds a passage of its time frame (joined as told again)
    return any(_told_again(m, event, actors) or _named_again(m, event, actors, doc) for m in members)


def _named_again(a: Event, b: Event, actors: list, doc: Any) -> bool:
    """The later passage is a definite description of the earlier one's act ("the talks", "the
    attack"): the same type, a party in common, and no date of its own to set it apart."""
    first, later = (a, b) if _start(a) <= _start(b) else (b, a)
    if doc is None or later.trigger is None or first.type != later.type or own_date(later):
        return False
    if not _definite_noun(later, doc) or not (first.actor or first.recipient):
        return False
    if first.type in _MUTUAL_ACTS:
        return _share_party(first, later, actors)  # "talks between A and B": either may be read as the actor
    # one side's act named from the other side ("Hamas seized power" ... "the crackdown" on Hamas) is not it
    return any(_share_party(replace(first, actor=getattr(first, role), recipient=[]),
                            replace(later, actor=getattr(later, role), recipient=[]), actors)
               for role in ("actor", "recipient") if getattr(first, role) and getattr(later, role))


# Acts whose parties take part alike: which one the parse reads as the actor says nothing
_MUTUAL_ACTS = {"CONSULT", "COOPERATE", "AGREE"}


def _told_again(a: Event, b: Event, actors: list) -> bool:
    """The same act told twice in different tenses ("X resigned on Saturday", then "X had resigned
    on his own accord"; "called on Israel to ...", "reiterated calls for Israel to ..."): the same
    word, the same party, and no date of its own on the one told as the past."""
    if _word(a) != _word(b) or not (a.actor and b.actor) or not _share_party(a, b, actors):
        return False
    past = a if a.historical else b
    return not own_date(past)


def _share_party(a: Event, b: Event, actors: list) -> bool:
    """The same actor, or the same kind of actor of the same country ("PA officials", "Palestinian
    Authority officials")."""
    ids_a, ids_b = {r.actor for r in a.actor + a.recipient}, {r.actor for r in b.actor + b.recipient}
    if ids_a & ids_b:
        return True

    def codes(ids: set) -> set:
        return {(actors[k].country, actors[k].sector) for k in ids
                if 0 <= k < len(actors) and actors[k].country and actors[k].sector}

    return bool(codes(ids_a) & codes(ids_b))


def _may_join(h: _Happening, event: Event, events: Sequence[Event], headline_end: int) -> bool:
    """A passage that dates itself ("A three-hour shootout Thursday ...") tells a happening of its
    own unless something ties it to an undated one it could re-tell: the same date, a shared
    trigger word, participant or place, or a headline that told it first without a date
    (`headline_end`: _headline_end(events), read once per article)."""
    if not own_date(event) or any(own_date(events[j]) for j in h.members):
        return True
    if min(_start(events[j]) for j in h.members) < headline_end:
        return True
    return any(_affinity(h, event, events))


def _headline_end(events: Sequence[Event]) -> int:
    """Where the article's first sentence ends (a headline, when the text starts with one)."""
    firsts = [e.sentence for e in events if e.sentence is not None]
    first_start = min((f.start for f in firsts), default=None)  # once, not once per sentence
    return min((s.end for s in firsts if s.start == first_start), default=0)


def _dates_overlap(a: Event, b: Event) -> bool:
    """Dates as ISO prefixes with optional ends: "2009-03" holds "2009-03-15"; ranges overlap."""
    first_a, last_a = a.date, a.date_end or a.date
    first_b, last_b = b.date, b.date_end or b.date
    return _not_after(first_a, last_b) and _not_after(first_b, last_a)


def _not_after(x: str, y: str) -> bool:
    """x starts no later than y ends, at the coarser of the two precisions."""
    n = min(len(x), len(y))
    return x[:n] <= y[:n]


def _own_place(event: Event, places: list[Place], precisions: tuple[str, ...] = _OWN_LOCATION) -> Place | None:
    if event.location is None or event.location_precision not in precisions:
        return None
    if not 0 <= event.location < len(places):
        return None
    return places[event.location]


def _places_agree(p: Place, q: Place) -> bool:
    """The same place, or one inside the other (a city in its province or country)."""
    if p.geonameid is not None and p.geonameid == q.geonameid:
        return True
    if p.country_code and q.country_code and p.country_code != q.country_code:
        return False
    rank_p, rank_q = _rank(p), _rank(q)
    wide, narrow = (p, q) if rank_p <= rank_q else (q, p)
    rank_wide = min(rank_p, rank_q)
    if rank_wide < 2:
        return True  # a country (or a region) holds every place in it
    if rank_wide == 2:
        return bool(narrow.admin1) and (narrow.admin1 == wide.admin1 or narrow.admin1 == wide.name)
    return (p.name or "").lower() == (q.name or "").lower()


def _parties_differ(refs_a: list, refs_b: list, actors: list) -> bool:
    """Different parties: both name someone, and their countries, or the people named, have nothing in common.

    A bare country name is left out: next to a trigger it is as often a place or a
    border ("fighting near the border with Georgia") as the party itself."""
    ids_a = {r.actor for r in refs_a if 0 <= r.actor < len(actors) and actors[r.actor].kind != "country"}
    ids_b = {r.actor for r in refs_b if 0 <= r.actor < len(actors) and actors[r.actor].kind != "country"}
    if not ids_a or not ids_b:
        return False
    if ids_a & ids_b:
        return False
    countries_a = {actors[k].country for k in ids_a if actors[k].country}
    countries_b = {actors[k].country for k in ids_b if actors[k].country}
    if countries_a and countries_b and not countries_a & countries_b:
        return True
    named_a = {k for k in ids_a if actors[k].kind == "named"}
    named_b = {k for k in ids_b if actors[k].kind == "named"}
    return bool(named_a) and bool(named_b) and len(named_a) == len(ids_a) and len(named_b) == len(ids_b)


def _affinity(h: _Happening, event: Event, events: Sequence[Event]) -> tuple[int, int, int]:
    """Which of the happenings a passage may belong to it most likely re-mentions:
    shared own evidence, then the same trigger word, then the same sentence."""
    shared = same_word = same_sentence = 0
    word = _word(event)
    for j in h.members:
        other = events[j]
        if own_date(event) and own_date(event) == own_date(other):
            shared += 1
        if event.location is not None and event.location == other.location \
                and event.location_precision in _OWN_LOCATION:
            shared += 1
        if {r.actor for r in event.actor} & {r.actor for r in other.actor}:
            shared += 1
        same_word = same_word or (word and word == _word(other))
        same_sentence = same_sentence or (event.sentence is not None and event.sentence == other.sentence)
    return shared, int(bool(same_word)), int(bool(same_sentence))


def _word(event: Event) -> str:
    """The trigger's word without its inflection, enough to see "attack" in "attacks", "attacked"."""
    text = (event.trigger.text if event.trigger else "").lower()
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if text.endswith(suffix) and len(text) - len(suffix) >= 4:
            return text[: -len(suffix)]
    return text


# -- one event from its passages ------------------------------------------------

def _merged(member_indices: list[int], events: Sequence[Event], places: list[Place], actors: list,
            bare: set[int] = frozenset()) -> Event:
    """The happening's event: the main passage's coding, the best evidence of all its passages
    (`bare`: passages that only name it again, whose fields are their sentence's, not evidence)."""
    if len(member_indices) == 1:
        only = events[member_indices[0]]
        return replace(only, mentions=_mentions_of(only))
    members = [events[j] for j in member_indices]  # text order
    telling = [j for j in member_indices if j not in bare] or list(member_indices)
    # the main passage is the one that tells most (the lead, not "the fighting" before it)
    main = max((events[j] for j in telling), key=lambda e: (_evidence_weight(e), -_start(e)))
    # evidence is looked for in the main passage first, then by salience
    by_salience = [main] + [events[j] for j in sorted(telling) if events[j] is not main]
    merged = replace(main)
    others = sorted((m for e in members if e is not main for m in _mentions_of(e)), key=lambda m: m.trigger.start)
    merged.mentions = _mentions_of(main)
    seen = {m.trigger.start for m in merged.mentions}
    for m in others:
        if m.trigger.start not in seen:
            seen.add(m.trigger.start)
            merged.mentions.append(m)
    merged.confidence = max(e.confidence for e in members)
    merged.context = sorted({c for e in members for c in e.context})
    if merged.acled_sub_event_type in _GENERIC_SUB_TYPES:
        telling = next((e for e in by_salience if e.acled_sub_event_type not in _GENERIC_SUB_TYPES), None)
        if telling is not None:
            merged.acled_event_type, merged.acled_sub_event_type = telling.acled_event_type, telling.acled_sub_event_type
    _take_date(merged, by_salience)
    if merged.historical and not all(e.historical for e in members) and not own_date(merged):
        merged.historical = False  # news told again in the past tense ("had resigned") is still news
    _take_location(merged, by_salience, places)
    merged.recipient = list(_best_parties([e.recipient for e in by_salience], actors))
    merged.actor = list(_best_parties([e.actor for e in by_salience], actors, {r.actor for r in merged.recipient if not (
        0 <= r.actor < len(actors) and actors[r.actor].kind == "agent" and not actors[r.actor].role)}))
    if merged.attributed_to is None:
        source = next((e for e in by_salience if e.attributed_to), None)
        if source is not None:
            merged.attributed_to, merged.attributed_span = source.attributed_to, source.attributed_span
            merged.attributed_actor = source.attributed_actor
    merged.sizes = _highest_counts(by_salience)
    return merged


def _evidence_weight(event: Event) -> float:
    """How much a passage says of its happening in its own words: date, place, who, to whom, how many."""
    weight = 1.0 if own_date(event) else 0.0
    weight += {"clause": 1.0, "sentence": 0.5}.get(event.location_precision or "", 0.0)
    weight += (1.0 if event.actor else 0.0) + (0.5 if event.recipient else 0.0) + (0.5 if event.sizes else 0.0)
    return weight


def _mentions_of(event: Event) -> list[Mention]:
    """The passages an event already stands for (merging twice changes nothing), else its own."""
    if event.mentions:
        return [replace(m) for m in event.mentions]
    if event.sentence is None or event.trigger is None:
        return []
    return [Mention(sentence=replace(event.sentence), trigger=replace(event.trigger))]


_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


def _take_date(merged: Event, by_salience: list[Event]) -> None:
    """The most precise date a passage gives in its own words; with it, that passage's flag."""
    dated = [e for e in by_salience if own_date(e)]
    if not dated:
        return
    best = max(dated, key=lambda e: _PRECISION_RANK.get(e.date_precision or "", 0))  # first of the most precise
    merged.date, merged.date_precision, merged.date_end = best.date, best.date_precision, best.date_end
    merged.date_evidence, merged.historical = best.date_evidence, best.historical


def _take_location(merged: Event, by_salience: list[Event], places: list[Place]) -> None:
    """The most specific place found in a passage's own words, else the main passage's guess."""
    own = [e for e in by_salience if _own_place(e, places) is not None]
    if not own:
        return
    best = max(own, key=lambda e: (_rank(places[e.location]), e.location_precision == "clause"))
    merged.location, merged.location_precision = best.location, best.location_precision


def _best_parties(candidates: list[list], actors: list, other_side: set = frozenset()) -> list:
    """The participants of the first passage (by salience) that places them in a country, else of the first that
    names anyone; none from `other_side` (a person or body on both sides is a misreading; a group may fight its own)."""
    def placed(refs: list) -> bool:
        return any(0 <= r.actor < len(actors) and actors[r.actor].country for r in refs)

    named = [refs for refs in ([r for r in c if r.actor not in other_side] for c in candidates) if refs]
    return next((refs for refs in named if placed(refs)), named[0] if named else [])


def _highest_counts(by_salience: list[Event]) -> list:
    """Per kind of count, the sizes of the passage that reports the most: updates are not added up."""
    best: dict[str, tuple[int, list]] = {}
    for event in by_salience:
        per_kind: dict[str, list] = {}
        for size in event.sizes:
            per_kind.setdefault(size.kind, []).append(size)
        for kind, sizes in per_kind.items():
            total = max(s.value for s in sizes)
            if kind not in best or total > best[kind][0]:
                best[kind] = (total, sizes)
    return [s for kind in sorted(best) for s in best[kind][1]]
