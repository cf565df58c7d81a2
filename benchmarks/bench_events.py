"""Throughput of the events stage: events/s and sentences/s, beside the spaCy parse it reads.

    .venv/bin/python benchmarks/bench_events.py [--articles 200]

Corpus: articles of about 600 words assembled (seeded shuffle) from the
project's own ACLED-style snippets (tests/events/fixtures), so every article
carries protests, strikes, arrests, agreements and non-political filler.
The full pipeline runs once to build each article's annotations; then the
events stage alone is timed over those annotations (best of 3 passes).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "events" / "fixtures"


def corpus(n_articles: int, words: int = 600, seed: int = 7) -> list[str]:
    snippets = []
    for name in ("acled_snippets.jsonl", "acled_snippets_blind.jsonl"):
        snippets += [json.loads(line)["text"] for line in (FIXTURES / name).read_text().splitlines() if line.strip()]
    rng = random.Random(seed)
    articles = []
    for _ in range(n_articles):
        parts, count = [], 0
        while count < words:
            s = rng.choice(snippets)
            parts.append(s)
            count += len(s.split())
        articles.append(" ".join(parts))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()

    from chronicle.pipeline import Pipeline
    from chronicle.record import Article
    from chronicle.stage import Annotations

    texts = corpus(args.articles)
    pipeline = Pipeline()
    stage = next(s for s in pipeline.stages if s.name == "events")
    t0 = time.perf_counter()
    docs = list(pipeline.nlp.pipe(texts))
    spacy_s = time.perf_counter() - t0
    anns = []
    for text, doc in zip(texts, docs):
        ann = Annotations(article=Article(text=text), doc=doc, published="2024-05-01")
        for s in pipeline.stages:
            if s.name != "events":
                setattr(ann, s.name, s(ann))
        anns.append(ann)
    best = float("inf")
    n_events = 0
    for _ in range(3):
        t0 = time.perf_counter()
        n_events = sum(len(stage(ann)) for ann in anns)
        best = min(best, time.perf_counter() - t0)
    n_sents = sum(1 for d in docs for _ in d.sents)
    n_words = sum(len(t.split()) for t in texts)
    print(f"articles {len(texts)}, words {n_words}, sentences {n_sents}, events {n_events}")
    print(f"spaCy parse:   {len(texts) / spacy_s:8.1f} articles/s")
    print(f"events stage:  {len(texts) / best:8.1f} articles/s  {n_events / best:9.0f} events/s  {n_sents / best:9.0f} sentences/s")
    print(f"events stage share of spaCy time: {best / spacy_s:.1%}")


if __name__ == "__main__":
    main()
