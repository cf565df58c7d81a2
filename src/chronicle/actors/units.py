"""What the resolver builds: a unit (one actor and its mentions), a name match, the mention
log, and the small helpers every pass shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from chronicle.actors.kb import CountryForm, Entry
from chronicle.countries import country_by_iso2, country_by_iso3

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class MentionLog:
    """One resolved mention: what `chronicle actors` shows."""

    text: str
    start: int
    end: int
    actor: int  # index into the returned actors
    why: str


@dataclass
class Unit:
    """An actor under construction."""

    key: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    wikidata: str | None = None
    international: str | None = None
    role: str | None = None
    why: str = ""
    is_person: bool = False
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start char, end char, why)
    spans: set[tuple[int, int]] = field(default_factory=set)  # (start, end) of the mentions, for lookup


@dataclass
class NameMatch:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    target: Any  # Entry | CountryForm


class LazyTokens:
    """doc[i] on demand, each Token built once (most tokens are never looked at)."""

    def __init__(self, doc: "Doc"):
        self.doc = doc
        self.cache: dict[int, Any] = {}

    def __getitem__(self, i: int):
        tok = self.cache.get(i)
        if tok is None:
            tok = self.cache[i] = self.doc[i]
        return tok

    def __len__(self) -> int:
        return len(self.doc)


def iso3_of(iso2: str | None) -> str | None:
    if not iso2:
        return None
    c = country_by_iso2(iso2)
    return c.iso3 if c else None


def country_name(iso3: str) -> str:
    c = country_by_iso3(iso3)
    return c.name if c else iso3
