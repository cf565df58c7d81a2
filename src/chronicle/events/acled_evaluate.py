"""Scoring ACLED sub-event types on the CASE 2021 development snippets.

The measure is the shared task's: the ACLED sub-event type of each snippet (none for
the five classes ACLED does not code, which count as one class "none"), weighted F1 by
gold support. Anything learned from these snippets is scored out of fold: 5 stratified
folds; each fold's snippets are coded by a model trained on the other four folds plus
the data that is not CASE (PLOVER gold sentences, project-written examples).

    oof_model_probs   the learned model's out-of-fold P(class) for every snippet
    score             weighted F1, accuracy, per-class precision/recall, top confusions
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from chronicle.events import acled_model
from chronicle.events.acled_codebook import load_codebook
from chronicle.events.sentence_embed import load_minilm

FOLDS = 5
NONE = "none"


def training_sources(data_dir: Path, sources: tuple[str, ...] = ("gsr", "written")) -> tuple[list[str], list[str], list[float]]:
    """The non-CASE training texts, labels and sample weights."""
    texts, labels, weights = [], [], []
    if "gsr" in sources and (data_dir / "plover_gsr_cameo.json").exists():
        t, lab = acled_model.load_gsr_mapped(data_dir / "plover_gsr_cameo.json")
        texts += t
        labels += lab
        weights += [acled_model.SOURCE_WEIGHTS["gsr"]] * len(t)
    if "written" in sources:
        t, lab = acled_model.load_written()
        texts += t
        labels += lab
        weights += [acled_model.SOURCE_WEIGHTS["written"]] * len(t)
    return texts, labels, weights


def folds(labels: list[str], n: int = FOLDS) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified folds with a fixed seed (a class with fewer members than folds is spread as far as it goes)."""
    import warnings

    from sklearn.model_selection import StratifiedKFold

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "least populated class has only 3 members"
        return list(StratifiedKFold(n_splits=n, shuffle=True, random_state=acled_model.SEED).split(np.zeros(len(labels)), labels))


def oof_model_scores(case_texts: list[str], case_labels: list[str], extra: tuple[list[str], list[str], list[float]],
                     case_vectors: np.ndarray | None = None, extra_vectors: np.ndarray | None = None) -> tuple[np.ndarray, list[str]]:
    """Out-of-fold decision scores (snippets x classes) and the class order."""
    classes = sorted(set(case_labels) | set(extra[1]))
    scores = np.zeros((len(case_texts), len(classes)))
    for train_idx, test_idx in folds(case_labels):
        texts = [case_texts[i] for i in train_idx] + extra[0]
        labels = [case_labels[i] for i in train_idx] + extra[1]
        weights = [acled_model.SOURCE_WEIGHTS["case"]] * len(train_idx) + extra[2]
        vectors = np.vstack([case_vectors[train_idx], extra_vectors]) if case_vectors is not None else None
        bundle = acled_model.fit(texts, labels, weights, vectors)
        fold_scores = acled_model.decision_scores(bundle, [case_texts[i] for i in test_idx],
                                                  case_vectors[test_idx] if case_vectors is not None else None)
        cols = [classes.index(c) for c in bundle["classes"]]
        scores[np.ix_(test_idx, cols)] = fold_scores
        missing = [k for k, c in enumerate(classes) if c not in bundle["classes"]]
        if missing:
            scores[np.ix_(test_idx, missing)] = -1e6  # a class absent from the fold's training data is never chosen
    return scores, classes


def sub_type(label: str | None) -> str:
    """The scored value of a CASE label or an ACLED sub-event type: the sub-event type, or "none"."""
    if not label:
        return NONE
    codebook = load_codebook()
    if codebook.by_name(label):
        return label
    return codebook.acled_of(label)[1] or NONE


def score(gold: list[str], pred: list[str], top: int = 10) -> dict:
    """Weighted F1 (by gold support, "none" a class), accuracy, per-class P/R/F1, the top confusions.
    gold and pred are CASE labels or ACLED sub-event types (mapped by sub_type)."""
    g = [sub_type(x) for x in gold]
    p = [sub_type(x) for x in pred]
    tp, fp, fn, support = Counter(), Counter(), Counter(), Counter(g)
    for a, b in zip(g, p):
        if a == b:
            tp[a] += 1
        else:
            fp[b] += 1
            fn[a] += 1
    per_class, wf1 = {}, 0.0
    for c in sorted(support, key=lambda c: (-support[c], c)):
        prec = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0
        rec = tp[c] / support[c]
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        wf1 += f1 * support[c] / max(len(g), 1)
        per_class[c] = {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3), "support": support[c]}
    confusion = Counter(f"{a} -> {b}" for a, b in zip(g, p) if a != b).most_common(top)
    return {
        "snippets": len(g),
        "weighted_f1": round(wf1, 4),
        "accuracy": round(sum(tp.values()) / max(len(g), 1), 4),
        "acled_classes_with_zero_recall": sorted(c for c in support if c != NONE and tp[c] == 0),
        "per_class": per_class,
        "top_confusions": [{"pair": pair, "count": n} for pair, n in confusion],
    }


