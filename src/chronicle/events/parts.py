"""Passages that are a detail of another act in their sentence, not a happening of their own.

News packs one happening's parts into one sentence: "arrested on charges of ...", "the
fighting ended", "a protest held by the union calling for ...", "protests that were smashed
by police", "accused him of violating the law by offering ...". The events stage codes each
trigger as it reads it; `parts_of_other_acts(events, doc)` says which passage is a part of
which act in its sentence, and identity.py makes it one more mention of that act:

  detail      a noun or verb hanging on the act as its object or prepositional phrase, when the
              act is at least as concrete ("arrested on charges": the charges are the arrest's)
  aspect      a verb that says where the act is in its course ("the fighting ended")
  voicing     what a protest's phrase demands or denounces ("a rally ... demanding ...")
  repression  a protest that is the target of force ("protests that were smashed by police",
              "police dispersed the march"): ACLED codes a protest met with force as one event
  charge      what an accusation charges ("accused him of violating election law by offering
              support"): the accusation's content, not an act the article reports
  purpose     an act done to protest ("paying visits to their homes to protest the bonuses"): the
              protest's form
  elaboration a participle that goes on with a statement ("reiterated calls ..., vowing not to
              resume talks"): the same statement

`coordinated_acts(a, b, doc)` says the opposite: two verbs of one type coordinated with objects
of their own ("shut down eight events and arrested 20 people") are two acts.
"""

from __future__ import annotations

from typing import Any, Sequence

from chronicle.record import Event


# How concrete an act is: a detail is folded into an act at least as concrete as itself
# ("arrested on charges": the charges are part of the arrest, not an accusation of their own)
_CONCRETENESS = {"ASSAULT": 5, "PROTEST": 5, "COERCE": 4, "MOBILIZE": 4, "SANCTION": 3, "AID": 3, "RETREAT": 3,
                 "CONCEDE": 3, "COOPERATE": 2, "CONSULT": 2, "AGREE": 2, "THREATEN": 1, "REQUEST": 1,
                 "REJECT": 1, "ACCUSE": 1, "SUPPORT": 1}
# Links by which a detail hangs on an act: its object, a prepositional phrase
_DETAIL_LINKS = {"dobj", "pobj", "prep", "pcomp", "attr", "oprd", "npadvmod"}
_SEPARATE_PREPS = {"after", "before", "following", "during", "amid", "since", "despite", "over", "against",
                   "until", "ahead", "prior", "as"}
# Verbs that say where an act is in its course: "the fighting ended", "protests erupted"
_ASPECT_VERBS = {"end", "begin", "start", "continue", "resume", "erupt", "escalate", "stop", "cease", "intensify",
                 "spread", "subside", "die", "break", "last", "come"}


def parts_of_other_acts(events: Sequence[Event], doc: Any) -> dict[int, int]:
    """Passages that are a detail of another act in their sentence: a noun or verb hanging on
    that act's trigger as its object or prepositional phrase ("arrested on charges", "banned
    and blocked"), or an aspect verb whose subject is the act ("the fighting ended")."""
    if doc is None:
        return {}
    tokens = {}
    for i, e in enumerate(events):
        if e.trigger is None:
            continue
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is not None and len(span):
            tokens[i] = span.root
    by_token = {tok.i: i for i, tok in tokens.items()}
    parts: dict[int, int] = {}
    for i, tok in tokens.items():
        a = events[i]
        protest = _protest_voicing(i, tok, events, tokens)
        if protest is not None:
            parts[i] = protest
            continue
        whole = _protest_purpose(i, tok, events, by_token)
        if whole is None:
            whole = _elaboration_of(i, tok, events, by_token)
        if whole is None:
            whole = _repression_of(i, tok, events, by_token)
        if whole is None:
            whole = _charge_of(i, tok, events, by_token)
        if whole is not None:
            parts[i] = whole
            continue
        whole = _aspect_of(tok, by_token) if tok.lemma_.lower() in _ASPECT_VERBS else _detail_of(tok, by_token)
        if whole is None or whole == i or events[whole].type == a.type:
            continue
        if (events[whole].negated, events[whole].hypothetical) != (a.negated, a.hypothetical):
            continue
        if tok.lemma_.lower() in _ASPECT_VERBS or _CONCRETENESS.get(a.type, 0) <= _CONCRETENESS.get(events[whole].type, 0):
            parts[i] = whole
    # a detail of a detail belongs to the act at the top
    for i in list(parts):
        seen = {i}
        while parts[i] in parts and parts[i] not in seen:
            seen.add(parts[i])
            parts[i] = parts[parts[i]]
        if parts[i] == i:
            del parts[i]
    return parts


