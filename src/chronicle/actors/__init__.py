"""The actors stage: who acts and who is acted on, resolved to country and sector codes.

    ActorStage(extra_files=())(ann) -> list[Actor]

One Actor per distinct actor of the article, with every mention (names,
acronyms, descriptions, appositions, pronouns, short forms) in
`Actor.mentions`; EVENTS maps a token span to an actor through those spans.

The knowledge base (chronicle/actors/data/*.yaml plus the user's files, see
docs/actors.md) is compiled once per process; resolving an article is a walk
over its tokens with dictionary lookups (chronicle.actors.resolve).
"""

from __future__ import annotations

import logging
from typing import Iterable

from chronicle.actors.kb import KnowledgeBase, KnowledgeBaseError, load_knowledge_base
from chronicle.actors.resolve import ArticleResolver
from chronicle.actors.units import MentionLog
from chronicle.record import Actor
from chronicle.stage import Annotations

log = logging.getLogger(__name__)

__all__ = ["ActorStage", "KnowledgeBase", "KnowledgeBaseError", "MentionLog", "load_knowledge_base", "status_on"]


class ActorStage:
    """Resolves the actors of an article against the knowledge base."""

    name = "actors"

    def __init__(self, extra_files: Iterable[str] = ()):
        self.kb: KnowledgeBase = load_knowledge_base(tuple(str(f) for f in extra_files))

    def __call__(self, ann: Annotations) -> list[Actor]:
        try:
            return self.resolve(ann)[0]
        except Exception as exc:  # noqa: BLE001 - an actor bug must not cost the article its other fields
            log.warning("article %s: actors failed: %s: %s", ann.article.id, type(exc).__name__, exc)
            return []

    def resolve(self, ann: Annotations) -> tuple[list[Actor], list[MentionLog]]:
        """The actors and, for explanation, every mention with the reason it resolved so."""
        return ArticleResolver(self.kb, ann).run()

    def status_on(self, actor: Actor, day: str) -> tuple[str | None, str | None, str | None] | None:
        """(country, sector, role) of a knowledge-base actor on another date than the
        article's: for an event the text dates in the past ("the 2013 massacre by
        forces under Maliki's command" -> Maliki was prime minister, GOV, then).
        None for actors the knowledge base has no dated roles for."""
        return status_on(actor, day, self.kb)


def status_on(actor: Actor, day: str, kb: KnowledgeBase | None = None) -> tuple[str | None, str | None, str | None] | None:
    """Module-level form of ActorStage.status_on (uses the shipped knowledge base by default)."""
    kb = kb or load_knowledge_base()
    if actor.kind not in ("named", "organisation") or not day:
        return None
    entry = kb.entry_named(actor.name)
    if entry is None or not entry.roles:
        return None
    from chronicle.actors.kb import _iso

    country, _intl, sector, role, _why = entry.status_on(_iso(day[:10]) or day)
    return country, sector, role.title if role else None
