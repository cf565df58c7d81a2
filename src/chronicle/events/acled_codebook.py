"""The ACLED codebook as data (acled_codebook.yaml): sub-event types, their event types,
the CASE 2021 labels they correspond to, the codebook's decision order and the news
event classes ACLED does not code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CODEBOOK_FILE = Path(__file__).parent / "acled_codebook.yaml"


@dataclass(frozen=True)
class SubEventType:
    name: str
    event_type: str
    label: str
    definition: str
    cues: tuple[str, ...]
    # the PLOVER (type, mode) of an event the learned model codes where the rules found none
    # (acled_model.code_without_event); None for a sub-type no one PLOVER type stands for ("Other")
    plover: tuple[str, str | None] | None = None


@dataclass
class Codebook:
    event_types: dict[str, str]
    sub_event_types: tuple[SubEventType, ...]
    not_acled: dict[str, str]  # CASE label -> name of the class ACLED does not code
    decision_order: tuple[tuple[str, str], ...]

    def __post_init__(self):
        self._by_label = {s.label: s for s in self.sub_event_types}
        self._by_name = {s.name: s for s in self.sub_event_types}
        self._order = frozenset(self.decision_order)

    def by_label(self, label: str) -> SubEventType | None:
        return self._by_label.get(label)

    def by_name(self, name: str) -> SubEventType | None:
        return self._by_name.get(name)

    def acled_of(self, label: str) -> tuple[str | None, str | None]:
        """(ACLED event type, sub-event type) of a CASE label; (None, None) for the classes ACLED does not code."""
        sub = self.by_label(label)
        return (sub.event_type, sub.name) if sub else (None, None)

    def label_of(self, sub_event_type: str | None) -> str | None:
        sub = self.by_name(sub_event_type) if sub_event_type else None
        return sub.label if sub else None

    def labels(self) -> list[str]:
        return [s.label for s in self.sub_event_types] + list(self.not_acled)

    def precedes(self, first: str, second: str) -> bool:
        """Whether the codebook codes sub-event type `first` over `second` when both fit."""
        return (first, second) in self._order


@lru_cache(maxsize=1)
def load_codebook(path: str | Path | None = None) -> Codebook:
    import yaml

    data = yaml.safe_load(Path(path or CODEBOOK_FILE).read_text(encoding="utf-8"))
    subs = tuple(SubEventType(s["name"], s["event_type"], s["label"], s["definition"], tuple(s.get("cues") or ()),
                              tuple(s["plover"]) if s.get("plover") else None)
                 for s in data["sub_event_types"])
    names = {s.name for s in subs}
    order = tuple((a, b) for a, b in data["decision_order"])
    unknown = {n for pair in order for n in pair} - names
    if unknown or any(s.event_type not in data["event_types"] for s in subs):
        raise ValueError(f"acled codebook: unknown sub-event or event type in {path or CODEBOOK_FILE}: {sorted(unknown)}")
    return Codebook(event_types=dict(data["event_types"]), sub_event_types=subs,
                    not_acled={c["label"]: c["name"] for c in data["not_acled"]}, decision_order=order)
