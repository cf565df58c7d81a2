"""What every normaliser returns (`Norm`) and reads besides its match (`Context`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable


# the direction a clause's tense points
PAST, UNKNOWN, FUTURE = -1, 0, 1


@dataclass
class Norm:
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None
    range_start: str | None = None
    range_end: str | None = None


class Context:
    """What a normaliser may know beyond its own words."""

    def __init__(self, ref: date | None, direction: Callable[[int, int], int], text: str = "",
                 is_count: Callable[[int, int], bool] = lambda start, end: False):
        self.ref = ref
        self.text = text
        self.is_count = is_count  # (start, end) -> whether a number there counts things
        self.direction = direction  # (start, end) -> PAST | UNKNOWN | FUTURE
        self.anchor_day: date | None = None  # the last calendar day the text named

    def anchor(self) -> tuple[date | None, str]:
        if self.anchor_day is not None:
            return self.anchor_day, self.anchor_day.isoformat()
        return self.ref, "published"
