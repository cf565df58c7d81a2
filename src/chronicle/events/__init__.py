"""The events stage: every event each sentence reports, coded in PLOVER, ACLED and CAMEO.

In pipeline order, one field per module:

    detect.py        triggers in clauses (lexicon senses)
    classify.py      PLOVER type and mode: rules + the learned sentence model (train.py,
                     calibrate.py); occurrence.py says which triggers report an event at all
    acled.py         ACLED event type and sub-event type (word lists: data/acled_words.yaml)
    ontology.py      CAMEO root and the PLOVER/ACLED/CAMEO tables (data/)
    participants/    actor and recipient (find_roles)
    modifiers.py     negated, hypothetical; attribution.py: who claims it
    sizes.py         counts: killed, injured, arrested, crowd
    dating.py        the event's own date, its precision and `historical`
    location.py      where it happened
    here             salience: the article's events, most salient first
    identity.py      the passages of one happening -> one event with all its mentions
    relevance.py     no events from an article that reports no politics
(senses.py says which uses of a trigger word are no event, for detect.py; background.py
which clauses recount the past, for dating.py.)

A helper that raises on an article does not lose its events: the field it computes
stays empty and a warning names the article and the helper.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, TypeVar

from chronicle.events.acled_model import ARMED_SECTORS, AcledModel, armed_doer_verb, code_without_event, decide, load_acled_model
from chronicle.events.acled_model import passage as acled_passage
from chronicle.events.acled_model import window as acled_window
from chronicle.events.calibrate import Calibrator
from chronicle.events.classify import RuleClassifier, SentenceModel, code_sentences
from chronicle.events.dating import date_event
from chronicle.events.detect import detect_triggers
from chronicle.events.identity import merge_mentions
from chronicle.events.location import locate_event
from chronicle.events.modifiers import find_modifiers
from chronicle.events.ontology import cameo_root, context_cues
from chronicle.events.participants import find_roles
from chronicle.events.relevance import political_events
from chronicle.events.sizes import find_sizes
from chronicle.record import Event, SentenceRef, Span
from chronicle.stage import Annotations

T = TypeVar("T")

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

    def __init__(self, event_model: str | None = None, use_model: bool = True, acled_model: str | None = None,
                 acled_events: int = 2):
        bundle = load_model_bundle(event_model) if use_model else None
        self.rules = RuleClassifier()
        self.model = SentenceModel(bundle)
        self.calibrate = Calibrator(bundle.get("calibrator") if bundle else None)
        # the learned ACLED sub-event model reads the sentences of the article's leading events only:
        # its sentence encoder costs ~10 ms a sentence, the rules' decision stands for the rest
        self.acled_events = int(acled_events)
        self.acled = load_acled_model(acled_model) if self.acled_events > 0 else AcledModel(None)

    def __call__(self, ann: Annotations) -> list[Event]:
        import sklearn

        # the learned models are called a few times per article on a handful of sentences, where
        # scikit-learn's checks of its parameters and of finite input (TF-IDF rows and unit-length
        # embeddings are always finite) cost as much as the prediction: skipped, the same output
        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            return self._coded(ann)

    def _coded(self, ann: Annotations) -> list[Event]:
        doc = ann.doc
        text = ann.text  # the doc's text (doc.text joins every token's text again on each read)
        sents = list(doc.sents)
        # actors that make a sentence political: anyone but plain civilians ("residents fled the fire")
        actor_spans = [(m.start, m.end) for a in ann.actors
                       if a.sector not in (None, "CVL") and (a.country or a.kind == "named")
                       for m in (a.mentions or [a])]
        lead_triggers: dict[int, list] = {}
        coded = code_sentences(sents, self.rules, self.model, actor_spans, lead_triggers)
        events: list[tuple[float, Event]] = []  # in text order until sorted by salience
        outcomes: dict[int, bool] = {}
        n_sents = max(len(sents), 1)
        sent_index = {s.start: k for k, s in enumerate(sents)}
        for sent, evs in coded:
            confidences = self.calibrate.many(evs)
            contexts = _contexts(text[sent.start_char:sent.end_char]) if evs else []
            sizes = (_guarded(ann, find_sizes, ann, sent) or []) if evs else []  # the sentence's counts, shared by its events
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
                _attach(event, ann, sent, trig.head, sizes)
                # ("the attack" after the attack was reported is kept: identity.py makes it a mention of that event)
                position = sent_index.get(sent.start, 0) / n_sents
                # salience: confident, central to its sentence, early in the article, news not background
                salience = ev.salience * conf / (1.0 + 1.5 * position)  # news puts its story first
                salience *= 0.6 if (event.negated or event.hypothetical) else 1.0
                events.append((salience, event))
                outcomes[id(event)] = ev.outcome
        if not events:
            return self._model_coded(ann, sents, lead_triggers.get(sents[0].start) if sents else None)
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
        # one event per happening, and none from an article that reports no politics
        ordered = political_events(merge_mentions([e for _, e in events], ann), ann)
        self._learned_acled(text, [(s.start_char, s.end_char) for s in sents], ordered[:self.acled_events])
        return ordered

    def _learned_acled(self, text: str, all_sentences: list[tuple[int, int]], leading: list[Event]) -> None:
        """The learned model's ACLED decision for the leading events (acled_model.decide says how
        it and the rules' decision combine), one model call for their distinct sentences."""
        if not leading or not self.acled:
            return
        sentences = sorted({(e.sentence.start, e.sentence.end) for e in leading})
        probs = dict(zip(sentences, self.acled.probs([text[a:b] for a, b in sentences],
                                                     acled_passage(text, all_sentences, sentences),
                                                     [acled_window(text, all_sentences, s) for s in sentences])))
        for k, e in enumerate(leading):
            key = (e.sentence.start, e.sentence.end)
            e.acled_event_type, e.acled_sub_event_type, e.acled_confidence = decide(
                e.type, (e.acled_event_type, e.acled_sub_event_type), probs[key], text[key[0]:key[1]], lead=k == 0)

    def _model_coded(self, ann: Annotations, sents: list, lead_triggers: list | None = None) -> list[Event]:
        """The event the learned ACLED model reads in the lead sentence of an article in which the
        rules found none (acled_model.code_without_event says when it names one), where an armed
        group or a state force acts in the lead's main clause (acled_model.armed_doer_verb); that
        verb is its trigger, its parties, date and place are read as for any event there.
        `lead_triggers`: the lead sentence's triggers when code_sentences detected them already."""
        armed = [(m.start, m.end) for a in ann.actors if a.sector in ARMED_SECTORS for m in (a.mentions or [a])]
        verb = armed_doer_verb(sents[0], armed) if sents and armed and self.acled else None
        if lead_triggers is None and verb is not None:
            lead_triggers = detect_triggers(sents[0], self.rules.lexicon)
        if verb is None or any(t.start <= verb.i < t.end for t in lead_triggers):
            # a verb the lexicon knows was read by the rules, which found no event in it ("troops are
            # stationed there" is a state): the model fills the lexicon's gaps, it does not overrule it
            return []
        text = ann.text
        spans = [(s.start_char, s.end_char) for s in sents]
        lead, span = sents[0], spans[0]
        probs = self.acled.probs([text[span[0]:span[1]]], acled_passage(text, spans, [span]),
                                 [acled_window(text, spans, span)])[0]
        coded = code_without_event(probs)
        if coded is None:
            return []
        plover_type, mode, event_type, sub_event_type, p = coded
        event = Event(type=plover_type, mode=mode, acled_event_type=event_type, acled_sub_event_type=sub_event_type,
                      cameo_root=cameo_root(plover_type, mode), sentence=SentenceRef(*span),
                      trigger=Span(verb.text, verb.idx, verb.idx + len(verb.text)), confidence=p,
                      context=_contexts(text[span[0]:span[1]]), acled_confidence=p)
        _attach(event, ann, lead, verb, _guarded(ann, find_sizes, ann, lead) or [])
        return political_events(merge_mentions([event], ann), ann)