class _InputRecorder:
    """Stands in for the learned ACLED model during a rules-only run: it records what the model
    would read (the leading events' sentences and the encoder's passage) and gives no opinion,
    so every event keeps the rules' decision."""

    def __init__(self):
        self.calls: list[tuple[list[str], list[str] | None, list[str] | None]] = []

    def __bool__(self) -> bool:
        return True

    def probs(self, texts: list[str], passage: list[str] | None = None,
              windows: list[str] | None = None) -> list[dict[str, float]]:
        self.calls.append((list(texts), passage, windows))
        return [{} for _ in texts]


def rule_view(case_path: str | Path, pipeline) -> list[dict]:
    """Each snippet's most salient event as the rules code it: PLOVER type, the rules' ACLED
    decision, its sentence, the passage the encoder reads and the window the TF-IDF features
    read (exactly what the learned model is given in the pipeline). Where the rules found no
    event, type None and what the model reads to code one (EventStage._model_coded); {} when
    the model was not asked either. The stage's learned model is replaced by a recorder for
    the run (and restored)."""
    from chronicle.events import EventStage
    from chronicle.record import Article

    texts, _, ids = acled_model.load_case(case_path)
    stage = next(s for s in pipeline.stages if isinstance(s, EventStage))
    saved, recorder = stage.acled, _InputRecorder()
    stage.acled = recorder
    view = []
    try:
        for text, snippet_id in zip(texts, ids):
            recorder.calls.clear()
            rec = next(iter(pipeline.process_many([Article(text=text, id=snippet_id)])))
            ev = rec.events[0] if rec.events else None
            if ev is None:
                # no event: the model was asked about the lead sentence alone (or not at all)
                call = recorder.calls[0] if recorder.calls else None
                view.append({"type": None, "rule": (None, None), "sentence": call[0][0], "passage": call[1] or [call[0][0]],
                             "window": (call[2] or call[0])[0]} if call else {})
                continue
            sentence = text[ev.sentence.start:ev.sentence.end]
            call = next((c for c in recorder.calls if sentence in c[0]), None)
            window = call[2][call[0].index(sentence)] if call and call[2] else sentence
            view.append({"type": ev.type, "rule": (ev.acled_event_type, ev.acled_sub_event_type),
                         "sentence": sentence, "passage": (call[1] if call else None) or [sentence], "window": window})
    finally:
        stage.acled = saved
    return view


def oof_case_probs(case_path: str | Path, pipeline, cache_dir: str | Path | None = None) -> tuple[list[dict], list[str], np.ndarray]:
    """The rules' view of each snippet (rule_view) and the learned model's out-of-fold P(class)
    for what the pipeline gives it there (the window and the passage), with the class order."""
    case_path = Path(case_path)
    texts, labels, _ = acled_model.load_case(case_path)
    view = rule_view(case_path, pipeline)
    extra = training_sources(case_path.parent)
    encoder_vectors = acled_model.embed(texts, cache_dir)
    use_vectors = encoder_vectors is not None
    windows = [v.get("window") or t for v, t in zip(view, texts)]
    items = [(v["sentence"], v["passage"]) if v else (t, [t]) for v, t in zip(view, texts)]
    sent_vectors = acled_model.embed_in_passages(items, cache_dir) if use_vectors else None
    extra_vectors = acled_model.embed(extra[0], cache_dir) if use_vectors else None
    classes = sorted(set(labels) | set(extra[1]))
    # decision scores of what the pipeline reads (window, sentence in its passage) and of the
    # snippets themselves: the latter are what `chronicle train` fits the shipped temperature on
    read_scores = np.full((len(texts), len(classes)), -1e6)
    snippet_scores = np.full((len(texts), len(classes)), -1e6)
    for train_idx, test_idx in folds(labels):
        bundle = acled_model.fit([texts[i] for i in train_idx] + extra[0], [labels[i] for i in train_idx] + extra[1],
                                 [acled_model.SOURCE_WEIGHTS["case"]] * len(train_idx) + extra[2],
                                 np.vstack([encoder_vectors[train_idx], extra_vectors]) if use_vectors else None)
        cols = [classes.index(c) for c in bundle["classes"]]
        read_scores[np.ix_(test_idx, cols)] = acled_model.decision_scores(
            bundle, [windows[i] for i in test_idx], sent_vectors[test_idx] if use_vectors else None)
        snippet_scores[np.ix_(test_idx, cols)] = acled_model.decision_scores(
            bundle, [texts[i] for i in test_idx], encoder_vectors[test_idx] if use_vectors else None)
    # the shipped model's probabilities are temperature-scaled (acled_train): the thresholds of
    # decide() read them so, and are scored so here (at temperature 1 the 0.6 of the shipped
    # model was not what was measured)
    temperature = acled_model.fit_temperature(snippet_scores, np.asarray([classes.index(c) for c in labels]))
    return view, classes, acled_model.softmax(read_scores / temperature)


