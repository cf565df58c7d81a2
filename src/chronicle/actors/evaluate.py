"""Scoring the actors stage alone on the OEDA PLOVER gold standard.

`chronicle eval` scores the whole pipeline (chronicle.events.evaluate: the
countries of the coded event's actor and recipient). This module isolates the
actors stage, so its own errors can be told from role-finding errors:

  found_source / found_target
      share of gold sentences where some gold source (target) code is the
      country of one of the resolved actors (codes of international bodies
      and NGOs - IGO, NGO, IMG, ... - match an actor with no country)
  mention_country
      share of gold actor mentions (the gold `actorText`, located in the
      sentence) covered by a resolved mention whose actor has the gold country
  mention_sector
      among those, share whose sector is the gold one (where the gold has a
      plain three-letter sector)

Reads ../shared/data/plover_gsr_cameo.json at run time; nothing is copied.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

# CAMEO-era codes in the gold that differ from ISO 3166-1 alpha-3
CAMEO_TO_ISO3 = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GER": "DEU", "UK": "GBR", "ROM": "ROU", "ZAR": "COD"}
STATELESS = {"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "EUR"}


def gold_code(code: str | None) -> str | None:
    """A gold country code as the stage writes it (None for bodies without a country)."""
    code = (code or "").strip().upper()
    code = CAMEO_TO_ISO3.get(code, code)
    return None if code in STATELESS else code


def _gold_actors(value: Any) -> list[dict]:
    return [a for a in value if isinstance(a, dict) and a.get("code")] if isinstance(value, list) else []


def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where the gold actorText is in the sentence (gold texts may elide words: "U.S. ... negotiators")."""
    parts = [p for p in re.split(r"\s*\.\.\.\s*", actor_text.strip()) if p]
    spans = []
    for p in parts:
        i = text.find(p)
        if i < 0:
            i = text.lower().find(p.lower())
        if i < 0:
            return None
        spans.append((i, i + len(p)))
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None


def evaluate_actors(path: str | Path, stage=None, nlp=None, places=None) -> dict[str, Any]:
    from chronicle.actors import ActorStage
    from chronicle.nlp import load_nlp
    from chronicle.record import Article
    from chronicle.stage import Annotations

    stage = stage or ActorStage()
    nlp = nlp or load_nlp()
    if places is None:
        try:
            from chronicle.places import PlaceStage

            places = PlaceStage()
        except Exception:  # noqa: BLE001 - the places stage is optional context here
            places = None
    records = [r for r in json.loads(Path(path).read_text(encoding="utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"]
    found = {"source": [0, 0], "target": [0, 0]}
    mention_hits = mention_total = sector_hits = sector_total = 0
    misses: list[dict] = []
    docs = nlp.pipe(r["text"] for r in records)
    for rec, doc in zip(records, docs):
        ann = Annotations(article=Article(text=rec["text"]), doc=doc, published=rec.get("date"))
        if places is not None:
            ann.places = places(ann)
        actors = stage(ann)
        countries = {a.country for a in actors}
        for role in ("source", "target"):
            gold = _gold_actors(rec.get(role))
            if not gold:
                continue
            found[role][1] += 1
            if any(gold_code(g["code"]) in countries for g in gold):
                found[role][0] += 1
            for g in gold:
                span = _locate(rec["text"], g.get("actorText", ""))
                if span is None:
                    continue
                mention_total += 1
                want = gold_code(g["code"])
                covering = [a for a in actors for m in a.mentions if m.start < span[1] and span[0] < m.end]
                ok = [a for a in covering if a.country == want]
                if ok:
                    mention_hits += 1
                    gs = (g.get("sector") or "").strip()
                    if len(gs) == 3 and gs.isupper() and gs != "***":
                        sector_total += 1
                        sector_hits += any(a.sector == gs for a in ok)
                else:
                    misses.append({"id": rec["id"], "gold": f"{g.get('actorText')} {g['code']}",
                                   "got": [f"{m.text}={a.country}/{a.sector}" for a in covering for m in a.mentions
                                           if m.start < span[1] and span[0] < m.end][:3]})
    return {
        "sentences": len(records),
        "found_source": round(found["source"][0] / max(found["source"][1], 1), 4),
        "found_target": round(found["target"][0] / max(found["target"][1], 1), 4),
        "mention_country": round(mention_hits / max(mention_total, 1), 4),
        "mention_sector": round(sector_hits / max(sector_total, 1), 4),
        "gold_mentions": mention_total,
        "misses": misses,
    }
