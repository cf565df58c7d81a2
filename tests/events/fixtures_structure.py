"""Helpers for the roles, modifiers and sizes tests: hand-made actors over sentences we write.

Actors are given by the words that mention them, so the tests do not depend on
the ACTORS stage; the text is parsed with the project's own spaCy pipeline.
"""

from __future__ import annotations

import re

from chronicle.nlp import load_nlp
from chronicle.record import Actor, Article, Place, Span
from chronicle.stage import Annotations


def _find_all(text: str, phrase: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text)]


def annotate(text: str, actors: dict[str, list[str]] | None = None, places: dict[str, str] | None = None) -> Annotations:
    """Parse `text` and add one Actor per key, mentioned by every occurrence of its phrases;
    `places`: phrase -> ISO alpha-2 code of a resolved place at each occurrence."""
    doc = load_nlp()(text)
    ann = Annotations(article=Article(text=text), doc=doc, published="2024-05-01")
    for phrase, iso2 in (places or {}).items():
        for s, e in _find_all(text, phrase):
            ann.places.append(Place(text=phrase, start=s, end=e, name=phrase, country_code=iso2, feature="city"))
    for name, phrases in (actors or {}).items():
        spans = sorted({span for phrase in phrases for span in _find_all(text, phrase)})
        assert spans, f"no mention of {name!r} in the text"
        mentions = [Span(text=text[s:e], start=s, end=e) for s, e in spans]
        first = mentions[0]
        ann.actors.append(Actor(text=first.text, start=first.start, end=first.end, name=name, mentions=mentions))
    return ann


def token(ann: Annotations, word: str, nth: int = 0):
    """The nth token whose text is `word`."""
    hits = [t for t in ann.doc if t.text == word]
    assert len(hits) > nth, f"no token {word!r} (#{nth})"
    return hits[nth]


def names(ann: Annotations, refs) -> list[str]:
    return [ann.actors[r.actor].name for r in refs]
