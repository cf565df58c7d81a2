"""The learned ACLED sub-event classifier: text -> P(class) over the CASE 2021 classes.

Classes are the codebook's 25 ACLED sub-event types plus the five news event classes
ACLED does not code (natural disaster, accident, organised crime, diplomacy, claim of
responsibility); acled_codebook.yaml maps each to its ACLED type or to none. Keeping the
five apart (rather than one "none") lets the model learn what each looks like.

Features: TF-IDF over word 1-2 grams and character 2-5 grams (within words), and,
when the MiniLM package is installed and the bundle was trained with it, the sentence
embedding of sentence_embed.py. One multinomial logistic regression over all of them.
Probabilities are temperature-scaled: the temperature is fitted on out-of-fold
predictions so that a 0.8 means right about 80% of the time.

Training text, all real or written by the project:
  case     ../shared/data/case2021_dev.jsonl, real snippets labelled by ACLED-trained coders
  gsr      ../shared/data/plover_gsr_cameo.json, real sentences with gold PLOVER types,
           mapped to a CASE class where the mapping is meaningful (GSR_TO_CASE)
  written  events/data/acled_examples.yaml, project-written examples
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

SEED = 13
SOURCE_WEIGHTS = {"case": 1.0, "gsr": 0.5, "written": 0.7}
C = 10.0
EMBEDDING_WEIGHT = 2.0  # the embedding block's scale against the TF-IDF blocks (unit rows each)

# PLOVER v0.5 gold (type, mode) -> CASE class; None mode = any mode of that type.
# Talk between states (meetings, demands, rejections, complaints, sanctions, support,
# non-violent threats) is diplomacy, which ACLED does not code.
GSR_TO_CASE = {
    ("PROTEST", "riot"): "VIOL_DEMONSTR", ("PROTEST", "riot-spon"): "VIOL_DEMONSTR", ("PROTEST", None): "PEACE_PROTEST",
    ("ASSAULT", "explosives"): "REM_EXPLOS", ("ASSAULT", "suicide-attack"): "SUIC_BOMB", ("ASSAULT", "sexual"): "SEX_VIOL",
    ("ASSAULT", "assassinate"): "ATTACK", ("ASSAULT", "torture"): "ATTACK", ("ASSAULT", "beat"): "ATTACK",
    ("FIGHT", "heavy-weapons"): "ART_MISS_ATTACK", ("FIGHT", "firearms"): "ARMED_CLASH", ("FIGHT", "explosives"): "REM_EXPLOS",
    ("COERCE", "arrest"): "ARREST", ("COERCE", "detain"): "ARREST", ("COERCE", "destroy"): "PROPERTY_DISTRUCT",
    ("CONSULT", None): "DIPLO", ("DEMAND", None): "DIPLO", ("REJECT", None): "DIPLO", ("DISAPPROVE", None): "DIPLO",
    ("SANCTION", None): "DIPLO", ("SUPPORT", None): "DIPLO", ("THREATEN", "relations"): "DIPLO", ("THREATEN", ""): "DIPLO",
}


# -- training data ------------------------------------------------------------
def load_case(path: str | Path) -> tuple[list[str], list[str], list[str]]:
    """Texts, CASE labels and ids of the CASE snippets."""
    texts, labels, ids = [], [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts.append(row["text"])
            labels.append(row["label"])
            ids.append(str(row["id"]))
    return texts, labels, ids


def load_gsr_mapped(path: str | Path) -> tuple[list[str], list[str]]:
    """The PLOVER gold sentences whose (type, mode) has a CASE class (GSR_TO_CASE)."""
    texts, labels = [], []
    for rec in json.loads(Path(path).read_text(encoding="utf-8")):
        text = rec.get("text") or rec.get("eventText")
        event, mode = rec.get("event") or "", rec.get("mode")
        label = GSR_TO_CASE.get((event, mode if mode is not None else "")) or GSR_TO_CASE.get((event, None))
        if text and label:
            texts.append(text)
            labels.append(label)
    return texts, labels


def load_written(path: str | Path | None = None) -> tuple[list[str], list[str]]:
    import yaml

    path = Path(path) if path else Path(__file__).parent / "data" / "acled_examples.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts, labels = [], []
    for label in sorted(data):
        for text in data[label]:
            texts.append(text)
            labels.append(label)
    return texts, labels


# -- embeddings -----------------------------------------------------------------
def embed(texts: list[str], cache_dir: str | Path | None = None) -> np.ndarray | None:
    """MiniLM embeddings of texts (None when the model package is absent). With cache_dir,
    each text's vector is kept in one .npy file per text set, keyed by the texts' hash."""
    from chronicle.events.sentence_embed import load_minilm

    if cache_dir is not None:
        key = hashlib.sha1("\x1e".join(texts).encode("utf-8")).hexdigest()[:16]
        cached = Path(cache_dir) / f"minilm-{key}.npy"
        if cached.exists():
            return np.load(cached)
    encoder = load_minilm()
    if encoder is None:
        return None
    vectors = encoder.embed(texts)
    if cache_dir is not None:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        np.save(cached, vectors)
    return vectors


# -- the model ----------------------------------------------------------------
def _vectorizers():
    from sklearn.feature_extraction.text import TfidfVectorizer

    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, dtype=np.float32)
    return word, char


def _matrix(word, char, texts: list[str], vectors: np.ndarray | None, fit: bool = False):
    from scipy.sparse import csr_matrix, hstack

    blocks = [word.fit_transform(texts), char.fit_transform(texts)] if fit else [word.transform(texts), char.transform(texts)]
    if vectors is not None:
        blocks.append(csr_matrix(np.asarray(vectors, dtype=np.float32) * EMBEDDING_WEIGHT))
    return hstack(blocks).tocsr()


def fit(texts: list[str], labels: list[str], weights: list[float] | None = None, vectors: np.ndarray | None = None) -> dict:
    """A fitted bundle: vectorizers, logistic regression, class list (temperature 1)."""
    from sklearn.linear_model import LogisticRegression

    word, char = _vectorizers()
    X = _matrix(word, char, texts, vectors, fit=True)
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=SEED)
    model.fit(X, labels, sample_weight=np.asarray(weights, dtype=float) if weights is not None else None)
    for vec in (word, char):
        if hasattr(vec, "stop_words_"):
            delattr(vec, "stop_words_")  # introspection only; its order varies between runs
    return {"word": word, "char": char, "model": model, "classes": list(model.classes_),
            "embeddings": vectors is not None, "temperature": 1.0}


def predict_proba(bundle: dict, texts: list[str], vectors: np.ndarray | None = None) -> np.ndarray:
    """P(class) for each text, columns in bundle["classes"] order, temperature applied."""
    if not texts:
        return np.zeros((0, len(bundle["classes"])))
    X = _matrix(bundle["word"], bundle["char"], texts, vectors if bundle.get("embeddings") else None)
    scores = bundle["model"].decision_function(X) / float(bundle.get("temperature", 1.0))
    scores -= scores.max(axis=1, keepdims=True)
    p = np.exp(scores)
    return p / p.sum(axis=1, keepdims=True)


def fit_temperature(scores_oof: np.ndarray, gold_index: np.ndarray) -> float:
    """The temperature minimising the out-of-fold log loss (a grid; deterministic)."""
    best_t, best_loss = 1.0, float("inf")
    for t in np.round(np.arange(0.2, 5.01, 0.05), 2):
        z = scores_oof / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -float(logp[np.arange(len(gold_index)), gold_index].mean())
        if loss < best_loss - 1e-12:
            best_t, best_loss = float(t), loss
    return best_t


def decision_scores(bundle: dict, texts: list[str], vectors: np.ndarray | None = None) -> np.ndarray:
    X = _matrix(bundle["word"], bundle["char"], texts, vectors if bundle.get("embeddings") else None)
    return bundle["model"].decision_function(X)
