"""What every stage reads: the article, its parsed doc, and the annotations before it.

A stage is a callable object built once per process (it owns its heavy
resources: gazetteer, knowledge base, classifier) and called once per article
with an `Annotations`; it returns its own list and never mutates the others (the one
exception is explicit: `Annotations.add_actor`/`add_actor_mention`, for the events stage).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Protocol, TypeVar

from chronicle.record import Actor, Article, Event, Place, Span, Time

if TYPE_CHECKING:  # spaCy is heavy to import; stages get a Doc at run time
    from spacy.tokens import Doc

T = TypeVar("T")


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

    # The one write across stages: the events stage may add what it learns about actors
    # while reading an event's roles (the state of a place where an act was done,
    # events/participants/mentions.py). Nothing else changes another stage's list.
    def add_actor(self, actor: Actor) -> int:
        """Append an actor found after the actors stage; returns its index in `actors`."""
        self.actors.append(actor)
        return len(self.actors) - 1

    def add_actor_mention(self, index: int, mention: Span) -> None:
        """Another mention of `actors[index]`, kept in text order (no duplicates)."""
        actor = self.actors[index]
        if all((m.start, m.end) != (mention.start, mention.end) for m in actor.mentions):
            actor.mentions.append(mention)
            actor.mentions.sort(key=lambda m: (m.start, m.end))

    def derived(self, name: str, source: list, build: Callable[[], T]) -> T:
        """`build()`, computed once per article and kept in notes[name] for as long as
        `source` (one of the lists above) is the same list with the same length. For
        indexes that helpers called once per trigger need over a whole list."""
        kept = self.notes.get(name)
        if kept is None or kept[0] is not source or kept[1] != len(source):
            kept = (source, len(source), build())
            self.notes[name] = kept
        return kept[2]


# Something this many characters or more from an event's trigger is not in the
# trigger's clause, even in one "sentence": news clauses are far shorter. The bound
# keeps a run-on page without full stops from making every trigger test every date
# and place in it (quadratic in the article's length).
TRIGGER_WINDOW_CHARS = 600


def trigger_window(sent: Any, trigger: Any) -> tuple[int, int]:
    """[lo, hi) character offsets around a trigger token, inside its sentence, that a
    date or place must start in to be linked to the event."""
    return (max(sent.start_char, trigger.idx - TRIGGER_WINDOW_CHARS),
            min(sent.end_char, trigger.idx + TRIGGER_WINDOW_CHARS))


class StartIndex:
    """Items sorted once by the character offset they start at (equal offsets keep
    their given order), then found by a window of offsets: a look-up per trigger
    that stays bounded however many items the article has."""

    def __init__(self, entries: Iterable[tuple[int, Any]]):
        ordered = sorted(entries, key=lambda entry: entry[0])
        self.starts = [start for start, _ in ordered]
        self.items = [item for _, item in ordered]

    def starting_in(self, lo: int, hi: int) -> Iterator[Any]:
        """The items that start at an offset in [lo, hi), in order."""
        for position in range(bisect_left(self.starts, lo), len(self.starts)):
            if self.starts[position] >= hi:
                break
            yield self.items[position]


class Stage(Protocol):
    name: str

    def __call__(self, ann: Annotations) -> list: ...
