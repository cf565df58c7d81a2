"""Empty roles filled from the text around the trigger, after the parse search found no one.

The parse search (`Roles.run`) reads the trigger's own arguments. Real articles often
leave them implicit: "Helicopter gunships fired on the positions" after "Police and
troops attacked militants ...", "the concession came as protesters ...", a passive with
no agent. An analyst then reads the actor from the same sentence, else from the sentence
before; never from the article's focus country, its dateline or a country named
elsewhere. This module does that, in this order:

actor
    1. for a verb trigger with no agent, the subject of a verb above it in the same
       sentence ("the army launched an operation in which ten militants were killed");
       the subject of a speech verb only for acts of state (arrests, bans, charges) and
       only when it is a state body ("the Interior Ministry said ten people had been
       arrested"): who reports an attack is not who did it ("He did not give a motive for
       the attack", "the minister condemned the attack");
    1b. for an act done by saying it (a demand, accusation, refusal, threat, support or
       promise) inside a quotation, the quotation's speaker as the actors stage found it
       ('"It is an issue that needs to be addressed," X said'; ann.notes
       "quotation_speakers"); an attack told in a quotation is not the speaker's;
    2. an actor named elsewhere in the sentence, nearest the trigger (before it first),
       that is not a speaker, not the recipient, not named as the place of something
       ("in Georgia") and not a subject of a verb the trigger hangs from (as in 1);
    3. the actor that is subject of the previous sentence's main clause, when that
       clause is not reported speech.
    For a protest, a state body found this way is not taken: it is what protests are
    aimed at ("Lawmakers passed a bill. Hundreds rallied to oppose it").
recipient (only when an actor is known)
    the nearest actor named in the sentence, after the trigger first, that is not the
    actor, not a speaker and not part of the actor's own phrase; for a protest, only a
    state body (PLOVER: protest is directed at the authorities); for a concession, the
    subject of a side clause on its verb ("the concession came as protesters ... were
    traveling", "lifted the ban after farmers had blocked the road"); for an act aimed at
    someone (DIRECTED types) with no one else in the sentence, the first other actor of
    the previous sentence's main clause; for a protest still without one, the state of
    the place its own sentence locates it at (never the dateline's or the focus's).
The subject of a clause joined to the trigger's by "and" is that clause's party, never
this event's ("Rival clans clashed in the market and gunmen fired on a bus").

Every fill is an actor mention the text holds: nothing is taken from words that no
actor covers. A filled ActorRef has `inferred=True`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.events.location import locate_event
from chronicle.events.participants.mentions import country_of_place, mention_ref, place_index, token_index
from chronicle.events.participants.syntax import is_passive, outermost
from chronicle.events.participants.words import (
    DIRECTED, LATE_LOCATION, PASSIVE_SUBJECT_DEPS, PLACE_NOUNS, PRETEXT_NOUNS, REPORTING_VERBS, STATE_ACTS, SUBJECT_DEPS,
    TYPE_ALIASES, WHERE_NOUNS,
)
from chronicle.record import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from chronicle.stage import Annotations

# verbs whose subject reports, judges or reacts to an act rather than doing it
SPEECH_VERBS = REPORTING_VERBS | {
    "warn", "note", "explain", "stress", "suggest", "describe", "deny", "acknowledge", "admit", "give",
    "condemn", "denounce", "criticize", "criticise", "blame", "welcome", "praise", "call", "believe",
    "think", "write", "quote", "cite", "tell", "accuse", "estimate", "predict", "fear", "hope", "expect",
    "urge", "ask", "reply", "respond", "argue", "recall", "mourn", "investigate", "probe", "mark",
}
# prepositions whose object is where something is, not who does it
PLACE_PREPS = {"past", "beyond", "behind", "in", "at", "near", "into", "inside", "across", "throughout", "outside", "from", "to", "around",
               "towards", "toward", "off", "along", "within", "through"}
# nouns whose object is traded or pretended, not a party ("in exchange for", "under the pretext of")
ASIDE_NOUNS = PRETEXT_NOUNS | {"exchange"}
# acts done by saying them: in a quotation with no subject of their own they are the speaker's
SAID_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE"}
# verbs whose subject takes in what its clause says rather than saying it
KNOWING_VERBS = {"understand", "know", "realize", "realise", "recognize", "recognise", "learn", "see", "hear"}
# acts that yield to pressure: the ones pressing may be named only in a side clause
YIELDING = {"CONCEDE"}
# sectors that act for a state: their report of an arrest or a ban is their own act
STATE_SECTORS = {"GOV", "COP", "MIL", "JUD", "SPY", "LEG", "IGO"}  # IGO: the UN's, the EU's organs


def fill_roles(ann: "Annotations", sent: "SpacySpan", trigger: "Token", event_type: str,
               actor: list[ActorRef], recipient: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """(actor, recipient) with an empty side filled from the sentence or the one before."""
    kind = TYPE_ALIASES.get(event_type, event_type) if event_type else ""
    taken = {r.actor for r in actor} | {r.actor for r in recipient}
    found = {id(r) for r in actor + recipient}  # what the parse search found itself
    if not actor:
        # the subject of a verb above the trigger first: "X's delegation \"was instructed to
        # reach agreements\"" quotes a fragment of the writer's own sentence
        actor = (_ancestor_subject(ann, sent, trigger, kind, taken)
                 or (_quotation_speaker(ann, sent, trigger, taken) if kind in SAID_TYPES else [])
                 or _nearest(ann, sent, trigger, taken, before_first=True)
                 or _previous_subject(ann, sent, taken))
        if kind in LATE_LOCATION and actor and ann.actors[actor[0].actor].sector in STATE_SECTORS:
            # "Lawmakers passed a bill. Hundreds rallied to oppose it": the authorities a
            # protest is aimed at are not its protesters
            actor = []
    if actor and not recipient:
        taken = {r.actor for r in actor}
        inside = _phrases(ann, actor)
        recipient = [r for r in _nearest(ann, sent, trigger, taken, before_first=False)
                     if not any(lo <= r.start and r.end <= hi for lo, hi in inside)
                     # a protest is directed at the authorities (PLOVER): no one else is its target
                     and (kind not in LATE_LOCATION or ann.actors[r.actor].sector in STATE_SECTORS)][:1]
        if not recipient and kind in YIELDING:
            # a concession yields to those pressing for it, often named only in the
            # circumstances: "the concession came as protesters ... were traveling to the
            # capital", "lifted the ban after farmers had blocked the highway": the subject
            # of a side clause (never of a clause joined by "and", which tells its own event)
            recipient = [r for r in _side_clause_subjects(ann, sent, trigger, taken)
                         if not any(lo <= r.start and r.end <= hi for lo, hi in inside)][:1]
        if not recipient and kind in DIRECTED:
            recipient = _previous_party(ann, sent, taken)
        if not recipient and kind in LATE_LOCATION:
            recipient = _protest_state(ann, sent, trigger, taken)
    for r in actor + recipient:
        if id(r) not in found:
            r.inferred = True
    return actor, recipient


def _quotation_speaker(ann, sent, trigger, taken) -> list[ActorRef]:
    """The speaker of the quotation the trigger stands in ('"This must be addressed," X said'):
    a demand, accusation, refusal, threat or promise stated in a quotation with no subject
    of its own is the speaker's. Only a quotation that opens the trigger's sentence (or an
    earlier one): a fragment quoted inside the writer's own sentence ('X's delegation "was
    told to reach agreements"') belongs to that sentence. The speaker's mention nearest the
    quotation stands for it."""
    for qs, qe, k in ann.notes.get("quotation_speakers") or ():
        if qs > trigger.idx:
            break
        if trigger.idx < qe and qs <= sent.start_char + 1 and 0 <= k < len(ann.actors) and k not in taken:
            mentions = ann.actors[k].mentions
            if not mentions:
                return []
            m = min(mentions, key=lambda m: min(abs(m.start - qe), abs(m.end - qs)))
            return [ActorRef(actor=k, text=m.text, start=m.start, end=m.end)]
    return []


def _mentions_of(ann: "Annotations", sent: "SpacySpan") -> list[tuple[int, int, int]]:
    by_token = token_index(ann)
    found = [m for i in range(sent.start, sent.end) for m in by_token.get(i, [])]
    return outermost(found)


def _root_of(ann: "Annotations", mention: tuple[int, int, int]) -> "Token | None":
    span = ann.doc.char_span(mention[0], mention[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _is_speaker(tok: "Token") -> bool:
    return tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in SPEECH_VERBS


def _is_aside(ann: "Annotations", tok: "Token", trigger: "Token") -> bool:
    """A mention that names where, a pretext or another clause's party, not a party to this
    event: "in Georgia", "traveling to Islamabad", "in exchange for soldiers held by X",
    "under the pretext of fighting X", "after a court cleared him in X's biggest trial",
    "a greater threat than X".
    Read on the path up from the mention to the trigger's clause."""
    stop = {a.i for a in trigger.ancestors} | {trigger.i}
    places = place_index(ann)
    t = tok
    while t.head.i != t.i and t.i not in stop:
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in PLACE_PREPS and (
                t.i in places or t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in PLACE_NOUNS | WHERE_NOUNS):
            return True
        if t.lemma_.lower() in ASIDE_NOUNS:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "than":
            return True  # "posed a greater threat to the country than Russia": a yardstick, no party
        if t.i != tok.i and (t.dep_ in ("advcl", "relcl") or t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")) \
                and any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in t.children):
            # a side clause, or a clause joined by "and", with its own subject is another event
            return True
        t = t.head
    return False


def _side_clause_subjects(ann, sent, trigger, taken) -> list[ActorRef]:
    """Actors that are the subject of a side clause ("as X were traveling", "after X had
    marched") on the trigger's verb or on the verb the trigger noun depends on, nearest
    the trigger first; not a speaker, not a place."""
    verb = trigger
    for _ in range(3):  # "The concession came as ...": from the noun up to its verb
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    by_token = token_index(ann)
    found = []
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        for subj in (c for c in clause.children if c.dep_ in SUBJECT_DEPS):
            own = [m for t in subj.subtree for m in by_token.get(t.i, []) if m[2] not in taken]
            own = [m for m in own if (root := _root_of(ann, m)) is not None and not _is_aside(ann, root, subj)]
            if own:
                found.append((abs(subj.i - trigger.i), outermost(own)[0]))
    return [mention_ref(ann, m) for _, m in sorted(found, key=lambda f: f[0])]


def _ancestor_subjects(trigger: "Token") -> list["Token"]:
    """Subjects of the verbs above the trigger in its sentence, nearest first."""
    out = []
    tok = trigger
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            out.extend(c for c in tok.children if c.dep_ in SUBJECT_DEPS)
    return out


def _ancestor_subject(ann, sent, trigger, kind, taken) -> list[ActorRef]:
    # an act done by saying it, told as a predicate with no agent of its own ("Assad
    # argued that the return of the Heights is not negotiable", "X said the offer was
    # unacceptable"): the one who said it did it
    said = kind in SAID_TYPES and trigger.pos_ == "ADJ" and not is_passive(trigger)
    if trigger.pos_ not in ("VERB", "AUX") and not said:
        return []
    # "protesters held pictures of those slain": the people a participle describes were acted on, and
    # who acts in the clause above them did not do it; only a state act may be the state's above
    # ("the premier ordered all activists arrested last week freed")
    described = trigger.dep_ in ("acl", "amod") and trigger.tag_ == "VBN" and trigger.head.pos_ in ("NOUN", "PRON", "PROPN")
    by_token = token_index(ann)
    for subj in _ancestor_subjects(trigger):
        own = [m for m in by_token.get(subj.i, []) if m[2] not in taken]
        if said and subj.head.lemma_.lower() in KNOWING_VERBS:
            continue  # "X understands that Y is not negotiable": X is told, not telling
        if not own:
            continue
        if described and not (kind in STATE_ACTS and ann.actors[own[0][2]].sector in STATE_SECTORS):
            return []
        if said and _is_speaker(subj):
            return [mention_ref(ann, m) for m in outermost(own)][:1]
        if _is_speaker(subj):
            actor = ann.actors[own[0][2]]
            if not (kind in STATE_ACTS and actor.sector in STATE_SECTORS):
                return []  # who reports it did not do it: no one else from this clause either
        return [mention_ref(ann, m) for m in outermost(own)][:1]
    return []


def _nearest(ann, sent, trigger, taken, before_first: bool) -> list[ActorRef]:
    """The mention nearest the trigger that can be a party to the event."""
    # subjects of the verbs above the trigger, with their conjuncts ("rights groups and
    # reporters revealed details of the killings")
    blocked = {t.i for s in _ancestor_subjects(trigger) for t in s.subtree}
    cands = []
    for m in _mentions_of(ann, sent):
        if m[2] in taken:
            continue
        root = _root_of(ann, m)
        if root is None or root.i == trigger.i or _is_speaker(root) or _is_aside(ann, root, trigger) or root.i in blocked:
            continue
        if ann.text[max(0, m[0] - 1):m[0]] == "(" and ann.text[m[1]:m[1] + 1] == ")":
            continue  # a label in brackets ("BEIRUT (AP) --", "the Islamic State (IS)") is no party
        side = root.i < trigger.i if before_first else root.i > trigger.i
        cands.append((0 if side else 1, abs(root.i - trigger.i), m))
    if not cands:
        return []
    cands.sort(key=lambda c: (c[0], c[1], c[2][0]))
    return [mention_ref(ann, cands[0][2])]


def _previous_main_verb(ann, sent):
    """The root of the previous sentence's main clause; None at the article's start or when
    that clause is speech (what a speaker said names no party of this event)."""
    if sent.start == 0:
        return None
    root = ann.doc[sent.start - 1].sent.root
    return None if root.lemma_.lower() in SPEECH_VERBS else root


def _previous_subject(ann, sent, taken) -> list[ActorRef]:
    """The subject actor of the previous sentence's main clause, unless that clause is speech."""
    root = _previous_main_verb(ann, sent)
    if root is None:
        return []
    by_token = token_index(ann)
    for c in root.children:
        if c.dep_ in SUBJECT_DEPS:
            own = [m for t in c.subtree for m in by_token.get(t.i, []) if m[2] not in taken]
            if own:
                return [mention_ref(ann, outermost(own)[0])]
    return []


def _previous_party(ann, sent, taken) -> list[ActorRef]:
    """For an act aimed at someone ("Egypt seeks peace" after a sentence on Sudan): the
    first actor of the previous sentence's main clause (subject or object) other than the
    event's actor, when that clause is not reported speech."""
    root = _previous_main_verb(ann, sent)
    if root is None:
        return []
    by_token = token_index(ann)
    for c in root.children:
        if c.dep_ in SUBJECT_DEPS or c.dep_ in ("dobj", "dative", "nsubjpass") or (
                c.dep_ == "prep" and c.lower_ not in PLACE_PREPS):
            own = [m for t in c.subtree for m in by_token.get(t.i, []) if m[2] not in taken]
            own = [m for m in own if (root_tok := _root_of(ann, m)) is not None and not _is_aside(ann, root_tok, root)]
            if own:
                return [mention_ref(ann, outermost(own)[0])]
    return []


def _protest_state(ann, sent, trigger, taken) -> list[ActorRef]:
    """A protest with no stated target is directed at the authorities where it happens
    (PLOVER; the CAMEO-coded gold codes the state): the state of the place the event is
    located at, when the sentence itself names that place ("protesters were traveling to
    Islamabad to join the sit-in"); never a place read from the dateline or the article's
    focus alone."""
    index, circle = locate_event(ann, sent, trigger)
    if index is None or circle not in ("clause", "sentence"):
        return []
    ref = country_of_place(ann, ann.places[index])
    return [] if ref is None or ref.actor in taken else [ref]


def _phrases(ann, refs: list[ActorRef]) -> list[tuple[int, int]]:
    """Character ranges of the noun phrases the actors head ("the UN envoy for Syria")."""
    out = []
    for r in refs:
        root = _root_of(ann, (r.start, r.end, r.actor))
        if root is not None:
            out.append((root.left_edge.idx, root.right_edge.idx + len(root.right_edge)))
    return out
