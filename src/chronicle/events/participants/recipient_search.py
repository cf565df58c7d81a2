"""The recipient side of the role search: who it was done to (see the package docstring)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.events.participants.syntax import is_passive, own_instrument, pobj_of
from chronicle.events.participants.words import (
    ADDRESSED, FOCUS_ADVERBS, FROM_VERBS, GRIEVANCE, INSTRUMENT_NOUNS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS,
    PRESSING_VERBS, PRESSURE_NOUNS, PRETEXT_NOUNS, RECEIVE_VERBS, RECIPIENT_PREPS,
    RELATIONAL_NOUNS, RELATIVE_PRONOUNS, REPORTING_VERBS, STANCE_NOUNS, SUBJECT_DEPS, TALK_NOUNS,
    TYPE_PREPS,
)
from chronicle.record import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from chronicle.stage import Annotations


class RecipientSearch:
    """Who it was done to: the trigger's own arguments, stance phrases, clausal complements,
    conditions, counterparts and, for directed types, any actor in an object slot of the clause.

    A mixin of `Roles` (roles.py)."""

    def prep_ok(self, word: str, governor_lemma: str = "") -> bool:
        if word == "with" and self.type == "PROTEST":
            return False  # "protests with thousands of people": company, not a target
        if word in RECIPIENT_PREPS:
            return True
        if word == "from" and governor_lemma in FROM_VERBS:
            return True
        types = TYPE_PREPS.get(word)
        return bool(types and self.type in types)

    def prep_targets(self, tok: "Token", depth: int = 0) -> list[ActorRef]:
        """Recipients introduced by prepositions on `tok` ("fired at X", "sanctions on X")."""
        out: list[ActorRef] = []
        # prepositions on a particle too ("kidnapped up to 16 advisers" parsed as up + to)
        children = list(tok.children)
        children += [g for c in children if c.dep_ == "prt" for g in c.children]
        if self.type in GRIEVANCE and depth == 0:
            # "complained to the UN over the raids by X": what is complained of before whom
            children.sort(key=lambda c: c.lower_ not in ("against", "over", "about", "at", "on"))
        actor_ids = {r.actor for r in self.actor}
        for c in children:
            if c.dep_ == "prep" and c.lower_ == "in":
                # "in protest of X", "in defiance of X", "in retaliation against X"
                p = pobj_of(c)
                if p is not None and p.lemma_.lower() in STANCE_NOUNS:
                    out.extend(self.stance_targets(p, depth + 1))
                continue
            if c.dep_ in ("prep", "dative") and (self.prep_ok(c.lower_, tok.lemma_.lower()) or (c.lower_ in ("by", "of") and depth > 0)):
                # a by-phrase one level down names who did what is targeted:
                # "protests against violations by the military"
                if c.lower_ == "by" and depth == 0:
                    continue
                p = pobj_of(c)
                if p is not None and p.lemma_.lower() in INSTRUMENT_NOUNS and any(g.dep_ == "poss" and g.pos_ == "PRON" for g in p.children):
                    continue  # "a call for its peacekeepers to be deployed": its own means
                if p is not None:
                    # the actor's own possession is not what it acts on: "reneged on his
                    # commitment to the people" is aimed at the people
                    refs = [r for r in self.refs(p) if r.actor not in actor_ids]
                    if not refs and depth < 2:
                        refs = self.prep_targets(p, depth + 1) or self.makers(p)
                    if refs:
                        # the first phrase that names someone: "clashed with X at the rally of Y"
                        return out + refs
        return out

    def stance_targets(self, stance: "Token", depth: int = 1) -> list[ActorRef]:
        """X in "in protest of X", "in protest against abuses by X", "in retaliation for X's raid"."""
        actor_ids = {r.actor for r in self.actor}
        refs = [r for r in self.prep_targets(stance, depth) if r.actor not in actor_ids]
        return refs or [r for r in self.of_targets(stance) if r.actor not in actor_ids]

    def makers(self, noun: "Token") -> list[ActorRef]:
        """Who made or did a thing: "a bill signed by X", "abuses committed by X"."""
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                refs = self.agents(c)
                if refs:
                    return refs
        return []

    def of_targets(self, noun: "Token") -> list[ActorRef]:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                p = pobj_of(c)
                if p is not None:
                    return self.refs(p)
        return []

    def verb_recipients(self, verb: "Token") -> list[ActorRef]:
        if is_passive(verb):
            for c in verb.children:
                if c.dep_ in PASSIVE_SUBJECT_DEPS:
                    refs = self.refs(c)
                    if refs:
                        return refs
            if verb.dep_ == "acl":  # "protesters killed by police"
                refs = self.refs(verb.head)
                if refs:
                    return refs
            if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not is_passive(verb.head):
                # "the imam, who fought for freedom and was killed": the subject the active
                # verb lends its passive conjunct is the one acted on
                refs = self.subject_of(verb.head)
                if refs:
                    return refs
            return self.prep_targets(verb)
        for c in verb.children:
            if c.dep_ == "dative":
                p = pobj_of(c) if c.pos_ == "ADP" else c
                if p is not None:
                    refs = self.refs(p)
                    if refs:
                        return refs
                    if p.pos_ == "PRON":
                        self.recipient_slot_unresolved = True
                        return []
        for c in verb.children:
            if c.dep_ in OBJECT_DEPS and not self.elaboration(c):
                refs = self.other_owner(c) if own_instrument(c, verb) else self.refs(c)
                if not refs and c.lemma_.lower() in RELATIONAL_NOUNS:
                    # "captured part of X's stronghold", "shelled the outskirts of X"
                    refs = self.of_targets(c)
                if refs:
                    return refs
                # "fired tear gas at X", "imposed sanctions on X", "launched an attack on X"
                refs = self.prep_targets(c)
                if refs:
                    return refs
                for g in c.children:
                    # "a suspension of air links with X"
                    if g.dep_ == "prep" and g.lower_ == "of":
                        p = pobj_of(g)
                        refs = self.prep_targets(p, 1) if p is not None else []
                        if refs:
                            return refs
                        # "demanded the return of property seized by X"
                        for q in p.children if p is not None else []:
                            if q.dep_ == "acl" and q.tag_ == "VBN":
                                refs = self.agents(q)
                                if refs:
                                    return refs
                    # "prevented the demonstration staged by X"
                    if g.dep_ == "acl" and g.tag_ == "VBN":
                        refs = self.agents(g)
                        if refs:
                            return refs
                if c.pos_ == "PRON" and c.lower_ not in ("it", "this", "that", "which", "what"):
                    # "provide him with ...": the object is there, only unresolved;
                    # looking further would put someone else in its place
                    self.recipient_slot_unresolved = True
                    return []
                if True:  # "rejected calls by X", "will not tolerate rallies by X"
                    for g in c.children:
                        if g.dep_ == "prep" and g.lower_ == "by":
                            p = pobj_of(g)
                            refs = self.refs(p) if p is not None else []
                            if refs:
                                return refs
        # "demand reforms by X" with the by-phrase hung on the (active) verb: the object's maker
        if any(c.dep_ in OBJECT_DEPS for c in verb.children):
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    p = pobj_of(c)
                    refs = self.refs(p) if p is not None else []
                    if refs:
                        return refs
        if verb.dep_ == "relcl" and is_passive(verb) is False and any(c.dep_ in ("dobj",) and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
            return self.refs(verb.head)
        return self.prep_targets(verb)

    @staticmethod
    def elaboration(obj: "Token") -> bool:
        """An "object" that is a list set off by a focus adverb ("groups objected to X,
        most notably A and B"): the parser hung on the verb what elaborates a noun before it."""
        return any(c.dep_ == "advmod" and c.i < obj.i and c.lower_ in FOCUS_ADVERBS for c in obj.children)

    def other_owner(self, obj: "Token") -> list[ActorRef]:
        """An object owned by someone else than the actor is aimed at its owner: "denied his
        request", "rejected their bid" when the pronoun is another actor's. Troops, envoys
        and other means are the subject's own whoever the pronoun names ("sent its troops")."""
        if obj.lemma_.lower() in INSTRUMENT_NOUNS:
            return []
        actor_ids = {r.actor for r in self.actor}
        if not actor_ids:
            return []  # the owner may be the very actor the search did not find
        return [r for g in obj.children if g.dep_ == "poss" and g.pos_ == "PRON"
                for r in self.refs(g) if r.actor not in actor_ids]

    def _complements(self, tok: "Token") -> list["Token"]:
        """Clauses that carry on what `tok` says or intends: complements, purpose clauses,
        clauses on its object ("issued a declaration demanding that ...")."""
        out = []
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp"):
                out.append(c)
            elif c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "VERB"):
                out.extend(g for g in c.children if g.dep_ in ("xcomp", "ccomp"))
            elif c.dep_ == "advcl" and (c.tag_ in ("VB", "VBG") or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
                out.append(c)
            elif c.dep_ in OBJECT_DEPS or c.dep_ == "pobj":
                out.extend(g for g in c.children if g.dep_ in ("acl", "ccomp", "relcl") and g.pos_ in ("VERB", "AUX"))
            elif c.dep_ == "prep" and c.lower_ in ("to", "for", "on"):
                p = pobj_of(c)
                if p is not None:
                    out.extend(g for g in p.children if g.dep_ in ("acl", "ccomp") and g.pos_ in ("VERB", "AUX"))
        for c in list(out):
            out.extend(g for g in c.children if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX"))
        return out

    def demand_recipients(self, trigger: "Token") -> list[ActorRef]:
        """Whom a protest presses: the party of what it demands or opposes, in a clause on the
        trigger or on a noun beside it ("rioted after a march calling for the removal of X",
        "a drive to convince X to amend the law")."""
        actor_ids = {r.actor for r in self.actor}
        top = trigger
        if trigger.pos_ not in ("VERB", "AUX"):
            verb, _ = self.governing_verb(trigger)
            top = verb if verb is not None else trigger
        clauses = [t for t in top.subtree if t.i != trigger.i and t.pos_ == "VERB" and t.lemma_.lower() in PRESSING_VERBS
                   and t.dep_ in ("acl", "relcl", "advcl", "xcomp", "pcomp", "conj")]
        clauses.sort(key=lambda t: abs(t.i - trigger.i))
        for verb in clauses:
            refs = [r for r in self.verb_recipients(verb) if r.actor not in actor_ids]
            if not refs:
                refs = [r for r in self.complement_recipients(verb) if r.actor not in actor_ids]
            if refs:
                return refs
        return []

    def counterpart_recipients(self, trigger: "Token") -> list[ActorRef]:
        """The other side named in the circumstances of the act: "called off the strike after
        talks with X", "declined to resign despite pressure from X"."""
        actor_ids = {r.actor for r in self.actor}
        nodes = [trigger] + self._complements(trigger)
        if trigger.pos_ not in ("VERB", "AUX"):
            verb, _ = self.governing_verb(trigger)
            if verb is not None:
                nodes.append(verb)
        for node in nodes:
            for c in node.children:
                if c.dep_ != "prep":
                    continue
                p = pobj_of(c)
                if p is None:
                    continue
                lemma = p.lemma_.lower()
                if lemma in TALK_NOUNS:
                    parties = ("with", "between")
                elif lemma in PRESSURE_NOUNS:
                    parties = ("by", "from", "of")
                else:
                    continue
                refs = [r for g in p.children if g.dep_ == "poss" and lemma in PRESSURE_NOUNS for r in self.refs(g)]
                for g in p.children:
                    if g.dep_ == "prep" and g.lower_ in parties:
                        q = pobj_of(g)
                        refs.extend(self.refs(q) if q is not None else [])
                refs = [r for r in refs if r.actor not in actor_ids]
                if refs:
                    return refs
        return []

    def complement_recipients(self, verb: "Token") -> list[ActorRef]:
        """Recipient from a clausal complement: "threatened to shell X", "demanded that X ease",
        "said it will release X" (breadth first, three levels)."""
        actor_ids = {r.actor for r in self.actor}
        level = self._complements(verb)
        for _ in range(3):
            nxt: list["Token"] = []
            for c in level:
                if c.dep_ == "ccomp" or (c.dep_ in ("acl",) and self.type == "REQUEST"):
                    subj = [s for s in c.children if s.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
                    for s in subj:
                        refs = [r for r in self.refs(s) if r.actor not in actor_ids]
                        if refs:
                            return refs
                        addressed = self.type in ADDRESSED and c.head.lemma_.lower() not in REPORTING_VERBS
                        if addressed and s.pos_ == "PRON" and s.lower_ not in ("there",):
                            # "demanded that it reopen schools": the one asked is that pronoun
                            self.recipient_slot_unresolved = True
                            return []
                refs = [r for r in self.verb_recipients(c) if r.actor not in actor_ids]
                if refs:
                    return refs
                nxt.extend(self._complements(c))
            level = nxt
            if not level:
                break
        return []

    def condition_recipients(self, trigger: "Token") -> list[ActorRef]:
        """A threat's target is who must meet its condition: "... unless Israel rescinds"."""
        actor_ids = {r.actor for r in self.actor}
        nodes = [trigger] + self._complements(trigger)
        for node in nodes:
            for c in node.children:
                if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
                    for g in c.children:
                        if g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                            refs = [r for r in self.refs(g) if r.actor not in actor_ids]
                            if refs:
                                return refs
        return []

    def clause_recipients(self, trigger: "Token") -> list[ActorRef]:
        """Last widening, for types that need or nearly always have a recipient: the actor
        named nearest the trigger in an object or prepositional slot of its clause."""
        actor_ids = {r.actor for r in self.actor}
        # not inside side clauses: "demanded elections after a court cleared him in X's trial"
        skipped: set[int] = set()
        for c in trigger.children:
            if c.dep_ in ("relcl", "acl", "parataxis", "advcl") and (c.dep_ != "advcl" or any(g.dep_ == "mark" for g in c.children)):
                skipped.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and c.lower_ in ("after", "before", "since", "despite", "following", "during", "amid"):
                skipped.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and (p := pobj_of(c)) is not None and p.lemma_.lower() in PRETEXT_NOUNS:
                skipped.update(t.i for t in c.subtree)  # "under the pretext of fighting X"
        candidates = [
            t for t in trigger.subtree
            if t.i != trigger.i and t.i not in skipped and t.dep_ in ("pobj", "dobj", "dative", "obj")
        ]
        # "posed a greater threat to the country than Russia", "more harmful than anything
        # done by X": a yardstick, no party
        skipped.update(g.i for t in trigger.subtree if t.lower_ == "than" and t.dep_ == "prep" for g in t.subtree)
        candidates = [t for t in candidates if t.i not in skipped]
        candidates.sort(key=lambda t: abs(t.i - trigger.i))
        for t in candidates:
            refs = [r for r in self.refs(t) if r.actor not in actor_ids]
            if refs:
                return refs
        return []

    def noun_recipients(self, noun: "Token") -> list[ActorRef]:
        out: list[ActorRef] = []
        verb, _ = self.governing_verb(noun)
        received = verb is not None and verb.lemma_.lower() in RECEIVE_VERBS
        for c in noun.children:
            if c.dep_ == "prep":
                word = c.lower_
                if word == "of" and (self.type in ("PROTEST", "MOBILIZE", "CONSULT", "AGREE") or received):
                    continue
                if word == "from" and received:
                    continue
                p = pobj_of(c)
                if p is None:
                    continue
                if word == "in" and p.lemma_.lower() in STANCE_NOUNS:
                    out.extend(self.stance_targets(p))  # "a strike in protest of X"
                elif word == "of" or self.prep_ok(word):
                    # "protests against abuses by X": who did what the act is aimed at
                    out.extend(self.refs(p) or self.prep_targets(p, 1) or self.makers(p))
            elif c.dep_ in ("acl", "ccomp", "advcl") and self.type in ("REQUEST", "THREATEN", "ACCUSE") and any(g.dep_ == "mark" for g in c.children):
                for g in c.children:  # "its demands that X grant ...", "calls for X to hand over ..."
                    if g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                        out.extend(self.refs(g))
            elif c.dep_ == "acl" and c.lemma_.lower() in ("target", "against", "aim", "direct"):
                for g in c.children:
                    if g.dep_ in OBJECT_DEPS:
                        out.extend(self.refs(g))
        if not out:
            # "by militants on a convoy": the target's prep often hangs off the by-phrase noun
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    p = pobj_of(c)
                    if p is not None:
                        out.extend(self.prep_targets(p))
        if not out and noun.dep_ in SUBJECT_DEPS and noun.head.pos_ == "VERB" and not self.mentions.at(noun):
            # "The attack killed three soldiers" (not "Protesters honoured X": people acting)
            out = self.verb_recipients(noun.head)
        if not out:
            # the verb the noun hangs from: "gave the Ivory Coast 5 million dollars of aid",
            # "was put under investigation", "staged protests to demand reforms by X"
            verb, role = self.governing_verb(noun)
            if verb is not None and role != "subject":
                trigger_ids = {t.i for t in noun.subtree}
                if verb.lemma_.lower() in RECEIVE_VERBS and not is_passive(verb):
                    return self.subject_of(verb)  # who receives it is acted on
                if is_passive(verb):
                    for c in verb.children:
                        if c.dep_ in PASSIVE_SUBJECT_DEPS:
                            out = self.refs(c)
                else:
                    out = [r for r in self.verb_recipients(verb) if not self._inside(r, trigger_ids)]
                    if not out:
                        out = self.complement_recipients(verb)
        return out

    def _inside(self, ref: ActorRef, token_ids: set[int]) -> bool:
        span = self.ann.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        return span is not None and span.root.i in token_ids
