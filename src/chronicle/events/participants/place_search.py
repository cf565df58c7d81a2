"""The recipient named by where the act is done (see the package docstring)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.events.participants.mentions import country_of_place, place_index
from chronicle.events.participants.syntax import core_tokens, pobj_of
from chronicle.events.participants.words import (
    LOCATIVE_PREPS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, PLACE_NOUNS, SUBJECT_DEPS, TRAVEL_VERBS, VISIT_VERBS,
    WHERE_NOUNS,
)
from chronicle.record import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from chronicle.stage import Annotations


class PlaceRecipientSearch:
    """The recipient named where the act is done (CAMEO's convention, which the PLOVER gold
    follows): an actor in a locative phrase, else the state of a resolved place.

    A mixin of `Roles` (roles.py)."""

    def _location_objects(self, trigger: "Token") -> list["Token"]:
        """The places where the act is done, nearest clause first: "in/into/inside X" on the
        trigger, its complements, its objects and prepositional objects ("fired shells at
        targets in X", "remained on alert in X"), and for a noun trigger the verb it is an
        argument of ("held talks in X")."""
        cached = self._location_cache.get(trigger.i)
        if cached is not None:
            return cached
        nodes = [trigger] + self._complements(trigger)
        # "established ties with and opened an embassy in X": verbs joined to the trigger
        nodes += [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"
                  and not any(g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for g in c.children)]
        if trigger.pos_ not in ("VERB", "AUX"):
            verb, _ = self.governing_verb(trigger)
            if verb is not None and verb.i != trigger.i:
                nodes.append(verb)
        out: list["Token"] = []
        for node in nodes:
            holders = [node] + [c for c in node.children if c.dep_ in OBJECT_DEPS]
            holders += [p for c in node.children if c.dep_ == "prep" and c.lower_ not in ("by", "of") for p in [pobj_of(c)] if p is not None]
            for h in holders:
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS:
                        p = pobj_of(c)
                        if p is not None and p.i not in {o.i for o in out} and self._is_place_phrase(p):
                            out.append(p)
        self._location_cache[trigger.i] = out
        return out

    def _is_place_phrase(self, noun: "Token") -> bool:
        """A name or a noun of place: "in Abidjan", "in the capital city of X", not "in
        exchange for X" or "in response to X"."""
        places = place_index(self.ann)

        def named(tok: "Token") -> bool:
            return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.i in places

        if named(noun) or noun.lemma_.lower() in PLACE_NOUNS or noun.lemma_.lower() in WHERE_NOUNS:
            return True
        # "a Bangui courtroom", "the archipelago of Kiribati"
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "nmod", "poss") and named(c):
                return True
            if c.dep_ == "prep" and c.lower_ == "of":
                p = pobj_of(c)
                if p is not None and named(p):
                    return True
        return False

    def location_recipients(self, trigger: "Token") -> list[ActorRef]:
        """CAMEO-style: the actor named where the act is done to ("lifted the curfew in
        Montenegro", "will evacuate settlements in Gaza")."""
        actor_ids = {r.actor for r in self.actor}
        for p in self._location_objects(trigger):
            refs = [r for r in self.refs(p) if r.actor not in actor_ids]
            if refs:
                return refs
        return []

    def place_recipients(self, trigger: "Token") -> list[ActorRef]:
        """Last resort: the state of a resolved place where the act is done when no actor is
        named there ("imposed a curfew in Abidjan" -> Ivory Coast; see country_of_place).
        A meeting's place is only where it was held; a visit's is its host."""
        places = place_index(self.ann)
        if not places or (self.type == "CONSULT" and trigger.lemma_.lower() not in VISIT_VERBS):
            return []
        # and, last, the place of what happens at the same time: "imposed martial law as
        # battles raged in X"
        meanwhile = [c for c in trigger.children if c.dep_ == "advcl"
                     and any(g.dep_ == "mark" and g.lower_ in ("as", "while", "when") for g in c.children)]
        for p in self._location_objects(trigger) + [q for c in meanwhile for q in self._location_objects(c)]:
            core, of_part = core_tokens(p)
            for tok in sorted(core, key=lambda t: t.i) + of_part:
                place = places.get(tok.i)
                if place is None:
                    continue
                ref = country_of_place(self.ann, place)
                if ref is None:
                    break
                return [] if ref.actor in {r.actor for r in self.actor} else [ref]
        return []

    def destination_recipients(self, trigger: "Token") -> list[ActorRef]:
        """A meeting someone travelled or was sent to hold is with the host: "dispatched his
        ministers to Khartoum to discuss the crisis", "flew to Moscow for talks" -> the actor
        named at the destination ("Khartoum" as the government), else its state. What is
        discussed is a topic, not the other party."""
        if self.type != "CONSULT":
            return []
        head = trigger
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "for":
            head = trigger.head  # "flew to Moscow for talks"
        if head.dep_ not in ("xcomp", "advcl", "prep") or head.head.lemma_.lower() not in TRAVEL_VERBS:
            return []
        verb = head.head
        places = place_index(self.ann)
        actor_ids = {r.actor for r in self.actor}
        holders = [verb] + [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        for h in holders:
            for c in h.children:
                if c.dep_ not in ("prep", "dative") or c.lower_ not in ("to", "for"):
                    continue
                p = pobj_of(c)
                if p is None or not self._is_place_phrase(p):
                    continue
                refs = [r for r in self.refs(p) if r.actor not in actor_ids]
                if refs:
                    return refs
                core, of_part = core_tokens(p)
                for tok in sorted(core, key=lambda t: t.i) + of_part:
                    place = places.get(tok.i)
                    if place is not None:
                        ref = country_of_place(self.ann, place)
                        return [] if ref is None or ref.actor in actor_ids else [ref]
        return []