# What demonstrators voice: their demands and denunciations are the protest's content, not acts of their own
_VOICED = {"REQUEST", "ACCUSE", "REJECT"}


def _protest_voicing(i: int, tok: Any, events: Sequence[Event], tokens: dict[int, Any]) -> int | None:
    """The protest whose phrase holds this demand ("a protest held by the union calling for the
    release of ...", "a rally against the law demanding its repeal"), or None."""
    if events[i].type not in _VOICED:
        return None
    ancestors = {t.i for t in tok.ancestors}
    for j, other in tokens.items():
        if events[j].type == "PROTEST" and other.i in ancestors and \
                (events[j].negated, events[j].hypothetical) == (events[i].negated, events[i].hypothetical):
            return j
    return None


def _protest_purpose(i: int, tok: Any, events: Sequence[Event], by_token: dict[int, int]) -> int | None:
    """The protest an act is done to make ("paying visits to the executives' homes to protest the bonuses",
    "blocked the road to protest the closure"): the act is the protest's form, one happening."""
    if events[i].type in ("PROTEST", "ASSAULT", "COERCE"):
        return None
    holders = [tok] + ([tok.head] if tok.dep_ == "dobj" and tok.head.i not in by_token else [])  # "paying visits"
    for c in (c for h in holders for c in h.children):
        if c.dep_ in ("advcl", "acl", "xcomp") and c.i in by_token and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            k = by_token[c.i]
            if events[k].type == "PROTEST" and \
                    (events[k].negated, events[k].hypothetical) == (events[i].negated, events[i].hypothetical):
                return k
    return None


# Acts done by saying them: a participle that goes on with the statement is the same statement
_SAID_ACTS = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"}


def _elaboration_of(i: int, tok: Any, events: Sequence[Event], by_token: dict[int, int]) -> int | None:
    """The statement a participle clause goes on with ("reiterated calls for talks, vowing not to resume
    them without ...", "condemned the raid, calling it a crime"): what the speaker says in the same breath
    is that statement, not a second one. The participle has no subject of its own; the statement is the
    verb it hangs on, or that verb's object ("reiterated calls", "issued a warning")."""
    if events[i].type not in _SAID_ACTS or tok.tag_ != "VBG" or tok.dep_ != "advcl":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
        return None  # "while police were firing": a clause of its own
    head = tok.head
    for cand in [head] + [c for c in head.children if c.dep_ == "dobj"]:
        k = by_token.get(cand.i)
        if k is not None and k != i and events[k].type in _SAID_ACTS:
            return k
    return None


# Verbs that count one act's toll or share its doing: coordinated with it they tell the same act
_ONE_ACT_VERBS = {"kill", "wound", "injure", "hurt", "die", "attack", "storm", "raid", "fire", "shoot", "beat", "detain", "arrest", "hold"}


def coordinated_acts(a: Event, b: Event, doc: Any) -> bool:
    """Two verbs of one type coordinated in one sentence, each with an object of its own ("police shut
    down eight events and arrested 20 people"): two acts told together, not one told twice. (Violence
    stays one: "stormed the village and killed five" is one attack; "arrested and detained" has one object.)"""
    if doc is None or a.trigger is None or b.trigger is None or a.sentence != b.sentence or a.type == "ASSAULT":
        return False
    ta, tb = _token(a, doc), _token(b, doc)
    if ta is None or tb is None or ta.pos_ != "VERB" or tb.pos_ != "VERB" or ta.lemma_ == tb.lemma_:
        return False
    if not ((tb.dep_ == "conj" and tb.head.i == ta.i) or (ta.dep_ == "conj" and ta.head.i == tb.i)):
        return False
    if {ta.lemma_.lower(), tb.lemma_.lower()} <= _ONE_ACT_VERBS:
        return False
    objects = [[c for c in t.children if c.dep_ in ("dobj", "obj")] for t in (ta, tb)]
    return all(objects)


