"""Finding an actor in a resolved article by one of its mentions. A module of its own, not
conftest.py: `from conftest import ...` takes whichever folder's conftest was imported first
when several test folders run together."""

from __future__ import annotations


def actor_of(actors, mention_text):
    """The actor one of whose mentions is exactly `mention_text` (the first such)."""
    for a in actors:
        if any(m.text == mention_text for m in a.mentions):
            return a
    raise AssertionError(f"no actor has the mention {mention_text!r}: " + repr([(a.name, [m.text for m in a.mentions]) for a in actors]))


def actor_covering(actors, word):
    """The actor with a mention that contains `word`."""
    for a in actors:
        if any(word in m.text for m in a.mentions):
            return a
    raise AssertionError(f"no mention contains {word!r}: " + repr([(a.name, [m.text for m in a.mentions]) for a in actors]))
