"""End-to-end geoparsing score on GeoVirus (../shared/data/geovirus.xml).

From raw text: the toponyms Chronicle finds are matched to the gold ones by
character overlap (one to one), which gives toponym precision, recall and F1;
then each gold toponym counts as resolved when its matched prediction lies
within 161 km (100 miles) of the gold point. Unfound toponyms count as
unresolved, so `within_161km` measures finding and resolving together
(published geoparsers mostly report resolution with the toponyms given).

GeoVirus' offsets are one past the name: text[start-1:end-1] is the toponym.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Callable

from chronicle.record import Place

ACCURACY_KM = 161.0


def read_geovirus(path: str | Path) -> list[tuple[str, list[dict[str, Any]]]]:
    """(text, gold toponyms) per article; each toponym has name, start, end, lat, lon."""
    root = ET.parse(path).getroot()
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for loc in article.iter("location"):
            start = int(loc.findtext("start")) - 1
            end = int(loc.findtext("end")) - 1
            gold.append({
                "name": loc.findtext("name"),
                "start": start,
                "end": end,
                "lat": float(loc.findtext("lat")),
                "lon": float(loc.findtext("lon")),
            })
        articles.append((text, gold))
    return articles


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


def _geoparser(pipeline) -> Callable[[list[str]], list[list[Place]]]:
    """Only the places stage matters here: parse with the pipeline's spaCy model and
    run its places stage, skipping the other stages."""
    if pipeline is None:
        from chronicle.nlp import load_nlp
        from chronicle.places import PlaceStage

        nlp, stage = load_nlp(), PlaceStage()
    else:
        nlp = pipeline.nlp
        stage = next(s for s in pipeline.stages if getattr(s, "name", "") == "places")

    def run(texts: list[str]) -> list[list[Place]]:
        from chronicle.record import Article
        from chronicle.stage import Annotations

        out = []
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=32)):
            out.append(stage(Annotations(article=Article(text=text), doc=doc, published=None)))
        return out

    return run


def _match(pred: list[Place], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of overlapping spans, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g["end"], p.end) - max(g["start"], p.start)
            if overlap > 0:
                pairs.append((-overlap, gi, pi))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for _o, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def evaluate_geovirus(path: str | Path, pipeline=None, *, limit: int | None = None, errors: int = 0) -> dict[str, Any]:
    articles = read_geovirus(path)[:limit]
    predictions = _geoparser(pipeline)([text for text, _ in articles])
    n_pred = n_gold = n_match = n_close = 0
    km_errors: list[float] = []
    missed: dict[str, int] = {}
    spurious: dict[str, int] = {}
    far: list[dict[str, Any]] = []
    for (text, gold), pred in zip(articles, predictions):
        pairs = _match(pred, gold)
        n_pred += len(pred)
        n_gold += len(gold)
        n_match += len(pairs)
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if p.lat is None:
                km = 20038.0  # unresolved: as far as it gets
            else:
                km = distance_km(g["lat"], g["lon"], p.lat, p.lon)
            km_errors.append(km)
            if km <= ACCURACY_KM:
                n_close += 1
            else:
                far.append({"gold": g["name"], "predicted": p.name, "country": p.country_code, "km": round(km)})
        found_g = {gi for gi, _ in pairs}
        found_p = {pi for _, pi in pairs}
        for gi, g in enumerate(gold):
            if gi not in found_g:
                missed[g["name"]] = missed.get(g["name"], 0) + 1
        for pi, p in enumerate(pred):
            if pi not in found_p:
                spurious[p.text] = spurious.get(p.text, 0) + 1
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    km_errors.sort()
    top = lambda d: dict(sorted(d.items(), key=lambda kv: -kv[1])[: max(errors, 15)])  # noqa: E731
    return {
        "toponym_precision": round(precision, 4),
        "toponym_recall": round(recall, 4),
        "toponym_f1": round(f1, 4),
        "within_161km": round(n_close / n_gold, 4) if n_gold else 0.0,
        "within_161km_of_found": round(n_close / n_match, 4) if n_match else 0.0,
        "median_error_km": round(km_errors[len(km_errors) // 2], 1) if km_errors else 0.0,
        "articles": len(articles),
        "mentions": n_gold,
        "predicted": n_pred,
        "missed": top(missed),
        "spurious": top(spurious),
        "far": sorted(far, key=lambda x: -x["km"])[: max(errors, 15)],
    }