def combine(view: list[dict], classes: list[str], probs: np.ndarray) -> tuple[list[str | None], list[str | None]]:
    """The ACLED sub-type of each snippet by the rules alone and by rules + model, as the pipeline decides."""
    rules_pred, combined = [], []
    for v, row in zip(view, probs):
        if not v or v["type"] is None:
            rules_pred.append(None)
            # no event found by the rules: the model's event when it names one (as the pipeline does)
            coded = acled_model.code_without_event(dict(zip(classes, row.tolist()))) if v else None
            combined.append(coded[3] if coded else None)
            continue
        rules_pred.append(v["rule"][1])
        combined.append(acled_model.decide(v["type"], v["rule"], dict(zip(classes, row.tolist())), v["sentence"])[1])
    return rules_pred, combined


def rule_reliability(labels: list[str], view: list[dict], classes: list[str], probs: np.ndarray,
                     combined: list[str | None]) -> dict[str, dict]:
    """For each sub-type the rules give (none included), over the snippets they give it to: how
    often the rules are right (precision), how often the model's top class alone is, and how
    often the combination is; the model's part out of fold. Where the rules' precision is
    below the model's, decide() should let the model overrule them."""
    rows: dict[str, Counter] = {}
    for gold, v, row, both in zip(labels, view, probs, combined):
        if not v or v["type"] is None:
            continue
        ruled = v["rule"][1] or NONE
        c = rows.setdefault(ruled, Counter())
        c["n"] += 1
        c["rules"] += ruled == sub_type(gold)
        c["model"] += sub_type(classes[int(row.argmax())]) == sub_type(gold)
        c["combined"] += sub_type(both) == sub_type(gold)
    return {r: {"n": c["n"], "rules": round(c["rules"] / c["n"], 3), "model": round(c["model"] / c["n"], 3),
                "combined": round(c["combined"] / c["n"], 3)} for r, c in sorted(rows.items(), key=lambda kv: -kv[1]["n"])}


def evaluate_case(case_path: str | Path, pipeline, cache_dir: str | Path | None = None) -> dict:
    """The CASE development score of the rules alone and of rules + learned model, the
    learned part out of fold (5 stratified folds; a fold's snippets never train its model)."""
    _, labels, _ = acled_model.load_case(case_path)
    view, classes, probs = oof_case_probs(case_path, pipeline, cache_dir)
    rules_pred, combined = combine(view, classes, probs)
    result = score(labels, combined)
    rules = score(labels, rules_pred)
    return {
        "snippets": result["snippets"],
        "weighted_f1_rules_alone": rules["weighted_f1"],
        "weighted_f1_oof": result["weighted_f1"],
        "accuracy_oof": result["accuracy"],
        "embeddings": load_minilm() is not None,
        # snippets where the rules found no event, and those still without one after the model read them
        "no_event_share_rules": round(sum(1 for v in view if not v or v["type"] is None) / max(len(view), 1), 4),
        "no_event_share": round(sum(1 for v, p in zip(view, combined) if (not v or v["type"] is None) and p is None)
                                / max(len(view), 1), 4),
        "acled_classes_with_zero_recall": result["acled_classes_with_zero_recall"],
        "per_class": result["per_class"],
        "per_class_rules_alone": rules["per_class"],
        "top_confusions": result["top_confusions"],
        "precision_by_rules_sub_type": rule_reliability(labels, view, classes, probs, combined),
    }
