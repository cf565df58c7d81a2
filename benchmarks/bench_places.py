"""Places stage: resolution speed, gazetteer load time and memory.

Parses the texts with spaCy once, outside the clock, then times the places
stage alone (toponym recognition + resolution) over the parsed docs:

    mentions/s      place mentions found and resolved per second
    articles/s      articles through the places stage per second
    load_s          loading the cached gazetteer index (in a fresh process, after imports);
                    load_cpu_s the same in CPU time, which a busy shared machine inflates less
    build_s         building the index from the packages (only with --rebuild)
    index_mb        Python memory held by the loaded index (tracemalloc)
    rss_mb          resident memory of the process after the load (psutil)

Texts: the synthetic corpus (benchmarks/corpus.py), or GeoVirus' real news
paragraphs with --geovirus.

    nice .venv/bin/python benchmarks/bench_places.py --articles 200
    nice .venv/bin/python benchmarks/bench_places.py --geovirus ../shared/data/geovirus.xml
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import iter_articles  # noqa: E402

_LOAD_PROBE = """
import json, sys, time
import psutil
measure_memory = sys.argv[1] == "memory"
rss0 = psutil.Process().memory_info().rss
if measure_memory:
    import tracemalloc
    tracemalloc.start()
from chronicle.places import gazetteer
t0, c0 = time.perf_counter(), time.process_time()
gaz = gazetteer.load_gazetteer()
out = {"load_s": time.perf_counter() - t0, "load_cpu_s": time.process_time() - c0}
if measure_memory:
    out["index_mb"] = tracemalloc.get_traced_memory()[0] / 2**20
else:
    rss = psutil.Process().memory_info().rss
    out.update({"rss_mb": rss / 2**20, "rss_added_mb": (rss - rss0) / 2**20, "places": len(gaz),
                "names": len(gaz.exact), "variant_keys": len(gaz.loose)})
print(json.dumps(out))
"""


def measure_load(rebuild: bool) -> dict:
    """Load (and optionally first build) the index in a fresh interpreter, so the
    figures are those of a process starting up, not of this one's warm caches."""
    out: dict = {}
    if rebuild:
        from chronicle.places.gazetteer import cache_path

        path = cache_path()
        if path.exists():
            path.unlink()
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from chronicle.places.gazetteer import load_gazetteer; load_gazetteer()"], check=True)
        out["build_s"] = round(time.perf_counter() - t0, 2)
    # timed and RSS-measured without tracemalloc (which slows loading several times),
    # then the index's own Python memory with it
    plain = json.loads(subprocess.run([sys.executable, "-c", _LOAD_PROBE, "plain"], check=True, capture_output=True, text=True).stdout)
    traced = json.loads(subprocess.run([sys.executable, "-c", _LOAD_PROBE, "memory"], check=True, capture_output=True, text=True).stdout)
    plain["index_mb"] = traced["index_mb"]
    out.update({k: round(v, 3) if isinstance(v, float) else v for k, v in plain.items()})
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best is kept")
    parser.add_argument("--geovirus", type=Path, default=None, help="time on GeoVirus' texts instead")
    parser.add_argument("--rebuild", action="store_true", help="also time building the index from scratch")
    args = parser.parse_args(argv)

    result = measure_load(args.rebuild)

    from chronicle.nlp import load_nlp
    from chronicle.places import PlaceStage
    from chronicle.record import Article
    from chronicle.stage import Annotations

    if args.geovirus:
        from chronicle.places.evaluate import read_geovirus

        texts = [text for text, _ in read_geovirus(args.geovirus)]
    else:
        texts = [a["text"] for a in iter_articles(args.articles, words=args.words)]
    nlp = load_nlp()
    stage = PlaceStage()
    docs = list(nlp.pipe(texts, batch_size=32))
    best = best_cpu = None
    mentions = 0
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        mentions = 0
        for text, doc in zip(texts, docs):
            ann = Annotations(article=Article(text=text), doc=doc, published=None)
            mentions += len(stage(ann))
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    words = sum(len(t.split()) for t in texts)
    result.update({
        "articles": len(texts),
        "words": words,
        "mentions": mentions,
        "seconds": round(best, 3),
        "mentions_per_s": round(mentions / best, 1),
        "mentions_per_cpu_s": round(mentions / best_cpu, 1),
        "articles_per_s": round(len(texts) / best, 1),
        "ms_per_article": round(1000 * best / len(texts), 3),
    })
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