def _token(event: Event, doc: Any) -> Any:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


# Acts that put down a protest: ACLED codes a protest met with force as one event
_REPRESSION = {"ASSAULT", "COERCE"}


def _repression_of(i: int, tok: Any, events: Sequence[Event], by_token: dict[int, int]) -> int | None:
    """The act of force a protest passage is the target of, in its own sentence: "protests that were
    smashed by police", "a rally broken up by troops", "police dispersed the march". One happening:
    the protest and its putting down."""
    if events[i].type != "PROTEST":
        return None
    status = (events[i].negated, events[i].hypothetical)

    def repression(k: int | None) -> int | None:
        if k is None or k == i or events[k].type not in _REPRESSION:
            return None
        return k if (events[k].negated, events[k].hypothetical) == status else None

    # "protests that were smashed by police", "a rally broken up by troops": a clause on the protest noun
    for c in tok.children:
        if c.dep_ in ("relcl", "acl") and c.i in by_token and (
                c.tag_ == "VBN" or any(g.dep_ == "nsubjpass" for g in c.children)):
            found = repression(by_token[c.i])
            if found is not None:
                return found
    # "police dispersed the march", "the march was broken up"
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in by_token:
        return repression(by_token[tok.head.i])
    return None


# Prepositions that bring in what someone is accused of: "accused him of fraud", "charged with"
_CHARGE_PREPS = {"of", "with", "for", "over"}


def _charge_of(i: int, tok: Any, events: Sequence[Event], by_token: dict[int, int]) -> int | None:
    """The accusation whose charge holds this act ("accused him of violating the law by offering support"):
    what someone is accused of is the accusation's content, not an act the article reports."""
    cur = tok
    via = None
    for _ in range(6):
        if cur.head.i == cur.i or cur.dep_ not in ("pcomp", "pobj", "prep", "dobj", "xcomp", "conj", "acl"):
            return None
        if cur.dep_ == "prep":
            via = cur.lower_
        cur = cur.head
        k = by_token.get(cur.i)
        if k is not None and k != i:
            charged = via in _CHARGE_PREPS or via == "by" and _has_charge(cur)
            if events[k].type == "ACCUSE" and charged and \
                    (events[k].negated, events[k].hypothetical) == (events[i].negated, events[i].hypothetical):
                return k
            return None  # another act is nearer: the detail is its own
    return None


def _has_charge(accusation: Any) -> bool:
    """Does the accusation say what it charges ("accused the governor of ...")? Then a "by ..." phrase the
    parser hung on the accusing verb ("by offering jobs") tells how the charged deed was done."""
    holders = [accusation] + [c for c in accusation.children if c.dep_ == "dobj"]
    return any(c.dep_ == "prep" and c.lower_ in _CHARGE_PREPS for h in holders for c in h.children)


def _aspect_of(tok: Any, by_token: dict[int, int]) -> int | None:
    """The act an aspect verb is about: its subject ("the fighting ended"), or what its subject
    measures ("three days of fighting ended")."""
    for subject in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.i in by_token:
            return by_token[subject.i]
        for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (g for g in prep.children if g.dep_ == "pobj" and g.i in by_token):
                return by_token[obj.i]
    return None


def _detail_of(tok: Any, by_token: dict[int, int]) -> int | None:
    """The event whose trigger this token hangs on as an object or a prepositional detail."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in _DETAIL_LINKS or cur.head.i == cur.i:
            return None  # a subject, a clause of its own, a coordinated act: not a detail
        if cur.dep_ == "prep" and cur.lower_ in _SEPARATE_PREPS:
            return None
        cur = cur.head
        if cur.i in by_token:
            return by_token[cur.i]
    return None
