"""The actor side of the role search: who did it (see the package docstring)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.events.participants.syntax import is_passive, orderers_in, pobj_of
from chronicle.events.participants.words import (
    ACTS_ON_EVENTS, INFO_NOUNS, OBJECT_CONTROL, OBJECT_DEPS, ORDER_NOUNS, ORDER_VERBS,
    PASSIVE_SUBJECT_DEPS, RAISING_PASSIVES, RECEIVE_VERBS, RELATIVE_PRONOUNS, STATIVE_PARTICIPLES,
    SUBJECT_DEPS,
)
from chronicle.record import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from chronicle.stage import Annotations


class ActorSearch:
    """Who did it: the subject, the passive agent, the one a clause hangs from, and who ordered it.

    A mixin of `Roles` (roles.py): reads `self.ann`, `self.mentions`, `self.type` and the
    recipient side's helpers through `self`."""

    def subject_of(self, verb: "Token", depth: int = 0) -> list[ActorRef]:
        """The actor of a verb: its own subject, or the one it inherits."""
        if depth > 4:
            return []
        passive = is_passive(verb)
        if passive:
            refs = self.agents(verb)
            if refs:
                return refs
            if verb.lemma_.lower() in RAISING_PASSIVES:
                # "X was quoted as saying", "X is reported to have fired": X speaks or acts
                for c in verb.children:
                    if c.dep_ in PASSIVE_SUBJECT_DEPS:
                        return self.refs(c)
        else:
            subjects = [
                c for c in verb.children
                if c.dep_ in SUBJECT_DEPS
                or (c.dep_ in PASSIVE_SUBJECT_DEPS and verb.lemma_.lower() in STATIVE_PARTICIPLES)
                # a misparsed subject left of the verb ("Qatar's emir, Sheikh Hamad launched")
                or (c.dep_ == "dep" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN"))
            ]
            # nearest first: a dateline the parser also calls a subject ("KYIV, Ukraine —
            # Russian forces shelled") is further away
            subjects.sort(key=lambda c: abs(verb.i - c.i))
            for c in subjects:
                refs = self.refs(c)
                if refs:
                    return refs
            for c in subjects:
                if c.pos_ == "PRON" and c.lower_ not in RELATIVE_PRONOUNS:
                    # "Hungary said it will support": an unresolved pronoun under a
                    # speech verb is most often its speaker
                    if verb.dep_ in ("ccomp", "xcomp") and verb.head.i != verb.i:
                        return self.subject_of(verb.head, depth + 1)
                    return []
            if any(c.lower_ not in RELATIVE_PRONOUNS for c in subjects):
                return []
            if not subjects and verb.dep_ in ("ROOT", "ccomp") and verb.tag_ != "VB":
                refs = self.preceding_subject(verb)
                if refs:
                    return refs
        head = verb.head
        dep = verb.dep_
        if head.i == verb.i:
            return []
        if dep == "xcomp" or (dep in ("advcl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            # object control reads "urged X to go": the clause follows the verb; one written
            # before it ("In a call to mark the day, X told Y that ...") is the subject's purpose
            if head.lemma_.lower() in OBJECT_CONTROL and verb.i > head.i:
                ctrl = self.controller(head)
                if ctrl:
                    if head.lemma_.lower() in ORDER_VERBS:
                        self.ordered.extend(self._as_ordered(self.subject_of(head, depth + 1)))
                    return ctrl
            return self.subject_of(head, depth + 1) if head.pos_ in ("VERB", "AUX", "ADJ") else self.noun_head_actor(head)
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            if passive and not is_passive(head):
                # "the mayor, who opposed the plan and was arrested": the subject the two
                # verbs share was acted on by the second; no agent named, no actor
                return []
            if is_passive(head) and not passive:
                # "the minister was indicted ... and will resign": the passive's subject acts
                for c in head.children:
                    if c.dep_ in PASSIVE_SUBJECT_DEPS:
                        refs = self.refs(c)
                        if refs:
                            return refs
            return self.subject_of(head, depth + 1)
        if dep in ("acomp", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
            return self.subject_of(head, depth + 1)
        if dep in ("advcl", "pcomp") and verb.tag_ == "VBG":
            anchor = head.head if dep == "pcomp" else head
            if anchor.pos_ in ("VERB", "AUX") and (not is_passive(anchor) or anchor.lemma_.lower() in RAISING_PASSIVES):
                return self.subject_of(anchor, depth + 1)
        if dep in ("relcl", "acl") and not passive:
            refs = self.refs(head)
            if not refs and dep == "acl" and head.dep_ in OBJECT_DEPS and head.head.pos_ in ("VERB", "AUX"):
                return self.subject_of(head.head, depth + 1)
            return refs
        return []

    def preceding_subject(self, verb: "Token") -> list[ActorRef]:
        """A finite verb the parser left without a subject ("..., the government and the
        rebels have agreed"): the noun phrase between the last comma and the verb."""
        doc = verb.doc
        i = verb.i - 1
        while i >= verb.sent.start and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
            i -= 1
        if i < verb.sent.start or doc[i].pos_ not in ("NOUN", "PROPN"):
            return []
        boundary = i
        while boundary > verb.sent.start and doc[boundary].text not in (",", ";", ":"):
            boundary -= 1
        node = doc[i]
        while boundary < node.head.i < verb.i and node.head.i != node.i:
            node = node.head
        if node.i <= boundary:
            return []
        return self.refs(node)

    def _as_ordered(self, refs: list[ActorRef]) -> list[ActorRef]:
        for r in refs:
            r.role = "ordered"
        return refs

    def controller(self, verb: "Token") -> list[ActorRef]:
        """The object that carries out an object-control verb's complement ("urged X to")."""
        for c in verb.children:
            if c.dep_ in ("dobj", "dative"):
                refs = self.refs(c)
                if refs:
                    return refs
            if c.dep_ == "prep" and c.lower_ in ("on", "upon") :
                p = pobj_of(c)
                if p is not None:
                    refs = self.refs(p)
                    if refs:
                        return refs
        return []

    def agents(self, verb: "Token") -> list[ActorRef]:
        """Passive agents; "by the order of X" goes to the ordering party."""
        refs: list[ActorRef] = []
        for c in verb.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                p = pobj_of(c)
                if p is None:
                    continue
                if p.lower_ in ORDER_NOUNS:
                    self.ordered.extend(orderers_in(self.ann, self.mentions, p))
                    continue
                refs.extend(self.refs(p))
                # "by the forces by order of X" misattached under the agent noun
                for g in p.children:
                    if g.dep_ == "prep" and g.lower_ in ("by", "on", "at", "under"):
                        q = pobj_of(g)
                        if q is not None and q.lower_ in ORDER_NOUNS:
                            self.ordered.extend(orderers_in(self.ann, self.mentions, q))
        if not refs:
            # "were killed during the attacks by the regime's forces": the agent of the
            # attack the victims fell in; "killed in a car bomb explosion": an unclaimed
            # means of attack the actors stage made an unidentified armed group
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "during", "amid", "under"):
                    p = pobj_of(c)
                    if p is None:
                        continue
                    for g in p.children:
                        if g.dep_ == "prep" and g.lower_ == "by":
                            q = pobj_of(g)
                            if q is not None:
                                refs.extend(self.refs(q))
                    if not refs:
                        refs.extend(r for r in self.refs(p) if self.ann.actors[r.actor].sector == "UAF")
        return refs

    def verb_orderers(self, verb: "Token") -> None:
        """"on the orders of X", "at X's behest", "under X's command" attached to the verb."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "at", "under", "upon", "following", "after"):
                p = pobj_of(c)
                if p is not None and p.lower_ in ORDER_NOUNS:
                    self.ordered.extend(orderers_in(self.ann, self.mentions, p))

    def custodians(self, verb: "Token") -> list[ActorRef]:
        """X in "in X custody", "in the custody of X", "at the hands of X"."""
        for tok in verb.subtree:
            if tok.lower_ in ("custody", "hands", "detention") and tok.dep_ == "pobj":
                refs: list[ActorRef] = []
                for c in tok.children:
                    if c.dep_ in ("compound", "poss", "amod", "nmod"):
                        refs.extend(self.refs(c))
                    elif c.dep_ == "prep" and c.lower_ == "of":
                        p = pobj_of(c)
                        if p is not None:
                            refs.extend(self.refs(p))
                if refs:
                    return refs
        return []

    def noun_head_actor(self, noun: "Token") -> list[ActorRef]:
        """The actor of a noun trigger: by-phrase, possessor, modifier, or a light verb's subject."""
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                p = pobj_of(c)
                if p is not None:
                    if p.lower_ in ORDER_NOUNS:
                        self.ordered.extend(orderers_in(self.ann, self.mentions, p))
                        continue
                    refs = self.refs(p)
                    if refs:
                        return refs
        mods = []
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                mods.extend(self.refs(c))
        if mods:
            return mods
        head = noun.head
        if noun.dep_ == "conj" and head.i != noun.i:
            # "the landing and the arrest of X" share an actor; a noun the parser joined
            # to a verb ("imposed sanctions ... and the arrest") does not take its subject
            return self.noun_head_actor(head) if head.pos_ in ("NOUN", "PROPN") else []
        verb, role = self.governing_verb(noun)
        if verb is None or role == "subject":
            return []
        if verb.lemma_.lower() in RECEIVE_VERBS:
            # "enjoys the support of X", "received aid from X": the giver is in the phrase
            for c in list(noun.children) + list(verb.children):
                if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                    p = pobj_of(c)
                    refs = self.refs(p) if p is not None else []
                    if refs:
                        return refs
            # "has received political asylum in France": with no giver named, the state
            # where it was received gave it
            return self.place_recipients(noun)
        if is_passive(verb):
            return self.agents(verb)
        return self.subject_of(verb)

    def describing_clause(self, noun: "Token") -> "Token | None":
        """A relative clause that tells the event itself: "where/when ..." or "in which ..."
        hung on the noun or on a place after it."""
        for tok in noun.subtree:
            if tok.dep_ != "relcl" or tok.pos_ not in ("VERB", "AUX") or tok.i - noun.i > 25:
                continue
            for c in tok.children:
                if c.lower_ in ("where", "when") and c.dep_ == "advmod":
                    return tok
                if c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children):
                    return tok
        return None

    def governing_verb(self, noun: "Token") -> tuple["Token | None", str]:
        """The verb a noun trigger is an argument of, through compounds and "of" phrases:
        "launched a mediation effort", "10 days of war games", "put under investigation"."""
        node = noun
        for _ in range(5):
            dep, head = node.dep_, node.head
            if head.i == node.i:
                return None, ""
            if dep in ("compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
                node = head
                continue
            if dep in OBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
                # only a verb that carries the act ("launched an attack"), not one that acts on
                # it ("police banned the rally", "condemned the attack")
                if head.lemma_.lower() in ACTS_ON_EVENTS:
                    return None, ""
                return head, "object"
            if dep in SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
                return head, "subject"
            if dep in PASSIVE_SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
                return head, "object"
            if dep == "pobj" and head.dep_ == "prep":
                prep, above = head.lower_, head.head
                if above.pos_ in ("NOUN", "PROPN") and prep in ("of", "for"):
                    if above.lemma_.lower() in INFO_NOUNS:
                        return None, ""  # "details of the killings", "the anniversary of the massacre"
                    node = above
                    continue
                if above.pos_ in ("VERB", "AUX"):
                    participates = above.lemma_.lower() in (
                        "join", "take", "participate", "engage", "resort", "put", "place", "converge", "gather", "assemble", "march", "turn", "rally"
                    )
                    if prep in ("into", "to", "under") or participates or (prep in ("in", "on", "for") and self.type != "PROTEST"):
                        return above, "prep"
                return None, ""
            return None, ""
        return None, ""
