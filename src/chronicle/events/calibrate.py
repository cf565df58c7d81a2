"""Calibrated `confidence`: of events coded at 0.8, about 80 per cent should be right.

The raw score of a coded event (lexicon weight plus model support) is not a
probability. A small logistic regression over a handful of features of the
decision (rule weight, model probability for the chosen type, margin over the
runner-up sense, whether a frame rule set the type, part of speech, depth) maps
it to the probability that the type is right. It is fitted in train.py on
out-of-fold predictions (the learned model never scores text it was trained
on) and ships inside the model bundle. Without a fitted calibrator a fixed
squash of the raw score is used.
"""

from __future__ import annotations

import math

import numpy as np

FEATURE_NAMES = ("rule_weight", "model_prob", "margin", "framed", "is_noun", "depth", "n_content", "score")


def features(ev) -> list[float]:
    """The calibration features of a `classify.CodedEvent`."""
    return [
        float(ev.rule_weight),
        float(ev.model_prob),
        float(min(ev.margin, 1.0)),
        1.0 if ev.framed else 0.0,
        1.0 if ev.trigger.head.pos_ in ("NOUN", "PROPN") else 0.0,
        float(min(ev.depth, 5)),
        float(min(len(ev.content), 3)),
        float(ev.score),
    ]


class Calibrator:
    def __init__(self, model=None):
        self.model = model  # a fitted sklearn LogisticRegression over FEATURE_NAMES, or None
        # the fitted weights, read once: a dot product per event is far cheaper than predict_proba
        self._w = np.asarray(model.coef_[0], dtype=float) if model is not None else None
        self._b = float(model.intercept_[0]) if model is not None else 0.0

    def __call__(self, ev) -> float:
        return self.many([ev])[0]

    def many(self, events: list) -> list[float]:
        if not events:
            return []
        if self._w is None:
            return [round(1.0 / (1.0 + math.exp(-4.0 * (ev.score - 0.75))), 3) for ev in events]
        z = np.asarray([features(ev) for ev in events], dtype=float) @ self._w + self._b
        return [round(float(p), 3) for p in 1.0 / (1.0 + np.exp(-z))]


def fit_calibrator(rows: list[list[float]], correct: list[bool], seed: int = 0):
    """A logistic regression from decision features to P(correct)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=1000, random_state=seed)
    model.fit(np.asarray(rows, dtype=float), np.asarray(correct, dtype=int))
    return model


def calibration_table(confidences: list[float], correct: list[bool], bins: int = 10) -> list[dict]:
    """Confidence bins: how many events fell in each and what share of them was right."""
    table = []
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        idx = [i for i, c in enumerate(confidences) if lo <= c < hi or (k == bins - 1 and c == 1.0)]
        if not idx:
            continue
        table.append({
            "bin": f"{lo:.1f}-{hi:.1f}",
            "count": len(idx),
            "mean_confidence": round(sum(confidences[i] for i in idx) / len(idx), 3),
            "share_correct": round(sum(1 for i in idx if correct[i]) / len(idx), 3),
        })
    return table


def expected_calibration_error(confidences: list[float], correct: list[bool], bins: int = 10) -> float:
    total = len(confidences) or 1
    return round(sum(row["count"] / total * abs(row["mean_confidence"] - row["share_correct"])
                     for row in calibration_table(confidences, correct, bins)), 4)
