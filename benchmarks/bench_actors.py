"""Actors stage throughput and knowledge-base size.

Parses a synthetic corpus (benchmarks/corpus.py) with spaCy once, outside the
clock, then times the actors stage alone over the parsed articles:

    mentions/s      actor mentions resolved per second
    articles/s      articles through the actors stage per second
    ms/article      mean time per article
    kb_load_s       time to compile the knowledge base (once per process)
    kb              size of the knowledge base by kind

    nice .venv/bin/python benchmarks/bench_actors.py --articles 200
    nice .venv/bin/python benchmarks/bench_actors.py --gsr ../shared/data/plover_gsr_cameo.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import iter_articles  # noqa: E402


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the parsed corpus; the best is kept")
    parser.add_argument("--gsr", type=Path, default=None, help="also score the stage on the PLOVER GSR file")
    args = parser.parse_args(argv)

    from chronicle.actors.kb import KnowledgeBase
    from chronicle.actors import ActorStage
    from chronicle.nlp import load_nlp
    from chronicle.record import Article
    from chronicle.stage import Annotations

    t0 = time.perf_counter()
    kb = KnowledgeBase()
    kb_load = time.perf_counter() - t0
    stage = ActorStage()

    nlp = load_nlp()
    rows = list(iter_articles(args.articles, words=args.words))
    texts = [r["text"] for r in rows]
    docs = list(nlp.pipe(texts, batch_size=32))
    words = sum(len(t.split()) for t in texts)

    best = None
    mentions = actors = 0
    for _ in range(args.repeat):
        anns = [Annotations(article=Article(text=t), doc=d, published=r.get("published")) for t, d, r in zip(texts, docs, rows)]
        t0 = time.perf_counter()
        results = [stage(a) for a in anns]
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
        mentions = sum(len(a.mentions) for res in results for a in res)
        actors = sum(len(res) for res in results)
    out = {
        "articles": len(texts),
        "words": words,
        "actors": actors,
        "mentions": mentions,
        "seconds": round(best, 3),
        "mentions_per_s": round(mentions / best, 1),
        "articles_per_s": round(len(texts) / best, 1),
        "words_per_s": round(words / best, 1),
        "ms_per_article": round(1000 * best / len(texts), 2),
        "kb_load_s": round(kb_load, 2),
        "kb": kb.counts(),
    }
    if args.gsr:
        from chronicle.actors.evaluate import evaluate_actors

        scores = evaluate_actors(args.gsr, stage=stage, nlp=nlp)
        scores.pop("misses")
        out["gsr"] = scores
    print(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    main()
