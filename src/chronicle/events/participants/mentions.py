"""The article's actors indexed by token, and the one actor the role search may add: the
state of a place where an act is done (`country_of_place`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronicle.countries import country_by_iso2, country_by_iso3, country_on
from chronicle.record import Actor, ActorRef, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from chronicle.stage import Annotations


# Names of the per-article indexes kept in `Annotations.derived`: built on the first event
# of an article, reused by every later one (EventStage calls find_roles once per event).
ACTOR_TOKENS = "participants.actor_tokens"
PLACE_TOKENS = "participants.place_tokens"


def token_index(ann: "Annotations") -> dict[int, list[tuple[int, int, int]]]:
    """Token index -> the (start, end, actor index) of every actor mention covering it."""
    return ann.derived(ACTOR_TOKENS, ann.actors, lambda: _index_actor_tokens(ann))


def _index_actor_tokens(ann: "Annotations") -> dict[int, list[tuple[int, int, int]]]:
    doc = ann.doc
    by_token: dict[int, list[tuple[int, int, int]]] = {}
    for index, actor in enumerate(ann.actors):
        pairs = {(m.start, m.end) for m in actor.mentions or []} | {(actor.start, actor.end)}
        for start, end in sorted(pairs):
            if end <= start:
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            mention = (start, end, index)
            for tok in span:
                by_token.setdefault(tok.i, []).append(mention)
    return by_token


def register_mention(ann: "Annotations", index: int, start: int, end: int) -> None:
    """Add a mention made here (a place standing for its state) to the article's token index."""
    by_token = token_index(ann)
    span = ann.doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        for tok in span:
            entries = by_token.setdefault(tok.i, [])
            if (start, end, index) not in entries:
                entries.append((start, end, index))


def place_index(ann: "Annotations") -> dict[int, object]:
    """Token index -> the resolved place (not a name part of something else) covering it."""
    return ann.derived(PLACE_TOKENS, ann.places, lambda: _index_place_tokens(ann))


def _index_place_tokens(ann: "Annotations") -> dict[int, object]:
    by_token: dict[int, object] = {}
    for place in ann.places or []:
        if place.associative or not place.country_code:
            continue
        span = ann.doc.char_span(place.start, place.end, alignment_mode="expand")
        for tok in span if span is not None else []:
            by_token.setdefault(tok.i, place)
    return by_token


def country_of_place(ann: "Annotations", place) -> ActorRef | None:
    """The state a place stands for, as an actor of the article.

    CAMEO, whose conventions the PLOVER gold follows, codes the state where an act is
    done as the party acted on when no other is named ("imposed a curfew in Abidjan",
    "arrived in Amman"). A city is not an actor by itself (the actors stage keeps "in
    Tehran" a place), so its country becomes one here: the article's existing actor for
    that country when there is one, else a new country actor with the place as mention.
    """
    country = country_by_iso2(place.country_code)
    if country is None:
        return None
    then = country_on(country.iso3, ann.published or "9999")
    if then != country.iso3:
        country = country_by_iso3(then) or country  # "Juba" in 2000 is in Sudan
    index = next((k for k, a in enumerate(ann.actors) if a.kind == "country" and a.country == country.iso3 and not a.sector), None)
    mention = Span(text=place.text, start=place.start, end=place.end)
    if index is None:
        why = f"{country.name}: the state where the act was done ({place.text})"
        index = ann.add_actor(Actor(
            text=place.text, start=place.start, end=place.end, name=country.name, country=country.iso3,
            kind="country", mentions=[mention], why=why,
        ))
    else:
        ann.add_actor_mention(index, mention)
    register_mention(ann, index, place.start, place.end)
    return ActorRef(actor=index, text=place.text, start=place.start, end=place.end)


class SentenceMentions:
    """Actor mentions inside one sentence, indexed by token."""

    def __init__(self, ann: "Annotations", sent: "SpacySpan"):
        self.by_token = token_index(ann)
        self.lo, self.hi = sent.start, sent.end

    def __bool__(self) -> bool:
        return any(i in self.by_token for i in range(self.lo, self.hi))

    def at(self, tok: "Token") -> list[tuple[int, int, int]]:
        if not self.lo <= tok.i < self.hi:
            return []
        return self.by_token.get(tok.i, [])


def mention_ref(ann: "Annotations", mention: tuple[int, int, int], role: str | None = None) -> ActorRef:
    start, end, index = mention
    ref = ActorRef(actor=index, text=ann.text[start:end], start=start, end=end)
    if role is not None:
        ref.role = role
    return ref