def _contexts(sentence_text: str) -> list[str]:
    """PLOVER general contexts whose cue words the sentence's text contains (one regex pass)."""
    pattern, names = _context_pattern()
    return sorted({names[m.lastgroup] for m in pattern.finditer(sentence_text.lower())})


@lru_cache(maxsize=1)
def _context_pattern():
    names, parts = {}, []
    for k, (name, cues) in enumerate(context_cues().items()):
        group = f"c{k}"
        names[group] = name
        parts.append(f"(?P<{group}>" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)) + ")")
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b"), names


def _attach(event: Event, ann: Annotations, sent, trigger, sizes: list) -> None:
    """Roles, modifiers, sizes, date and place of one event, each from its own module."""
    roles = _guarded(ann, find_roles, ann, sent, trigger, event.type)
    if roles is not None:
        event.actor, event.recipient = list(roles[0]), list(roles[1])
    mods = _guarded(ann, find_modifiers, ann, sent, trigger, event.type)
    if mods is not None:
        event.negated, event.hypothetical = bool(mods.negated), bool(mods.hypothetical)
        event.attributed_to, event.attributed_actor = mods.attributed_to, mods.attributed_actor
        if mods.attributed_span is not None:
            event.attributed_span = mods.attributed_span
    event.sizes = list(sizes)
    dating = _guarded(ann, date_event, ann, sent, trigger)
    if dating is not None:
        event.date, event.date_precision, event.date_end = dating.date, dating.date_precision, dating.date_end
        event.date_evidence = dating.time_index
        event.historical = bool(dating.historical)
        event.hypothetical = event.hypothetical or dating.future  # "rallies next month": planned
    located = _guarded(ann, locate_event, ann, sent, trigger)
    if located:
        event.location, event.location_precision = located


def _guarded(ann: Annotations, fn: Callable[..., T], *args: Any) -> T | None:
    """fn(*args); if it raises, a warning that names the article and the helper, and None
    (the field that helper computes stays empty; the article keeps its other events)."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - one helper's failure must not lose the article's events
        log.warning("article %s: events.%s failed: %s: %s", ann.article.id, fn.__name__, type(exc).__name__, exc)
        return None
