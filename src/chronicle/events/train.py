"""`chronicle train`: the learned part of the event classifier, reproducibly.

Data: ../shared/data/plover_synthetic_train.jsonl, 4,500 invented stories each
labelled with one PLOVER type (noisy). The stories teach vocabulary, not facts,
so the model is kept small and only *weighs* the lexicon's senses
(classify.MODEL_WEIGHT); it never creates an event on its own.

Steps (fixed seeds; the same data gives the same file):
1. text = the first two sentences of each story (where the labelled event is
   reported); TF-IDF over word 1-2 grams -> multinomial logistic regression.
2. Out-of-fold probabilities, folds grouped by story title (stories sharing a
   title are paraphrases), give the model's honest cross-validated score.
3. The calibrator (calibrate.py) is fitted on the rules + out-of-fold model
   decisions for those stories: P(type right | decision features).
4. Model, vectorizer and calibrator are written as one compressed joblib
   bundle (chronicle/events/model/plover_sentence_model.joblib).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import numpy as np

SEED = 13
FOLDS = 5
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def lead_text(text: str, n: int = 2) -> str:
    """The first n sentences of a story (a cheap split; training text only)."""
    parts = _SENTENCE_END.split(text.strip().replace("\n", " "))
    return " ".join(parts[:n])


def load_training(path: str | Path) -> tuple[list[str], list[str], list[str]]:
    from chronicle.events.ontology import normalise_type

    texts, labels, groups = [], [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            label = normalise_type(row.get("type") or "")
            if label is None or not row.get("text"):
                continue
            texts.append(lead_text(row["text"]))
            labels.append(label)
            groups.append(row.get("title") or row.get("id"))
    return texts, labels, groups


def build_model():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=40000, sublinear_tf=True,
                                 stop_words="english", dtype=np.float32)
    model = LogisticRegression(C=2.0, max_iter=3000, class_weight="balanced", random_state=SEED)
    return vectorizer, model


def train_model(data_path: str | Path, out_path: str | Path | None = None) -> str:
    """Train the sentence model and calibrator; write the bundle; return a short report."""
    import joblib
    import sklearn
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    from chronicle.events import default_model_path

    data_path = Path(data_path)
    out_path = Path(out_path) if out_path else default_model_path()
    texts, labels, groups = load_training(data_path)
    classes = sorted(set(labels))

    # 2. out-of-fold probabilities, folds grouped by story title
    oof = np.zeros((len(texts), len(classes)))
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(texts, labels, groups):
        vec, model = build_model()
        model.fit(vec.fit_transform([texts[i] for i in train_idx]), [labels[i] for i in train_idx])
        probs = model.predict_proba(vec.transform([texts[i] for i in test_idx]))
        cols = [classes.index(c) for c in model.classes_]
        oof[np.ix_(test_idx, cols)] = probs
    oof_pred = [classes[k] for k in oof.argmax(axis=1)]
    cv_macro = f1_score(labels, oof_pred, average="macro")

    # 1. the shipped model, on everything
    vectorizer, model = build_model()
    model.fit(vectorizer.fit_transform(texts), labels)
    model.coef_ = model.coef_.astype(np.float32)  # half the file, same decisions to 1e-6

    # 3. calibrator on rules + out-of-fold model decisions
    calibrator, cal_report = _fit_calibrator(texts, labels, [dict(zip(classes, row.tolist())) for row in oof])

    bundle = {
        "vectorizer": vectorizer,
        "model": model,
        "calibrator": calibrator,
        "meta": {
            "data_sha1": hashlib.sha1(data_path.read_bytes()).hexdigest(),
            "examples": len(texts),
            "seed": SEED,
            "sklearn": sklearn.__version__,
            "cv_macro_f1_model_alone": round(cv_macro, 4),
            **cal_report,
        },
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(bundle, out_path, compress=("xz", 3))
    size_kb = out_path.stat().st_size / 1024
    lines = [
        f"trained on {len(texts)} synthetic stories ({data_path.name}, sha1 {bundle['meta']['data_sha1'][:12]})",
        f"learned model alone, {FOLDS}-fold CV grouped by title: macro F1 {cv_macro:.3f}",
        f"rules + model on the same folds: macro F1 {cal_report['cv_macro_f1_combined']:.3f} "
        f"(rules alone {cal_report['cv_macro_f1_rules']:.3f}; {cal_report['coded_share']:.0%} of stories coded)",
        f"calibrator fitted on {cal_report['calibration_examples']} coded stories",
        f"wrote {out_path} ({size_kb:.0f} KB)",
    ]
    return "\n".join(lines)


def _fit_calibrator(texts: list[str], labels: list[str], oof_probs: list[dict[str, float]]):
    """Run the rule classifier over the training stories with out-of-fold model probabilities
    and fit P(right | decision features) on the top event of each story."""
    from sklearn.metrics import f1_score

    from chronicle.events.calibrate import features, fit_calibrator
    from chronicle.events.classify import RuleClassifier
    from chronicle.nlp import load_nlp

    nlp = load_nlp()
    rules = RuleClassifier()
    rows, correct = [], []
    pred_rules, pred_combined = [], []
    for doc, label, probs in zip(nlp.pipe(texts, batch_size=64), labels, oof_probs):
        best = best_rules = None
        for sent in doc.sents:
            coded = rules.code_sentence(sent, probs)
            if coded and (best is None or coded[0].salience > best.salience):
                best = coded[0]
            coded_r = rules.code_sentence(sent, None)
            if coded_r and (best_rules is None or coded_r[0].salience > best_rules.salience):
                best_rules = coded_r[0]
        pred_combined.append(best.type if best else "NONE")
        pred_rules.append(best_rules.type if best_rules else "NONE")
        if best is not None:
            rows.append(features(best))
            correct.append(best.type == label)
    calibrator = fit_calibrator(rows, correct, seed=SEED)
    present = sorted(set(labels))
    report = {
        "cv_macro_f1_combined": round(f1_score(labels, pred_combined, labels=present, average="macro"), 4),
        "cv_macro_f1_rules": round(f1_score(labels, pred_rules, labels=present, average="macro"), 4),
        "coded_share": round(sum(p != "NONE" for p in pred_combined) / len(labels), 4),
        "calibration_examples": len(rows),
    }
    return calibrator, report
