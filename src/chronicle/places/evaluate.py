"""End-to-end geoparsing scores on GeoVirus (../shared/data/geovirus.xml) and
LGL (../shared/data/lgl_dev.jsonl, US local and world news).

From raw text: the toponyms Chronicle finds are matched to the gold ones by
character overlap (one to one), which gives toponym precision, recall and F1;
then each gold toponym counts as resolved when its matched prediction lies
within 161 km (100 miles) of the gold point. Unfound toponyms count as
unresolved, so `within_161km` measures finding and resolving together
(published geoparsers mostly report resolution with the toponyms given).

GeoVirus' offsets are one past the name: text[start-1:end-1] is the toponym.
LGL's are exact; its articles are JSON lines with `toponyms` (text, start,
end, lat, lon, geonameid). About one LGL toponym in eight has no point (streets,
buildings, "Memphis St."): it is left out of the gold, and a prediction on
it counts neither as right nor as spurious (such spans are `ignore`d).
"""

from __future__ import annotations

import json
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


def read_lgl(path: str | Path) -> list[tuple[str, list[dict[str, Any]]]]:
    """(text, gold toponyms) per LGL article, in the shape read_geovirus gives;
    toponyms without a point go to the `ignore` entries (gold items with "ignore": True)."""
    articles = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            gold = []
            for t in record["toponyms"] + [dict(x, lat=None) for x in record.get("ignore") or []]:
                item = {"name": t.get("name") or t["text"], "start": t["start"], "end": t["end"]}
                if t.get("lat") is None or t.get("lon") is None:
                    item["ignore"] = True
                else:
                    item["lat"], item["lon"] = float(t["lat"]), float(t["lon"])
                gold.append(item)
            articles.append((record["text"], gold))
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
    return score_articles(read_geovirus(path)[:limit], pipeline, errors=errors)


def evaluate_lgl(path: str | Path, pipeline=None, *, limit: int | None = None, errors: int = 0) -> dict[str, Any]:
    return score_articles(read_lgl(path)[:limit], pipeline, errors=errors)


def score_articles(articles: list[tuple[str, list[dict[str, Any]]]], pipeline=None, *, errors: int = 0) -> dict[str, Any]:
    """Toponym P/R/F1 and resolution (within 161 km, median error) of (text, gold) articles."""
    predictions = _geoparser(pipeline)([text for text, _ in articles])
    tally = Tally()
    for (_text, gold), pred in zip(articles, predictions):
        tally.add(gold, pred)
    return tally.scores(len(articles), errors)


class Tally:
    """Counts over articles: matched, predicted and gold toponyms, distances, misses."""

    def __init__(self) -> None:
        self.n_pred = self.n_gold = self.n_match = self.n_close = 0
        self.km_errors: list[float] = []
        self.missed: dict[str, int] = {}
        self.spurious: dict[str, int] = {}
        self.far: list[dict[str, Any]] = []

    def add(self, gold: list[dict[str, Any]], pred: list[Place]) -> None:
        scored = [g for g in gold if not g.get("ignore")]
        ignored = [g for g in gold if g.get("ignore")]
        pairs = _match(pred, scored)
        found_g = {gi for gi, _ in pairs}
        found_p = {pi for _, pi in pairs}
        # a prediction on a toponym the gold gives no point is neither right nor wrong
        on_ignored = {pi for _gi, pi in _match([p for pi, p in enumerate(pred)], ignored) if pi not in found_p}
        self.n_pred += len(pred) - len(on_ignored)
        self.n_gold += len(scored)
        self.n_match += len(pairs)
        for gi, pi in pairs:
            g, p = scored[gi], pred[pi]
            km = 20038.0 if p.lat is None else distance_km(g["lat"], g["lon"], p.lat, p.lon)  # unresolved: as far as it gets
            self.km_errors.append(km)
            if km <= ACCURACY_KM:
                self.n_close += 1
            else:
                self.far.append({"gold": g["name"], "predicted": p.name, "country": p.country_code, "km": round(km)})
        for gi, g in enumerate(scored):
            if gi not in found_g:
                self.missed[g["name"]] = self.missed.get(g["name"], 0) + 1
        for pi, p in enumerate(pred):
            if pi not in found_p and pi not in on_ignored:
                self.spurious[p.text] = self.spurious.get(p.text, 0) + 1

    def scores(self, n_articles: int, errors: int = 0) -> dict[str, Any]:
        precision = self.n_match / self.n_pred if self.n_pred else 0.0
        recall = self.n_match / self.n_gold if self.n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        km_errors = sorted(self.km_errors)
        top = lambda d: dict(sorted(d.items(), key=lambda kv: -kv[1])[: max(errors, 15)])  # noqa: E731
        return {
            "toponym_precision": round(precision, 4),
            "toponym_recall": round(recall, 4),
            "toponym_f1": round(f1, 4),
            "within_161km": round(self.n_close / self.n_gold, 4) if self.n_gold else 0.0,
            "within_161km_of_found": round(self.n_close / self.n_match, 4) if self.n_match else 0.0,
            "median_error_km": round(km_errors[len(km_errors) // 2], 1) if km_errors else 0.0,
            "articles": n_articles,
            "mentions": self.n_gold,
            "predicted": self.n_pred,
            "missed": top(self.missed),
            "spurious": top(self.spurious),
            "far": sorted(self.far, key=lambda x: -x["km"])[: max(errors, 15)],
        }
