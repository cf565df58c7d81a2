"""The event ontologies Chronicle codes into, and the tables between them.

* PLOVER 2.0: the 16 event types, their modes and the general contexts
  (data/plover.json, summarised from the PLOVER manual).
* ACLED: the event type and sub-event type a PLOVER type/mode maps to by
  default (data/plover_acled.csv). The sub-event type of a real sentence is
  refined from the sentence's own cues in `chronicle.events.acled`.
* CAMEO: the two-digit root of each PLOVER type/mode (data/plover_cameo.csv,
  following the OEDA cameo2plover table read backwards).

Every table is loaded once per process; lookups are dict reads.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# Older PLOVER (v0.5, used by the OEDA gold standard) names -> PLOVER 2.0 types.
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT", "YIELD": "CONCEDE"}

ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Suicide bomb", "Grenade", "Chemical weapon",
    ),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
# sub-event type -> event type
ACLED_PARENT: dict[str, str] = {sub: parent for parent, subs in ACLED_EVENT_TYPES.items() for sub in subs}


@dataclass(frozen=True)
class PloverType:
    name: str
    quad: str
    requires_recipient: bool
    definition: str
    modes: dict[str, str]


def _data_path(name: str):
    return resources.files("chronicle.events") / "data" / name


@lru_cache(maxsize=1)
def _plover() -> dict:
    with _data_path("plover.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    return {
        name: PloverType(name, d["quad"], d["requires_recipient"], d["definition"], dict(d["modes"]))
        for name, d in _plover()["types"].items()
    }


def modes_of(event_type: str) -> dict[str, str]:
    return plover_types()[event_type].modes


def requires_recipient(event_type: str) -> bool:
    return plover_types()[event_type].requires_recipient


def quad(event_type: str) -> str:
    return plover_types()[event_type].quad


@lru_cache(maxsize=1)
def context_cues() -> dict[str, tuple[str, ...]]:
    """PLOVER general contexts -> lower-case cue words and phrases."""
    return {name: tuple(cues) for name, cues in _plover()["contexts"].items()}


def _read_table(name: str) -> list[dict[str, str]]:
    with _data_path(name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def _acled_table() -> dict[tuple[str, str], tuple[str | None, str | None]]:
    table = {}
    for row in _read_table("plover_acled.csv"):
        key = (row["plover_type"], row["plover_mode"] or "")
        table[key] = (row["acled_event_type"] or None, row["acled_sub_event_type"] or None)
    return table


def acled_default(event_type: str, mode: str | None) -> tuple[str | None, str | None]:
    """ACLED (event type, sub-event type) a PLOVER type/mode maps to by default."""
    table = _acled_table()
    return table.get((event_type, (mode or "").lower())) or table.get((event_type, ""), (None, None))


@lru_cache(maxsize=1)
def _cameo_table() -> dict[tuple[str, str], str]:
    return {(row["plover_type"], row["plover_mode"] or ""): row["cameo_root"] for row in _read_table("plover_cameo.csv")}


def cameo_root(event_type: str, mode: str | None) -> str | None:
    """The two-digit CAMEO root of a PLOVER type/mode."""
    table = _cameo_table()
    return table.get((event_type, (mode or "").lower())) or table.get((event_type, ""))


@lru_cache(maxsize=1)
def _plover_for_cameo() -> dict[str, str]:
    roots: dict[str, str] = {}
    for (event_type, mode), root in sorted(_cameo_table().items(), key=lambda kv: bool(kv[0][1])):
        roots.setdefault(root, event_type)  # a type's own root first, then roots reached only through a mode
    return roots


def plover_for_cameo(root: str) -> str | None:
    """The PLOVER type of a two-digit CAMEO root (08 -> CONCEDE; 19, 20 -> ASSAULT)."""
    return _plover_for_cameo().get(root[:2].zfill(2))


def normalise_type(name: str) -> str | None:
    """A PLOVER type name from any version (DEMAND -> REQUEST); None when unknown."""
    name = name.strip().upper()
    name = LEGACY_TYPES.get(name, name)
    return name if name in PLOVER_TYPES else None
