"""`find_roles`: the actor and recipient of one event, from its trigger (the search is
described in the package docstring)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.events.participants.actor_search import ActorSearch
from chronicle.events.participants.fill import SAID_TYPES, fill_roles
from chronicle.events.participants.mentions import SentenceMentions, mention_ref
from chronicle.events.participants.place_search import PlaceRecipientSearch
from chronicle.events.participants.recipient_search import RecipientSearch
from chronicle.events.participants.syntax import is_passive, nominal_refs, outermost
from chronicle.events.participants.words import (
    DEATH_VERBS, DIRECTED, LATE_LOCATION, PASSIVE_SUBJECT_DEPS, RECIPROCAL, REQUIRES_RECIPIENT,
    STATE_ACTS, SUBJECT_DEPS, TOPIC_VERBS, TWO_SIDED, TYPE_ALIASES,
)
from chronicle.record import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from chronicle.stage import Annotations


class Roles(ActorSearch, RecipientSearch, PlaceRecipientSearch):
    """The actor and recipient of one event, found from its trigger: `run(trigger)` fills
    `actor` and `recipient`."""

    def __init__(self, ann, mentions: SentenceMentions, event_type: str):
        self.ann = ann
        self.mentions = mentions
        self.type = TYPE_ALIASES.get(event_type, event_type) if event_type else ""
        self.actor: list[ActorRef] = []
        self.recipient: list[ActorRef] = []
        self.ordered: list[ActorRef] = []
        # set when the trigger's object is a pronoun no mention covers: no fallback search then
        self.recipient_slot_unresolved = False
        # actors of the other side of a fight split from a coordinated subject ("X and Y clashed")
        self.other_sides: set[int] = set()
        self._location_cache: dict[int, list] = {}

    def refs(self, tok, role=None) -> list[ActorRef]:
        return nominal_refs(self.ann, self.mentions, tok, role)

    def run(self, trigger: "Token") -> None:
        is_verb = trigger.pos_ in ("VERB", "AUX") or (trigger.pos_ == "ADJ" and trigger.dep_ in ("ROOT", "xcomp", "ccomp", "acomp"))
        if not is_verb and trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN" and trigger.head.i > trigger.i \
                and not self.mentions.at(trigger):
            # "a telephone campaign by X targeted Y": the phrase's arguments hang on its head noun
            trigger = trigger.head
        if is_verb and trigger.lemma_.lower() in DEATH_VERBS:
            # "a prisoner died in police custody": the one who died is acted on
            self.recipient = self.subject_of(trigger)
            self.actor = self.custodians(trigger)
            self.tidy(trigger)
            return
        if is_verb:
            self.actor = self.subject_of(trigger)
            if self.actor and trigger.pos_ == "ADJ" and trigger.dep_ == "acomp" and self.type in SAID_TYPES:
                # "the return of the Heights is not negotiable": the copula's subject is
                # what is refused, unless it names a party itself ("Valdoria is opposed")
                subjects = [c for c in trigger.head.children if c.dep_ in SUBJECT_DEPS]
                if subjects and subjects[0].pos_ in ("NOUN", "PROPN") and not self.mentions.at(subjects[0]):
                    self.actor = []
            self.verb_orderers(trigger)
            if self.type == "CONSULT" and trigger.lemma_.lower() in TOPIC_VERBS:
                # "sent his minister to Khartoum to discuss the crisis over X": the host, not the topic
                self.recipient = self.destination_recipients(trigger)
            if not self.recipient:
                self.recipient = self.verb_recipients(trigger)
            if not self.recipient and not self.recipient_slot_unresolved:
                self.recipient = self.complement_recipients(trigger)
            if not self.recipient and self.type == "THREATEN":
                self.recipient = self.condition_recipients(trigger)
            if not self.recipient and not self.recipient_slot_unresolved:
                self.recipient = self.counterpart_recipients(trigger)
            if not self.recipient and not self.recipient_slot_unresolved:
                self.recipient = self.destination_recipients(trigger)
            if not self.recipient and self.type and self.type not in LATE_LOCATION and not self.recipient_slot_unresolved:
                self.recipient = self.location_recipients(trigger)
            if not self.recipient and self.type in DIRECTED and not self.recipient_slot_unresolved:
                self.recipient = self.clause_recipients(trigger)
            if not self.recipient and not self.recipient_slot_unresolved:
                # "donated and delivered goods to X", "arrested and beat X": a verb joined to
                # the trigger that shares its subject carries the object they share
                actor_ids = {r.actor for r in self.actor}
                for conj in (c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"
                             and not any(g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for g in c.children)):
                    self.recipient = [r for r in self.verb_recipients(conj) if r.actor not in actor_ids]
                    if self.recipient:
                        break
            if not self.recipient and self.type in LATE_LOCATION and not self.recipient_slot_unresolved:
                self.recipient = self.demand_recipients(trigger) or self.location_recipients(trigger)
            if not self.recipient and self.type and not self.recipient_slot_unresolved:
                self.recipient = self.place_recipients(trigger)
        else:
            self.actor = self.noun_head_actor(trigger)
            self.recipient = self.noun_recipients(trigger)
            if not self.actor:
                # "the massacre in Camp X, where 52 members were killed by the forces"
                clause = self.describing_clause(trigger)
                if clause is not None:
                    self.actor = self.subject_of(clause)
                    self.verb_orderers(clause)
                    if not self.recipient:
                        self.recipient = self.verb_recipients(clause)
            if not self.recipient:
                self.recipient = self.counterpart_recipients(trigger)
            if not self.recipient:
                self.recipient = self.destination_recipients(trigger)
            if not self.recipient and self.type and self.type not in LATE_LOCATION:
                self.recipient = self.location_recipients(trigger)
            if not self.recipient and self.type in DIRECTED:
                verb, _ = self.governing_verb(trigger)
                self.recipient = self.clause_recipients(verb if verb is not None else trigger)
            if not self.recipient and self.type in LATE_LOCATION:
                self.recipient = self.demand_recipients(trigger) or self.location_recipients(trigger)
            if not self.recipient and self.type:
                self.recipient = self.place_recipients(trigger)
            if not self.actor:
                own = self.mentions.at(trigger)
                if own:  # "Protesters gathered": the trigger word names the actor
                    self.actor = [mention_ref(self.ann, m) for m in outermost(own)]
                    self.recipient = [r for r in self.recipient if (r.start, r.end) != (self.actor[0].start, self.actor[0].end)]
        if not self.actor and self.type in STATE_ACTS and (not is_verb or is_passive(trigger)):
            # "was arrested in Lebanon", "put under investigation in Italy": with no agent
            # named, the state where it was done did it
            self.actor = [r for r in self.location_recipients(trigger) if r.actor not in {x.actor for x in self.recipient}]
        self.two_sided(trigger)
        self.tidy(trigger)

    def two_sided(self, trigger: "Token") -> None:
        """Reciprocal events and two-sided fights: "X clashed with Y", "X and Y clashed",
        "X and Y met", "talks between X and Y": X -> Y."""
        # "clashes between X and Y", also where the phrase hangs on the verb the trigger
        # is the subject of ("clashes broke out between X and Y")
        holders = [trigger] + ([trigger.head] if trigger.dep_ in SUBJECT_DEPS and trigger.head.pos_ == "VERB" else [])
        between = any(c.dep_ == "prep" and c.lower_ == "between" for h in holders for c in h.children)
        fight = self.type == "ASSAULT" and trigger.lemma_.lower() in TWO_SIDED
        if not fight and self.type not in RECIPROCAL:
            return
        # Two sides written together are coded one way, as PLOVER codes every event (and
        # as ACLED's actor1/actor2 map onto actor/recipient): the side the verb makes its
        # subject acts on the other ("X clashed with Y", "X fought running battles with
        # police", "X met Y", "X hosted Y": CAMEO 036/040/042/043); where the text names
        # no initiator ("X and Y clashed", "clashes between X and Y", "X and Y met",
        # "a meeting between X and Y", "X and Y agreed to ...") the first named side is
        # the actor and the others are the recipient.
        if fight and not self.recipient and len(self.actor) == 1:
            self.actor = self.actor + self._coordinated_modifiers(self.actor[0])
        if not self.recipient and len(self.actor) > 1:
            sides = sorted(self.actor, key=lambda r: r.start)
            self.actor, self.recipient = sides[:1], sides[1:]
            # the other side is written inside the subject phrase: it is no description of the actor
            self.other_sides = {r.actor for r in self.recipient}
        elif not self.actor and self.recipient and between:
            sides = sorted(self.recipient, key=lambda r: r.start)
            self.actor, self.recipient = sides[:1], sides[1:]

    def _coordinated_modifiers(self, ref: ActorRef) -> list[ActorRef]:
        """Other actors named by coordinated words inside the phrase `ref` heads ("Hamas and
        Fatah gunmen clashed", and the parser's "Miners and security guards" read as one
        noun with "Miners and security" before it): the sides of a fight written together."""
        span = self.ann.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return []
        head = span.root
        out: list[ActorRef] = []
        seen = {ref.actor}
        for tok in head.subtree:
            if tok.dep_ != "conj" or tok.head.i == head.i:
                continue
            for t in (tok.head, tok):
                for m in outermost(self.mentions.at(t)):
                    if m[2] not in seen:
                        seen.add(m[2])
                        out.append(mention_ref(self.ann, m))
        return out

    def _actor_phrases(self, actor: list[ActorRef], trigger: "Token") -> list[tuple[int, int]]:
        """Character ranges of the subject phrases the actors head ("The UN envoy for Syria,
        X,"): what they hold names who the actor is, not who is acted on. A phrase that holds
        the trigger ("Palestinian riots against Israeli policies") is the event's own."""
        doc = self.ann.doc
        out = []
        for r in actor:
            span = doc.char_span(r.start, r.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            tok = span.root
            for _ in range(3):  # up through the name's own nouns to the subject slot
                if tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or tok.head.i == tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
                    break
                tok = tok.head
            lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
            if tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and not lo <= trigger.idx < hi:
                out.append((lo, hi))
        return out

    def _credited_source(self, r: ActorRef) -> bool:
        """A news agency credited in brackets ("BEIRUT (AP) --") reports the story; it is no party."""
        text = self.ann.text
        return text[max(0, r.start - 1):r.start] == "(" and text[r.end:r.end + 1] == ")" \
            and self.ann.actors[r.actor].sector == "JRN"

    def tidy(self, trigger: "Token") -> None:
        seen: set[int] = set()
        actor = []
        for r in self.actor:
            if r.actor not in seen:
                seen.add(r.actor)
                actor.append(r)
        recipient = []
        rseen: set[int] = set()
        inside = self._actor_phrases(actor, trigger) if self.recipient else []
        for r in self.recipient:
            if r.actor in seen or r.actor in rseen or self._credited_source(r):
                continue
            if r.actor not in self.other_sides and any(lo <= r.start and r.end <= hi for lo, hi in inside):
                continue  # "the UN envoy for Syria condemned ...": Syria describes the actor
            rseen.add(r.actor)
            recipient.append(r)
        for r in self.ordered:
            if r.actor not in seen:
                seen.add(r.actor)
                r.role = "ordered"
                actor.append(r)
        self.actor, self.recipient = actor, recipient


def requires_recipient(event_type: str) -> bool:
    """PLOVER's "Requires recipient" for a type (older GSR names accepted)."""
    return REQUIRES_RECIPIENT.get(TYPE_ALIASES.get(event_type, event_type), False)


def find_roles(ann: "Annotations", sent: "SpacySpan", trigger: "Token", event_type: str) -> tuple[list[ActorRef], list[ActorRef]]:
    """(actor, recipient) of the event whose trigger is `trigger` in `sent`.

    Direct agents come first in the actor list; a party that ordered the act
    follows them with `role="ordered"`.
    """
    if not ann.actors:
        return [], []
    if trigger.dep_ == "neg" and trigger.head.i != trigger.i:
        # "not negotiable": the negation stands for the predicate it negates
        head = trigger.head
        trigger = next((c for c in head.children if c.dep_ == "acomp"), head)
    mentions = SentenceMentions(ann, sent)
    if not mentions:
        # no actor named in the sentence: the one before may name who did it
        return fill_roles(ann, sent, trigger, event_type, [], [])
    roles = Roles(ann, mentions, event_type)
    roles.run(trigger)
    if roles.recipient_slot_unresolved:
        return roles.actor, roles.recipient
    return fill_roles(ann, sent, trigger, event_type, roles.actor, roles.recipient)
