"""Scoring whole articles against an analyst's hand coding: one record per real-world event.

The gold file holds, per article, every event the analyst coded (news and
background), each with every passage of the text that mentions it
(format: ../shared/data/articles_dev.md). A run of `chronicle extract` over the
same articles is scored as an analyst would count it:

  anchor      a predicted event sits at its trigger (else its sentence start);
              negated and hypothetical events are left out (users filter them)
  reach       the gold events with a mention passage that holds the anchor
  matching    predictions in text order; in a first round each takes the first
              free gold event of its own type, in a second any free gold event;
              a prediction whose gold events are all taken is a duplicate, one
              that reaches none is a false event
  fields      for each gold event found, its first prediction is compared:
              type, ACLED sub-type, actor / recipient / location country, date
              (the predicted value must be at least as precise and agree) and
              the historical flag (true exactly for background)

These are the measures of ../shared/eval/score_articles.py (the reference;
tests/events/test_evaluate_articles.py checks that both give the same figures).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

NEWS, BACKGROUND = "news", "background"


class ArticleGoldError(ValueError):
    """The gold, input or prediction files cannot be scored (said in one line)."""


def read_json_lines(path: str | Path, what: str) -> list[dict]:
    """Rows of a JSON lines file; a clear one-line error for a missing or broken file."""
    path = Path(path)
    if not path.is_file():
        raise ArticleGoldError(f"{what} file not found: {path}")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ArticleGoldError(f"{path}:{n}: not a JSON line ({exc.msg})") from None
            if not isinstance(row, dict):
                raise ArticleGoldError(f"{path}:{n}: a JSON object per line is expected")
            rows.append(row)
    return rows


def passage_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where a gold passage lies in the text: every exact occurrence, else every occurrence
    with its whitespace taken loosely (a quote copied across a line break)."""
    found, at = [], text.find(quote)
    while at >= 0:
        found.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    if found:
        return found
    words = quote.split()
    if not words:
        return []
    loose = re.compile(r"\s+".join(map(re.escape, words)))
    return [m.span() for m in loose.finditer(text)]


def _is_int(value: Any) -> bool:
    return isinstance(value, int)


def event_anchor(record: dict, event: dict, text: str) -> int | None:
    """The offset in `text` (the article as coded) where a predicted event sits.

    A record whose text differs from the coded one (the reader cleaned it) is placed by
    finding its evidence sentence in the coded text and keeping the offset inside it."""
    trigger = event.get("trigger") or {}
    sentence = event.get("sentence") or {}
    at = trigger.get("start") if _is_int(trigger.get("start")) else sentence.get("start")
    if at is None:
        return None
    own_text = record.get("text") or ""
    if own_text == text:
        return at
    start, end = sentence.get("start"), sentence.get("end")
    if not (_is_int(start) and _is_int(end) and 0 <= start < end <= len(own_text)):
        return None
    places = passage_spans(text, own_text[start:end].strip())
    if not places:
        return None
    first_start, first_end = places[0]
    inside = min(at - start, first_end - first_start - 1)
    return first_start + max(0, inside)


def _role_countries(record: dict, refs: Any) -> set[str]:
    actors = record.get("actors") or []
    countries = set()
    for ref in refs or []:
        k = ref.get("actor") if isinstance(ref, dict) else None
        if _is_int(k) and 0 <= k < len(actors) and actors[k].get("country"):
            countries.add(actors[k]["country"])
    return countries


def _location_country(record: dict, location: Any) -> str | None:
    places = record.get("places") or []
    if _is_int(location) and 0 <= location < len(places):
        return places[location].get("country_code")
    if isinstance(location, dict):
        return location.get("country_code")
    return None


def date_agrees(predicted: Any, gold: str) -> bool:
    """A predicted date agrees when it says at least what the gold says ("2009-03-15" fits "2009-03")."""
    return isinstance(predicted, str) and len(predicted) >= len(gold) and predicted.startswith(gold)


@dataclass
class ArticleMatch:
    """How one article's predictions met its gold events."""

    verdicts: list[str]  # per prediction: "new" | "dup" | "fp"
    owner: dict[int, int]  # gold event index -> the prediction that found it


