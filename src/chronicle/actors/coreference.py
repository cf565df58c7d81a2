"""Pass 5 of actor resolution (resolve.py): pronouns and short forms join an actor."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from chronicle.actors.units import Unit
from chronicle.actors.words import (
    ANTECEDENT_LOOKUP, DECIDING_VERBS, DEFINITE, GROUP_SHORT_FORMS, MALE_FEMALE_PRONOUNS, PLURAL_PRONOUNS,
    ORG_KINDS, POSSESSIVE_PRONOUNS, PRONOUN_WINDOW, SOLICITATIONS, SUBJECT_LOOKBACK,
)

# what a plural subject "they" may stand for
GROUP_KINDS = frozenset({"agent", "unknown", "organisation"})

if TYPE_CHECKING:
    from spacy.tokens import Token


class Coreference:
    """Pass 5, short forms: pronouns, "the group" and definite agents join the most recent
    fitting actor. A mixin of `ArticleResolver` (resolve.py)."""

    def resolve_pronouns(self) -> None:
        for i, low in enumerate(self.lower_):
            if i in self.taken or (low not in MALE_FEMALE_PRONOUNS and low not in GROUP_SHORT_FORMS
                                   and low not in PLURAL_PRONOUNS and low != "their"):
                continue
            tok = self.toks[i]
            if tok.dep_ == "poss" and low in ("his", "her", "their"):
                decided = self._decided_solicitation_subject(tok)
                if decided is not None:
                    unit = self._someone_else(tok, low, decided)
                    if unit is not None:
                        self._add(unit.key, tok.i, tok.i + 1, f"pronoun for {unit.name}, whose {tok.head.lower_} is decided on")
                        continue
            if low in MALE_FEMALE_PRONOUNS and self.pos_[i] == "PRON" or (low in ("his", "her") and tok.tag_ == "PRP$"):
                unit = self._person_subject_before(i) if tok.dep_ in ("nsubj", "nsubjpass") else None
                if unit is None:
                    unit = self._antecedent(tok.idx, lambda u: u.is_person and u.kind != "agent", window=PRONOUN_WINDOW)
                if unit is None:
                    unit = self._antecedent(tok.idx, lambda u: u.is_person, window=PRONOUN_WINDOW)
                if unit is not None:
                    self._add(unit.key, tok.i, tok.i + 1, f"pronoun for {unit.name}")
            elif low in PLURAL_PRONOUNS and self.pos_[i] == "PRON" and tok.dep_ in ("nsubj", "nsubjpass"):
                # "Protesters held pictures ... They also targeted ...": the group that was
                # the subject of the sentence before (or earlier in this one)
                unit = self._group_subject_before(i)
                if unit is not None:
                    self._add(unit.key, tok.i, tok.i + 1, f"pronoun for {unit.name}")
            elif low in GROUP_SHORT_FORMS and i > 0 and self.lower_[i - 1] in DEFINITE:
                unit = self._antecedent(tok.idx, lambda u: u.kind in ("organisation", "unknown") and not u.is_person
                                        and (u.key.startswith("kb:") or u.key.startswith("org:")), window=PRONOUN_WINDOW)
                if unit is not None:
                    self._add(unit.key, tok.i - 1, tok.i + 1, f"short form of {unit.name}")

    def _decided_solicitation_subject(self, pron: "Token") -> str | None:
        """When `pron` owns a request that its clause's subject decides on ("X denied his
        request", "Y blocked their attempts"), the key of that subject ("" when the subject
        is no actor): one does not deny one's own request, so the owner is someone else.
        None when the pronoun stands anywhere else."""
        obj = pron.head
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in SOLICITATIONS:
            return None
        verb = obj.head
        if verb.lemma_.lower() not in DECIDING_VERBS:
            return None
        for c in verb.children:
            if c.dep_ == "nsubj":
                key = self.unit_at.get(c.i)
                if key is None:
                    key = next((self.unit_at[t.i] for t in c.subtree if t.i < c.i and t.i in self.unit_at), None)
                return key or ""
        return ""

    def _someone_else(self, pron: "Token", low: str, subject: str) -> Unit | None:
        """The antecedent of a possessive pronoun that is not the clause's subject: the
        most recent person for "his"/"her", the plural group subject before it for "their"."""
        if low == "their":
            # parties and armed groups make attempts and bids as well as agents do
            return self._group_subject_before(pron.i, exclude=subject, kinds=GROUP_KINDS | ORG_KINDS)
        return self._antecedent(pron.idx, lambda u: u.is_person and u.kind != "agent" and u.key != subject,
                                window=PRONOUN_WINDOW)

    def _possessor_group(self, head: "Token") -> Unit | None:
        """The organisation a possessor names ("its fighters", "the group's members")."""
        for c in head.children:
            if c.dep_ != "poss":
                continue
            unit = None
            if c.i in self.unit_at:
                unit = self.units[self.unit_at[c.i]]
            elif c.lower_ in POSSESSIVE_PRONOUNS:
                unit = self._subject_before(c) or self._antecedent(
                    c.idx, lambda u: not u.is_person and u.kind in ("agent", "organisation", "unknown") and bool(u.country or u.international), window=1)
            if unit is not None and unit.kind == "organisation" and not unit.is_person and unit.international not in ("UNO", "EUR", "IGO"):
                return unit
        return None

    def _group_subject_before(self, i: int, exclude: str = "", kinds: frozenset[str] = GROUP_KINDS) -> Unit | None:
        """The plural group (not a person, not a country) that is the subject of a clause
        in this sentence before token i, else in the sentence before (the nearest one,
        within SUBJECT_LOOKBACK tokens)."""
        si = self.sent_of.get(i, 0)
        for sent, stop in ((self.sentences[si], i), (self.sentences[si - 1] if si > 0 else None, None)):
            if sent is None:
                continue
            stop = stop if stop is not None else sent.end
            for k in range(stop - 1, max(sent.start, stop - SUBJECT_LOOKBACK) - 1, -1):
                key = self.unit_at.get(k)
                if key is None:
                    continue
                unit = self.units[key]
                tok = self.toks[k]
                if key != exclude and tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ in ("NNS", "NNPS") and not unit.is_person \
                        and unit.kind in kinds:
                    return unit
        return None

    def _person_subject_before(self, i: int) -> Unit | None:
        """A subject pronoun ("he declared") continues the person a sentence is about: the
        named person who is subject of a clause before it in its sentence (nearest first),
        else the one of the sentence before whose verb stands highest in its parse (the main
        clause's speaker in "X wrote as Israel voted in a government headed by Y"). None
        when neither names a person as subject: recency decides then."""
        si = self.sent_of.get(i, 0)
        sent = self.sentences[si]
        for k in range(i - 1, max(sent.start, i - SUBJECT_LOOKBACK) - 1, -1):
            unit = self._person_subject_at(k)
            if unit is not None:
                return unit
        if si == 0:
            return None
        prev = self.sentences[si - 1]
        best, best_depth = None, None
        for k in range(max(prev.start, prev.end - SUBJECT_LOOKBACK), prev.end):
            unit = self._person_subject_at(k)
            if unit is None:
                continue
            depth = sum(1 for _ in self.toks[k].ancestors)
            if best_depth is None or depth < best_depth:
                best, best_depth = unit, depth
        return best

    def _person_subject_at(self, k: int) -> Unit | None:
        key = self.unit_at.get(k)
        if key is None:
            return None
        unit = self.units[key]
        if not unit.is_person or unit.kind == "agent" or self.pos_[k] == "PRON":
            return None
        return unit if self.toks[k].dep_ in ("nsubj", "nsubjpass") else None

    def _subject_before(self, pron: "Token") -> Unit | None:
        """The actor that is the subject of a clause before `pron` in its sentence ("The
        Israeli military said it had targeted militants planning an attack on its troops"):
        the nearest one, within SUBJECT_LOOKBACK tokens."""
        sent = self.sentences[self.sent_of.get(pron.i, 0)]
        for i in range(pron.i - 1, max(sent.start, pron.i - SUBJECT_LOOKBACK) - 1, -1):
            key = self.unit_at.get(i)
            if key is None:
                continue
            tok = self.toks[i]
            unit = self.units[key]
            # "its" needs a singular subject, "their" may take a plural one
            agrees = pron.lower_ == "their" or tok.tag_ not in ("NNS", "NNPS")
            if tok.dep_ in ("nsubj", "nsubjpass") and agrees and not unit.is_person and (unit.country or unit.international):
                return unit
        return None

    def _antecedent(self, char: int, accept, window: int | None, head: str | None = None) -> Unit | None:
        """The actor most recently mentioned before `char` that `accept`s, within
        `window` sentences (None: the whole article so far), walking back over at most
        ANTECEDENT_LOOKUP earlier mentions. `head`: only a mention whose head word has
        this lemma ("the new government" goes back to "the Israeli government", not to
        the "EU officials" named since)."""
        limit = 0
        if window is not None:
            tok = self.doc.char_span(char, char + 1, alignment_mode="expand")
            si = self.sent_of.get(tok.start, 0) if tok is not None else 0
            limit = self.sentences[max(0, si - window)].start_char if self.sentences else 0
        log = self._mention_log
        k = bisect.bisect_left(log, (char,))
        best: tuple[int, int] | None = None  # (start, creation rank) of the best so far
        found = None
        verdicts: dict[str, bool] = {}
        for j in range(k - 1, max(-1, k - 1 - ANTECEDENT_LOOKUP), -1):
            start, rank, key = log[j]
            if start < limit or (best is not None and start < best[0]):
                break
            if head is not None and self._mention_head.get(start) != head:
                continue
            ok = verdicts.get(key)
            if ok is None:
                ok = verdicts[key] = bool(accept(self.units[key]))
            # among mentions that start together, the actor made first wins
            if ok and (best is None or rank < best[1]):
                best, found = (start, rank), self.units[key]
        return found
