"""Every setting the pipeline and its stages accept, declared in one place.

Like spaCy's `default_config`, each setting has one declaration: its owner (the
pipeline itself or one stage), its default and what it does. `Pipeline(**settings)`
checks the whole set before it loads anything: a misspelt or unknown setting is an
error with a one-line message, never silently dropped; each stage then receives only
its own settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    owner: str  # "pipeline" or a stage's name
    default: Any
    help: str


SETTINGS: dict[str, Setting] = {
    # the pipeline
    "spacy_model": Setting("pipeline", None, "name of an installed spaCy English pipeline (default: the packaged one)"),
    "actors_files": Setting("pipeline", (), "extra actor knowledge-base files (YAML) beside the shipped one"),
    "batch_size": Setting("pipeline", 32, "articles parsed together by nlp.pipe"),
    "spacy_exclude": Setting("pipeline", None, "spaCy components to skip (default: those no stage needs)"),
    "fast_attribute_rules": Setting("pipeline", True, "run the model's attribute_ruler by table lookup (same output)"),
    "memory_zones": Setting("pipeline", True, "parse each batch inside a spaCy memory zone"),
    # the stages
    "places_demonyms": Setting("places", False, "also list demonyms (\"Iraqi\") as country places"),
    "event_model": Setting("events", None, "path of the learned event model (default: the shipped one)"),
    "use_model": Setting("events", True, "weigh the lexicon senses with the learned sentence model"),
}


class SettingsError(ValueError):
    """A setting no part of the pipeline declares."""


def check_settings(settings: dict[str, Any]) -> None:
    """Raise SettingsError, naming the unknown settings and the known ones, for any
    setting not declared in SETTINGS."""
    unknown = sorted(set(settings) - set(SETTINGS))
    if unknown:
        raise SettingsError(f"unknown setting{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                            f"known: {', '.join(sorted(SETTINGS))}")


def settings_for(owner: str, settings: dict[str, Any]) -> dict[str, Any]:
    """The settings given for `owner` (a stage's name or "pipeline"), defaults left to it."""
    return {k: v for k, v in settings.items() if SETTINGS[k].owner == owner}