def match_predictions(types: list[str | None], reaches: list[list[int]], gold_types: list[str]) -> ArticleMatch:
    """Give each gold event its first prediction: same-type predictions choose first."""
    verdicts = ["fp"] * len(types)
    owner: dict[int, int] = {}

    def same_type(i: int) -> list[int]:
        return [k for k in reaches[i] if gold_types[k] == types[i]]

    # round 1: a prediction takes the first free gold event of its own type
    for i in range(len(types)):
        free = [k for k in same_type(i) if k not in owner]
        if free:
            owner[free[0]] = i
            verdicts[i] = "new"
    # one whose same-type gold events are all taken repeats them
    for i in range(len(types)):
        if verdicts[i] == "fp" and any(k in owner for k in same_type(i)):
            verdicts[i] = "dup"
    # round 2: the rest take any free gold event they reach, else repeat one
    for i in range(len(types)):
        if verdicts[i] != "fp" or not reaches[i]:
            continue
        free = [k for k in reaches[i] if k not in owner]
        if free:
            owner[free[0]] = i
            verdicts[i] = "new"
        else:
            verdicts[i] = "dup"
    return ArticleMatch(verdicts, owner)


@dataclass
class ArticleScores:
    counts: Counter = field(default_factory=Counter)
    articles: list[dict] = field(default_factory=list)  # per article: gold, emitted, new, dup, fp, found
    false_events: list[dict] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)


def _evidence(record: dict, event: dict, verdict: str) -> dict:
    trigger = event.get("trigger") or {}
    sentence = event.get("sentence") or {}
    text = record.get("text") or ""
    s, e = sentence.get("start"), sentence.get("end")
    quote = text[s:e] if _is_int(s) and _is_int(e) else ""
    return {"id": record.get("id"), "verdict": verdict, "type": event.get("type"), "trigger": trigger.get("text"),
            "historical": bool(event.get("historical")), "date": event.get("date"), "sentence": quote}


def _field_checks(record: dict, event: dict, gold: dict, kind: str) -> dict[str, bool]:
    checks = {}
    for role in ("actor", "recipient"):
        wanted = (gold.get(role) or {}).get("country")
        if wanted:
            checks[role] = wanted in _role_countries(record, event.get(role))
    wanted = (gold.get("location") or {}).get("country")
    if wanted:
        checks["location"] = _location_country(record, event.get("location")) == wanted
    if gold.get("date"):
        checks["date"] = date_agrees(event.get("date"), gold["date"])
    checks["historical"] = bool(event.get("historical")) == (kind == BACKGROUND)
    return checks


def _score_one(gold: dict, text: str, record: dict, scores: ArticleScores) -> None:
    c = scores.counts
    gold_events = gold.get("events") or []
    passages = []
    for g in gold_events:
        spans = []
        for quote in g.get("mentions", []):
            where = passage_spans(text, quote)
            c["gold_unlocatable_mentions"] += not where
            spans.extend(where)
        passages.append(spans)
    all_events = record.get("events") or []
    asserted = [e for e in all_events if not e.get("negated") and not e.get("hypothetical")]
    c["emitted_all"] += len(all_events)
    c["emitted"] += len(asserted)
    if not gold.get("political", True):
        c["control_articles"] += 1
        c["control_emitted"] += len(asserted)
    reaches = []
    for e in asserted:
        at = event_anchor(record, e, text)
        c["unanchored"] += at is None
        reaches.append([] if at is None else [k for k, spans in enumerate(passages)
                                              if any(s <= at < t for s, t in spans)])
    match = match_predictions([e.get("type") for e in asserted], reaches, [g["type"] for g in gold_events])
    verdicts = Counter(match.verdicts)
    for v in ("new", "dup", "fp"):
        c[v] += verdicts[v]
    for e, v in zip(asserted, match.verdicts):
        if v == "fp":
            scores.false_events.append(_evidence(record, e, v))
        elif v == "dup":
            scores.duplicates.append(_evidence(record, e, v))
    for k, g in enumerate(gold_events):
        kind = g.get("kind", NEWS)
        c[f"gold_{kind}"] += 1
        if k not in match.owner:
            scores.missed.append({"id": gold.get("id"), "kind": kind, "type": g["type"],
                                  "mention": (g.get("mentions") or [""])[0]})
            continue
        e = asserted[match.owner[k]]
        c[f"found_{kind}"] += 1
        typed = e.get("type") == g["type"]
        c["type_ok"] += typed
        c[f"typed_{kind}"] += typed
        if g.get("acled_sub_event_type"):
            c["acled_n"] += 1
            c["acled_ok"] += e.get("acled_sub_event_type") == g["acled_sub_event_type"]
        checks = _field_checks(record, e, g, kind)
        for name, ok in checks.items():
            c[f"{name}_n"] += 1
            c[f"{name}_ok"] += ok
        if kind == NEWS and typed and all(checks.get(n, True) for n in ("actor", "location", "date")):
            c["usable_news"] += 1
    scores.articles.append({"id": gold.get("id"), "gold": len(gold_events), "emitted": len(asserted),
                            **{v: n for v, n in verdicts.items()}, "found": len(match.owner)})


