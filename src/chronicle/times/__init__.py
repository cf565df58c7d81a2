"""The times stage: temporal expressions normalised as TIMEX3 against the publication date.

    TimeStage()(ann) -> list[Time]      (chronicle.times.tagger does the work)
    chronicle.times.publication.textual_publication_date(text)   the date the body implies
    (an event's own date is the events stage's: chronicle.events.dating.date_event)
"""

from __future__ import annotations

from chronicle.record import Time
from chronicle.stage import Annotations
from chronicle.times.publication import textual_publication_date
from chronicle.times.tagger import TimeTagger

__all__ = ["TimeStage", "TimeTagger", "textual_publication_date"]


class TimeStage:
    """Tags and normalises every temporal expression of an article (built once per process)."""

    name = "times"

    def __init__(self):
        self.tagger = TimeTagger()

    def __call__(self, ann: Annotations) -> list[Time]:
        published = ann.published
        if not published:
            # ingestion normally settles the date; a direct caller may not have
            found = textual_publication_date(ann.text)
            published = found[0] if found else None
        return self.tagger.tag(ann.text, published, ann.doc)
