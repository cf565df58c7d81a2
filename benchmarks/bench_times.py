"""Throughput of the times stage: expressions per second and cost per article.

The corpus is the benchmark generator's synthetic wire copy (benchmarks/corpus.py,
600 words per article by default). spaCy parses every article once, outside the
timed loop; the figures are for the times stage alone (tagging and normalising)
and for date_event over every verb, beside spaCy's own cost on the same articles.

    .venv/bin/python benchmarks/bench_times.py --articles 200
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_article  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the parsed corpus (best is kept)")
    args = parser.parse_args()

    from chronicle.nlp import load_nlp
    from chronicle.record import Article
    from chronicle.stage import Annotations
    from chronicle.times import TimeStage
    from chronicle.events.dating import date_event

    nlp = load_nlp()
    articles = [make_article(i, words=args.words) for i in range(args.articles)]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(a["text"] for a in articles))
    spacy_seconds = time.perf_counter() - t0
    words = sum(len(a["text"].split()) for a in articles)

    stage = TimeStage()
    anns = [Annotations(article=Article(text=a["text"]), doc=d, published=a["published"][:10])
            for a, d in zip(articles, docs)]
    best_tag = float("inf")
    expressions = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        expressions = 0
        for ann in anns:
            ann.times = stage(ann)
            expressions += len(ann.times)
        best_tag = min(best_tag, time.perf_counter() - t0)

    verbs = [(ann, tok) for ann in anns for tok in ann.doc if tok.pos_ == "VERB"]
    t0 = time.perf_counter()
    for ann, tok in verbs:
        date_event(ann, tok.sent, tok)
    dating_seconds = time.perf_counter() - t0

    n = len(articles)
    print(f"corpus: {n} articles, {words} words ({words / n:.0f} per article)")
    print(f"spaCy parse:      {n / spacy_seconds:8.1f} articles/s  ({1000 * spacy_seconds / n:.2f} ms/article)")
    print(f"times stage:      {n / best_tag:8.1f} articles/s  ({1000 * best_tag / n:.2f} ms/article)")
    print(f"expressions:      {expressions} ({expressions / n:.1f} per article), {expressions / best_tag:,.0f} expressions/s")
    print(f"date_event:       {len(verbs)} verbs, {len(verbs) / dating_seconds:,.0f} calls/s "
          f"({1000 * dating_seconds / n:.2f} ms/article)")
    print(f"times share of spaCy time: {100 * (best_tag + dating_seconds) / spacy_seconds:.1f}%")


if __name__ == "__main__":
    main()
