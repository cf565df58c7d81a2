"""What every stage reads: the article, its parsed doc, and the annotations before it.

A stage is a callable object built once per process (it owns its heavy
resources: gazetteer, knowledge base, classifier) and called once per article
with an `Annotations`; it returns its own list and never mutates the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from chronicle.record import Actor, Article, Event, Place, Time

if TYPE_CHECKING:  # spaCy is heavy to import; stages get a Doc at run time
    from spacy.tokens import Doc


@dataclass
class Annotations:
    article: Article
    doc: "Doc"
    published: str | None  # ISO date the article was published, as resolved by ingestion
    places: list[Place] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Facts one stage derives that later stages may read (e.g. "focus_country"),
    # documented where they are set. Read-only for everyone but the setter.
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text


class Stage(Protocol):
    name: str

    def __call__(self, ann: Annotations) -> list: ...
