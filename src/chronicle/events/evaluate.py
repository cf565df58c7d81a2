"""Scoring the events stage on the OEDA PLOVER gold standard (`chronicle eval`).

Each gold record is one real news sentence with its PLOVER v0.5 event and the
CAMEO-style country codes of its source and target. Every sentence runs
through the full pipeline (places, times, actors, events) and the record's
most salient event is compared with the gold:

  type        PLOVER 2.0 type (v0.5 labels mapped: DEMAND -> REQUEST,
              DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT)
  actor       gold "source" codes vs the countries of the event's actors
  recipient   gold "target" codes vs the countries of the event's recipients
              (international bodies and NGOs, coded IGO/NGO/IMG, match an
              actor without a country)
  confidence  a calibration table over confidence bins

A sentence with no coded event counts as wrong for every measure.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from chronicle.events.calibrate import calibration_table, expected_calibration_error
from chronicle.events.ontology import PLOVER_TYPES, normalise_type

NO_EVENT = "NONE"
# CAMEO country codes that differ from ISO 3166-1 alpha-3
CAMEO_TO_ISO3 = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GER": "DEU", "UK": "GBR", "ROM": "ROU", "ZAR": "COD"}
# codes of actors that belong to no country
STATELESS = {"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "EUR", "AFR", "ASA", "WST"}


def load_gsr(path: str | Path) -> list[dict]:
    """The gold records that describe events (the DOCUMENT record is skipped)."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for rec in records:
        gold = normalise_type(rec.get("event", ""))
        if gold is None or not rec.get("text"):
            continue
        out.append({**rec, "gold_type": gold})
    return out


def _codes(value: Any) -> set[str | None]:
    codes: set[str | None] = set()
    for item in value if isinstance(value, list) else []:
        code = (item.get("code") if isinstance(item, dict) else str(item)) or ""
        code = code.strip().upper()
        if not code:
            continue
        code = CAMEO_TO_ISO3.get(code, code)
        codes.add(None if code in STATELESS else code)
    return codes


def _countries(record, refs) -> set[str | None]:
    return {record.actors[r.actor].country for r in refs if 0 <= r.actor < len(record.actors)}


def _prf(gold: list[str], pred: list[str], labels: list[str]) -> dict[str, dict[str, float]]:
    per = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3), "support": tp + fn}
    return per


def evaluate_gsr(path: str | Path, pipeline) -> dict[str, Any]:
    from chronicle.record import Article

    gold = load_gsr(path)
    articles = [Article(text=rec["text"], id=rec["id"], published=rec.get("date")) for rec in gold]
    records = list(pipeline.process_many(articles))
    gold_types, pred_types, confidences, correct = [], [], [], []
    actor_hits = actor_total = recipient_hits = recipient_total = 0
    errors = []
    for rec, out in zip(gold, records):
        event = out.events[0] if out.events else None
        pred = event.type if event else NO_EVENT
        gold_types.append(rec["gold_type"])
        pred_types.append(pred)
        if event is not None:
            confidences.append(event.confidence)
            correct.append(pred == rec["gold_type"])
        if pred != rec["gold_type"]:
            errors.append({"id": rec["id"], "gold": rec["gold_type"], "pred": pred,
                           "trigger": event.trigger.text if event and event.trigger else None})
        src, tgt = _codes(rec.get("source")), _codes(rec.get("target"))
        if src:
            actor_total += 1
            if event is not None and src & _countries(out, event.actor):
                actor_hits += 1
        if tgt:
            recipient_total += 1
            if event is not None and tgt & _countries(out, event.recipient):
                recipient_hits += 1
    present = [t for t in PLOVER_TYPES if t in set(gold_types)]
    per_type = _prf(gold_types, pred_types, present)
    macro = sum(v["f1"] for v in per_type.values()) / len(per_type) if per_type else 0.0
    accuracy = sum(1 for g, p in zip(gold_types, pred_types) if g == p) / len(gold_types) if gold_types else 0.0
    return {
        "sentences": len(gold),
        "type_macro_f1": round(macro, 4),
        "type_accuracy": round(accuracy, 4),
        "no_event_share": round(pred_types.count(NO_EVENT) / max(len(pred_types), 1), 4),
        "actor_country_accuracy": round(actor_hits / actor_total, 4) if actor_total else 0.0,
        "recipient_country_accuracy": round(recipient_hits / recipient_total, 4) if recipient_total else 0.0,
        "expected_calibration_error": expected_calibration_error(confidences, correct),
        "per_type": per_type,
        "calibration": calibration_table(confidences, correct),
        "confusion": dict(Counter(f"{g}->{p}" for g, p in zip(gold_types, pred_types) if g != p).most_common(25)),
        "errors": errors,
    }
