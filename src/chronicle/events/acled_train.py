"""`chronicle train` for the ACLED model: the same data gives the same file, byte for byte.

Steps (fixed seeds, no randomness left):
1. training text: the CASE development snippets (all 356, labelled by ACLED-trained coders),
   the project-written examples and the PLOVER gold sentences mapped to a CASE class
   (acled_model.GSR_TO_CASE), with the sample weights of acled_model.SOURCE_WEIGHTS;
2. out-of-fold decision scores on the CASE snippets (5 stratified folds; the other
   sources are in every fold's training data) give the honest score reported and the
   temperature that calibrates each model's probabilities;
3. two models fitted on everything: "full" (TF-IDF + MiniLM, when the encoder is
   installed) and "text" (TF-IDF only: the fallback where it is not);
4. both written as one xz-compressed joblib bundle (events/model/acled_model.joblib).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from chronicle.events import acled_model
from chronicle.events.acled_evaluate import oof_model_scores, score, training_sources

SOURCES = ("gsr", "written")


def _oof(case_texts, case_labels, extra, case_vectors, extra_vectors):
    scores, classes = oof_model_scores(case_texts, case_labels, extra, case_vectors, extra_vectors)
    gold = np.asarray([classes.index(c) for c in case_labels])
    temperature = acled_model.fit_temperature(scores, gold)
    pred = [classes[k] for k in scores.argmax(axis=1)]
    return temperature, score(case_labels, pred)


def train_acled(data_dir: str | Path, out_path: str | Path | None = None, cache_dir: str | Path | None = None) -> str:
    """Train and write the ACLED bundle; return a short report (out-of-fold figures only)."""
    import joblib
    import sklearn

    data_dir = Path(data_dir)
    out_path = Path(out_path) if out_path else acled_model.default_model_path()
    case_path = data_dir / "case2021_dev.jsonl"
    case_texts, case_labels, _ = acled_model.load_case(case_path)
    extra = training_sources(data_dir, SOURCES)
    case_vectors = acled_model.embed(case_texts, cache_dir)
    extra_vectors = acled_model.embed(extra[0], cache_dir) if case_vectors is not None else None

    texts = case_texts + extra[0]
    labels = case_labels + extra[1]
    weights = [acled_model.SOURCE_WEIGHTS["case"]] * len(case_texts) + extra[2]
    parts, reports = {}, {}
    for name, cv, ev in (("text", None, None), ("full", case_vectors, extra_vectors)):
        if name == "full" and cv is None:
            continue  # no encoder installed: the bundle has the TF-IDF model alone
        temperature, reports[name] = _oof(case_texts, case_labels, extra, cv, ev)
        part = acled_model.fit(texts, labels, weights, np.vstack([cv, ev]) if cv is not None else None)
        part["model"].coef_ = part["model"].coef_.astype(np.float32)  # half the file; decisions equal to 1e-6
        part["temperature"] = temperature
        parts[name] = part
    bundle = {
        **parts,
        "meta": {
            "case_sha1": hashlib.sha1(case_path.read_bytes()).hexdigest(),
            "examples": len(texts),
            "sources": list(SOURCES),
            "seed": acled_model.SEED,
            "sklearn": sklearn.__version__,
            **{f"oof_weighted_f1_{k}": v["weighted_f1"] for k, v in reports.items()},
        },
    }
    # the vectorizers' dropped-term set and the id() of their stop-word list (a memory address, set
    # again by every transform) are run-specific: removed last, so the same data gives the same bytes
    for part in parts.values():
        for vec in (part["word"], part["char"]):
            for attr in ("stop_words_", "_stop_words_id"):
                if hasattr(vec, attr):
                    delattr(vec, attr)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(bundle, out_path, compress=("xz", 3))
    lines = [f"ACLED model: {len(case_texts)} CASE snippets + {len(extra[0])} other examples ({', '.join(SOURCES)})"]
    for name, rep in reports.items():
        lines.append(f"  {name} model, {len(case_texts)} snippets 5-fold out of fold: weighted F1 {rep['weighted_f1']:.3f}, "
                     f"accuracy {rep['accuracy']:.3f}, temperature {parts[name]['temperature']:.2f}; "
                     f"ACLED classes with recall 0: {', '.join(rep['acled_classes_with_zero_recall']) or 'none'}")
    lines.append(f"wrote {out_path} ({out_path.stat().st_size / 1024:.0f} KB)")
    return "\n".join(lines)
