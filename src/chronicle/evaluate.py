"""`chronicle eval`: every development-set score in one table.

Each stage owns the scoring of its own dataset (events: PLOVER GSR and the
CASE 2021 snippets for ACLED, the hand-coded articles; places: GeoVirus and LGL); this module runs
them with one shared pipeline and formats the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table


def run_evaluations(gsr: Path | None, geovirus: Path | None, only: str | None = None, pipeline=None,
                    lgl: Path | None = None, case: Path | None = None,
                    articles: tuple[Path, Path] | None = None, predictions: Path | None = None,
                    timebank: Path | None = None) -> dict[str, dict[str, Any]]:
    """articles: (gold, input) of hand-coded articles (../shared/data/articles_dev.md);
    predictions: score this `chronicle extract` output of them instead of running the pipeline;
    timebank: TIMEX3-annotated news (JSON lines or TimeML) for the times stage."""
    from chronicle.pipeline import Pipeline

    scores: dict[str, dict[str, Any]] = {}
    if only in (None, "articles") and articles and all(Path(p).exists() for p in articles):
        from chronicle.events.evaluate_articles import evaluate_articles

        if predictions is None:
            pipeline = pipeline or Pipeline()
        scores["events (articles)"] = evaluate_articles(articles[0], articles[1], pipeline, predictions_path=predictions)
    if only == "articles":
        return scores
    pipeline = pipeline or Pipeline()
    if only in (None, "events") and gsr and Path(gsr).exists():
        from chronicle.events.evaluate import evaluate_gsr

        scores["events (PLOVER GSR)"] = evaluate_gsr(gsr, pipeline)
    if only in (None, "events", "acled") and case and Path(case).exists():
        from chronicle.events.acled_evaluate import evaluate_case

        scores["ACLED (CASE 2021 dev, out of fold)"] = evaluate_case(case, pipeline)
    if only in (None, "places") and geovirus and Path(geovirus).exists():
        from chronicle.places.evaluate import evaluate_geovirus

        scores["places (GeoVirus)"] = evaluate_geovirus(geovirus, pipeline)
    if only in (None, "places") and lgl and Path(lgl).exists():
        from chronicle.places.evaluate import evaluate_lgl

        scores["places (LGL)"] = evaluate_lgl(lgl, pipeline)
    if only in (None, "times") and timebank and Path(timebank).exists():
        from chronicle.times.evaluate import evaluate_timebank

        scores["times (TimeBank dev)"] = evaluate_timebank(timebank, pipeline.nlp)
    return scores


def scores_table(scores: dict[str, dict[str, Any]]) -> Table:
    table = Table(title="Chronicle on the development sets")
    table.add_column("set")
    table.add_column("measure")
    table.add_column("score", justify="right")
    for dataset, measures in scores.items():
        for name, value in measures.items():
            if isinstance(value, (dict, list)):
                continue  # detail (per-type tables) is in --json
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            table.add_row(dataset, name, shown)
            dataset = ""
    return table


# The per-class detail a set's scores carry, printed under the main table: the
# classes that score worst first (where to look), then the most frequent confusions.
_PER_CLASS_KEYS = ("per_class", "per_type")
_CONFUSION_KEYS = ("top_confusions", "confusion")


def detail_tables(scores: dict[str, dict[str, Any]], top: int = 10) -> list[Table]:
    """Per-class precision, recall, F1 and support, and the top confusions, of each set that has them."""
    tables = []
    for dataset, measures in scores.items():
        per_class = next((measures[k] for k in _PER_CLASS_KEYS if isinstance(measures.get(k), dict)), None)
        if per_class:
            table = Table(title=f"{dataset}: per class, worst F1 first")
            for column in ("class", "precision", "recall", "F1", "support"):
                table.add_column(column, justify="left" if column == "class" else "right")
            for name, row in sorted(per_class.items(), key=lambda kv: (kv[1].get("f1", 0.0), kv[0])):
                table.add_row(name, *(f"{row.get(k, 0.0):.2f}" for k in ("precision", "recall", "f1")), str(row.get("support", "")))
            tables.append(table)
        confusion = next((measures[k] for k in _CONFUSION_KEYS if measures.get(k)), None)
        if confusion:
            pairs = ([(c["pair"], c["count"]) for c in confusion] if isinstance(confusion, list)
                     else sorted(confusion.items(), key=lambda kv: -kv[1]))
            table = Table(title=f"{dataset}: top {min(top, len(pairs))} confusions (gold -> coded)")
            table.add_column("gold -> coded")
            table.add_column("count", justify="right")
            for pair, count in pairs[:top]:
                table.add_row(pair, str(count))
            tables.append(table)
    return tables

