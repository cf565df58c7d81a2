"""The actors stage (first placeholder: returns nothing until the stage lands)."""

from __future__ import annotations

from chronicle.stage import Annotations


class ActorStage:
    name = "actors"

    def __init__(self, **settings):
        self.settings = settings

    def __call__(self, ann: Annotations) -> list:
        return []
