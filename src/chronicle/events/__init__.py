"""The events stage: every event each sentence reports, coded in PLOVER, ACLED and CAMEO.

    sentence -> triggers (detect.py) -> type/mode (classify.py: rules + learned model)
             -> ACLED type/sub-type (classify.acled_for) and CAMEO root (ontology.py)
             -> roles, modifiers, sizes (EVENTS-STRUCTURE), date (TIMES), location (PLACES)
             -> Event records, most salient first, with a calibrated confidence

The other owners' functions are imported lazily; until they exist a simple
fallback stands in (subject/object roles, "not"/"may" modifiers, no sizes,
the publication date, no location).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from chronicle.record import ActorRef, Event, SentenceRef, Span
from chronicle.stage import Annotations

log = logging.getLogger(__name__)

MODEL_FILE = "plover_sentence_model.joblib"


def default_model_path() -> Path:
    return Path(str(resources.files("chronicle.events") / "model" / MODEL_FILE))


def load_model_bundle(path: str | Path | None = None) -> dict | None:
    """The shipped learned model and calibrator (None when the file is absent)."""
    path = Path(path) if path else default_model_path()
    if not path.exists():
        log.warning("event model %s not found; coding with rules alone", path)
        return None
    import joblib

    return joblib.load(path)


class EventStage:
    name = "events"

    def __init__(self, event_model: str | None = None, use_model: bool = True, **settings: Any):
        from chronicle.events.calibrate import Calibrator
        from chronicle.events.classify import RuleClassifier, SentenceModel

        self.settings = settings
        bundle = load_model_bundle(event_model) if use_model else None
        self.rules = RuleClassifier()
        self.model = SentenceModel(bundle)
        self.calibrate = Calibrator(bundle.get("calibrator") if bundle else None)
        self._hooks = _Hooks()

    def __call__(self, ann: Annotations) -> list[Event]:
        from chronicle.events.classify import code_sentences, names_an_earlier_event
        from chronicle.events.ontology import cameo_root

        doc = ann.doc
        sents = list(doc.sents)
        # actors that make a sentence political: anyone but plain civilians ("residents fled the fire")
        actor_spans = [(m.start, m.end) for a in ann.actors
                       if a.sector not in (None, "CVL") and (a.country or a.kind == "named")
                       for m in (a.mentions or [a])]
        coded = code_sentences(sents, self.rules, self.model, actor_spans)
        events: list[tuple[float, Event]] = []  # in text order until sorted by salience
        outcomes: dict[int, bool] = {}
        n_sents = max(len(sents), 1)
        sent_index = {s.start: k for k, s in enumerate(sents)}
        reported: set[str] = set()  # types of the article's events so far, in text order
        for sent, evs in coded:
            confidences = self.calibrate.many(evs)
            contexts = _contexts(sent) if evs else []
            sizes = self._hooks.sizes(ann, sent) if evs else []  # the sentence's counts, shared by its events
            for ev, conf in zip(evs, confidences):
                if ev.commentary:
                    # a re-mention or a comment ("these protests showed ..."): right type, but less
                    # likely to be an event of its own than the calibrated type confidence says
                    conf = round(conf * 0.7, 3)
                trig = ev.trigger
                tspan = doc[trig.start:trig.end]
                event = Event(
                    type=ev.type,
                    mode=ev.mode,
                    acled_event_type=ev.acled_event_type,
                    acled_sub_event_type=ev.acled_sub_event_type,
                    cameo_root=cameo_root(ev.type, ev.mode),
                    sentence=SentenceRef(sent.start_char, sent.end_char),
                    trigger=Span(tspan.text, tspan.start_char, tspan.end_char),
                    confidence=conf,
                    context=list(contexts),
                )
                self._hooks.attach(event, ann, sent, trig.head, sizes)
                if (event.type in reported and not (event.actor or event.recipient)
                        and names_an_earlier_event(trig.head)):
                    continue  # "the attack" after the attack was reported: the same event, not another
                if not event.historical:
                    reported.add(event.type)
                position = sent_index.get(sent.start, 0) / n_sents
                # salience: confident, central to its sentence, early in the article, news not background
                salience = ev.salience * conf / (1.0 + 1.5 * position)  # news puts its story first * (0.5 if event.historical else 1.0)
                salience *= 0.6 if (event.negated or event.hypothetical) else 1.0
                events.append((salience, event))
                outcomes[id(event)] = ev.outcome
        # a bare toll ("nine people were killed") after an attack reported earlier is that attack's outcome
        seen_violence = False
        for k, (sal, e) in enumerate(events):
            if e.type == "ASSAULT" and outcomes.get(id(e)) and seen_violence:
                events[k] = (sal * 0.4, e)
            seen_violence = seen_violence or (e.type == "ASSAULT" and not outcomes.get(id(e)))
        # an event type the article keeps returning to is its story: repeated mentions raise salience
        counts: dict[str, int] = {}
        for _, e in events:
            counts[e.type] = counts.get(e.type, 0) + 1
        total = max(len(events), 1)
        events = [(sal * (1.0 + 0.6 * counts[e.type] / total), e) for sal, e in events]
        events.sort(key=lambda x: -x[0])
        return [e for _, e in events]


def _contexts(sent) -> list[str]:
    """PLOVER general contexts whose cue words the sentence contains (one regex pass)."""
    pattern, names = _context_pattern()
    return sorted({names[m.lastgroup] for m in pattern.finditer(sent.text.lower())})


@lru_cache(maxsize=1)
def _context_pattern():
    import re

    from chronicle.events.ontology import context_cues

    names, parts = {}, []
    for k, (name, cues) in enumerate(context_cues().items()):
        group = f"c{k}"
        names[group] = name
        parts.append(f"(?P<{group}>" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)) + ")")
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b"), names


class _Hooks:
    """The other owners' event functions, imported once; simple fallbacks until they land."""

    def __init__(self):
        self.find_roles = _optional("chronicle.events.roles", "find_roles")
        self.find_modifiers = _optional("chronicle.events.modifiers", "find_modifiers")
        self.find_sizes = _optional("chronicle.events.sizes", "find_sizes")
        self.date_event = _optional("chronicle.times.dating", "date_event")
        self.locate_event = _optional("chronicle.places.event_location", "locate_event")

    def sizes(self, ann: Annotations, sent) -> list:
        return list(self._call(self.find_sizes, (ann, sent), None) or [])

    def attach(self, event: Event, ann: Annotations, sent, trigger, sizes: list) -> None:
        actor, recipient = self._call(self.find_roles, (ann, sent, trigger, event.type), None) or _fallback_roles(ann, sent, trigger)
        event.actor, event.recipient = list(actor), list(recipient)
        mods = self._call(self.find_modifiers, (ann, sent, trigger), None)
        if mods is not None:
            event.negated = bool(getattr(mods, "negated", False))
            event.hypothetical = bool(getattr(mods, "hypothetical", False))
            event.attributed_to = getattr(mods, "attributed_to", None)
            span = getattr(mods, "attributed_span", None)
            if span is not None:
                event.attributed_span = span if isinstance(span, Span) else Span(span.text, span.start_char, span.end_char)
            event.attributed_actor = getattr(mods, "attributed_actor", None)
        else:
            _fallback_modifiers(event, sent, trigger)
        event.sizes = list(sizes)
        dating = self._call(self.date_event, (ann, sent, trigger), None)
        if dating is not None:
            event.date = dating.date
            event.date_precision = dating.date_precision
            event.date_end = getattr(dating, "date_end", None)
            event.date_evidence = getattr(dating, "time_index", None)
            event.historical = bool(getattr(dating, "historical", False))
        elif ann.published:
            event.date, event.date_precision = ann.published[:10], "day"
        located = self._call(self.locate_event, (ann, sent, trigger), None)
        if located:
            event.location, event.location_precision = located

    @staticmethod
    def _call(fn, args, default):
        if fn is None:
            return default
        try:
            return fn(*args)
        except Exception as exc:  # noqa: BLE001 - one helper's failure must not lose the event
            log.debug("%s failed: %s", getattr(fn, "__name__", fn), exc)
            return default