def check_gold(rows: list[dict]) -> None:
    """Every gold event needs a type and a list of mention passages (said in one line if not)."""
    for n, row in enumerate(rows, 1):
        if "id" not in row:
            raise ArticleGoldError(f"gold line {n}: an article needs an id")
        for k, event in enumerate(row.get("events") or [], 1):
            if not isinstance(event, dict) or not isinstance(event.get("type"), str) \
                    or not isinstance(event.get("mentions", []), list):
                raise ArticleGoldError(f"gold article {row['id']!r}, event {k}: needs a type and a list of mentions")


def score_articles(gold_rows: Iterable[dict], texts: dict[str, str], records: dict[str, dict]) -> ArticleScores:
    """Count matches, duplicates, false events and field agreement over every gold article.

    texts: article id -> the text the analyst coded; records: article id -> the record
    (a dict, as `chronicle extract` writes it); an article with no record counts as empty."""
    gold_rows = list(gold_rows)
    check_gold(gold_rows)
    scores = ArticleScores()
    for gold in gold_rows:
        gid = str(gold.get("id"))
        if gid not in texts:
            raise ArticleGoldError(f"gold article {gid!r} is not in the input file")
        _score_one(gold, texts[gid], records.get(gid) or {}, scores)
    return scores


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def summarise(c: Counter) -> dict[str, float]:
    """The headline measures from the counts (the names the reference scorer prints)."""
    gold = c["gold_news"] + c["gold_background"]
    typed_precision = _share(c["type_ok"], c["emitted"])
    typed_recall = _share(c["type_ok"], gold)
    return {
        "event_f1": _share(2 * typed_precision * typed_recall, typed_precision + typed_recall),
        "precision": _share(c["new"], c["emitted"]),
        "typed_precision": typed_precision,
        "duplicate_share": _share(c["dup"], c["emitted"]),
        "false_event_share": _share(c["fp"], c["emitted"]),
        "recall_news": _share(c["found_news"], c["gold_news"]),
        "typed_recall_news": _share(c["typed_news"], c["gold_news"]),
        "recall_background": _share(c["found_background"], c["gold_background"]),
        "usable_news_recall": _share(c["usable_news"], c["gold_news"]),
        "acled_acc": _share(c["acled_ok"], c["acled_n"]),
        "actor_country_acc": _share(c["actor_ok"], c["actor_n"]),
        "recipient_country_acc": _share(c["recipient_ok"], c["recipient_n"]),
        "location_country_acc": _share(c["location_ok"], c["location_n"]),
        "date_acc": _share(c["date_ok"], c["date_n"]),
        "historical_acc": _share(c["historical_ok"], c["historical_n"]),
        "events_per_control_article": _share(c["control_emitted"], c["control_articles"]),
    }


def records_by_id(rows: Iterable[dict]) -> dict[str, dict]:
    """Prediction records keyed by article id; the first record of an id counts."""
    out: dict[str, dict] = {}
    for row in rows:
        out.setdefault(str(row.get("id")), row)
    return out


def input_texts(rows: Iterable[dict]) -> dict[str, str]:
    texts = {}
    for n, row in enumerate(rows, 1):
        if "id" not in row or not isinstance(row.get("text"), str):
            raise ArticleGoldError(f"input line {n}: an article needs an id and a text")
        texts[str(row["id"])] = row["text"]
    return texts


def evaluate_articles(gold_path: str | Path, input_path: str | Path, pipeline=None,
                      predictions_path: str | Path | None = None) -> dict[str, Any]:
    """Score hand-coded articles: the predictions given, or the pipeline's own run over the input.

    Returns the headline measures (rounded to 4 places), the counts, and the detail an
    analyst reads next: every false event, duplicate and missed gold event, per article."""
    gold_rows = read_json_lines(gold_path, "gold")
    input_rows = read_json_lines(input_path, "input")
    texts = input_texts(input_rows)
    if predictions_path is not None:
        records = records_by_id(read_json_lines(predictions_path, "predictions"))
    else:
        records = records_by_id(_run_pipeline(input_path, pipeline))
    scores = score_articles(gold_rows, texts, records)
    counts = scores.counts
    return {
        "articles": len(gold_rows),
        "gold_news": counts["gold_news"],
        "gold_background": counts["gold_background"],
        "emitted": counts["emitted"],
        **{name: round(value, 4) for name, value in summarise(counts).items()},
        "counts": dict(counts),
        "per_article": scores.articles,
        "false_events": scores.false_events,
        "duplicates": scores.duplicates,
        "missed": scores.missed,
    }


def _run_pipeline(input_path: str | Path, pipeline) -> list[dict]:
    """Code the input articles as `chronicle extract` does (same reader, same record)."""
    from chronicle.ingest import iter_inputs
    from chronicle.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    return [record.to_dict() for record in pipeline.process_many(iter_inputs([str(input_path)]))]
