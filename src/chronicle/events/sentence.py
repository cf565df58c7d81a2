"""What the event coders share: a sentence's token attributes read once, the coded
event they build, and the two token helpers every rule uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chronicle.events.detect import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class SentenceView:
    """A sentence's token attributes, read from spaCy once and shared by every rule that needs them.

    Reading `lemma_`/`pos_` builds Python strings from the C tokens each time; the trigger
    detector, the political-context tests, the frame rules and the ACLED cues all look at the
    same words, so they read them here (lists by position, sets for membership)."""

    __slots__ = ("sent", "tokens", "lemmas", "lemma_set", "_nouns", "_content", "_deps", "_depths", "_ents")

    def __init__(self, sent: "Span"):
        self.sent = sent
        self.tokens = list(sent)
        self.lemmas = [t.lemma_.lower() for t in self.tokens]
        self.lemma_set = set(self.lemmas)
        # the rest is read only for sentences with triggers, once
        self._nouns: set[str] | None = None
        self._content: set[str] | None = None
        self._deps: list[str] | None = None
        self._depths: dict[int, int] = {}
        self._ents: set[str] | None = None

    @property
    def ent_types(self) -> set[str]:
        """Named-entity labels in the sentence, from the tokens (Span.ents walks every entity of the doc)."""
        if self._ents is None:
            self._ents = {t.ent_type_ for t in self.tokens} - {""}
        return self._ents

    def _read_pos(self) -> None:
        pos = [t.pos_ for t in self.tokens]
        self._nouns = {lem for lem, p in zip(self.lemmas, pos) if p in ("NOUN", "PROPN")}
        self._content = self._nouns | {lem for lem, p in zip(self.lemmas, pos) if p == "ADJ"}

    @property
    def noun_set(self) -> set[str]:
        if self._nouns is None:
            self._read_pos()
        return self._nouns

    @property
    def content_set(self) -> set[str]:
        """Lemmas of nouns, proper nouns and adjectives."""
        if self._content is None:
            self._read_pos()
        return self._content

    @property
    def deps(self) -> list[str]:
        if self._deps is None:
            self._deps = [t.dep_ for t in self.tokens]
        return self._deps

    def depth(self, tok: "Token") -> int:
        """Dependency distance from the root (memoised: the rules sort by it again and again)."""
        d = self._depths.get(tok.i)
        if d is None:
            d = self._depths[tok.i] = tree_depth(tok)
        return d


@dataclass
class CodedEvent:
    """One coded event in a sentence, before roles, places and dates are attached."""

    trigger: Trigger
    type: str
    mode: str | None
    score: float  # rule weight plus model support, before calibration
    rule_weight: float
    model_prob: float
    margin: float  # best sense score minus the runner-up's
    depth: int  # dependency distance from the sentence root
    framed: bool = False  # type set by a frame rule (future, request, threat ...)
    content: list[Trigger] = field(default_factory=list)  # triggers folded in as this event's content
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None

    circumstance: bool = False  # inside "after ...", "as ..." clauses: the setting, not the news
    commentary: bool = False  # the outlet comments on an event named before ("these protests showed ...")
    outcome: bool = False  # a toll with no doer ("nine people were killed"): the result of an attack told elsewhere

    @property
    def salience(self) -> float:
        return (self.score * (1.0 - 0.2 * min(self.depth, 3)) * (0.6 if self.circumstance else 1.0)
                * (0.5 if self.commentary else 1.0))


def lemma_of(tok: "Token") -> str:
    return tok.lemma_.lower()


def prep_objects(tok: "Token", preps: "set[str] | tuple[str, ...]") -> list["Token"]:
    """The objects of the token's prepositions in `preps`: "fired into [the air]"."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def tree_depth(tok: "Token") -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 12:
        tok = tok.head
        depth += 1
    return depth