def _optional(module: str, name: str):
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _actor_at(ann: Annotations, start: int, end: int) -> int | None:
    for k, actor in enumerate(ann.actors):
        for m in actor.mentions or [actor]:
            if m.start < end and m.end > start:
                return k
    return None


def _refs(ann: Annotations, tokens) -> list[ActorRef]:
    refs = []
    for tok in tokens:
        span = tok.doc[tok.left_edge.i:tok.right_edge.i + 1] if tok.pos_ in ("NOUN", "PROPN") else tok.doc[tok.i:tok.i + 1]
        k = _actor_at(ann, span.start_char, span.end_char)
        if k is not None and all(r.actor != k for r in refs):
            refs.append(ActorRef(k, span.text, span.start_char, span.end_char))
    return refs


def _fallback_roles(ann: Annotations, sent, trigger) -> tuple[list[ActorRef], list[ActorRef]]:
    """Subject (or passive agent) as actor, object as recipient, until roles.py lands."""
    subj, obj = [], []
    for child in trigger.children:
        if child.dep_ in ("nsubj",):
            subj.append(child)
        elif child.dep_ == "agent":
            subj.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in ("dobj", "nsubjpass"):
            obj.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "with", "to", "at"):
            obj.extend(c for c in child.children if c.dep_ == "pobj")
    return _refs(ann, subj), _refs(ann, obj)


_HEDGES = {"may", "might", "could", "would", "if"}


def _fallback_modifiers(event: Event, sent, trigger) -> None:
    """Negation and hedging on the trigger itself, until modifiers.py lands."""
    for child in trigger.children:
        if child.dep_ == "neg":
            event.negated = True
        if child.dep_ == "aux" and child.lower_ in _HEDGES:
            event.hypothetical = True
        if child.dep_ == "mark" and child.lower_ == "if":
            event.hypothetical = True
