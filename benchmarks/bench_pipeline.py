"""Throughput and memory of the full pipeline beside spaCy alone, and scaling over worker processes.

Everything is measured side by side in one run on the same generated corpus
(benchmarks/corpus.py), each measurement in a fresh process so that its peak
memory (RSS) is its own:

  spaCy alone       nlp.pipe over the texts with every component of the model
  full pipeline     ingest -> spaCy -> places -> times -> actors -> events -> record,
                    with the share of time in each stage (Pipeline.timings)
  workers 1..N      the batch runner (chronicle.batch.ProcessCoder) on N processes,
                    timed after every worker has loaded its resources

    python benchmarks/bench_pipeline.py --articles 96 --workers 1,2 --json bench.json

The machine may be shared: besides wall-clock rates, every run reports its
CPU time, so "articles / CPU-s" (work per CPU second) and "articles/s on free
cores" (the rate if each process had a core to itself: articles over the CPU
time of the busiest process, workers and the writing parent overlapping)
stay meaningful under other people's load. The load average before and
after is printed with the table.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import iter_articles, write_corpus  # noqa: E402


def _peak_rss_mb() -> float:
    from chronicle.batch import peak_rss_mb

    return peak_rss_mb()


def _words(texts) -> int:
    return sum(len(t.split()) for t in texts)


def measure_spacy(texts: list[str], batch_size: int, model: str | None) -> dict:
    """spaCy alone: the whole model, nlp.pipe over the texts."""
    from chronicle.nlp import load_nlp

    nlp = load_nlp(model)
    list(nlp.pipe(texts[:4], batch_size=batch_size))  # warm caches
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "cpu_seconds": time.process_time() - cpu, "busiest_cpu_seconds": time.process_time() - cpu,
            "articles": len(texts), "words": _words(texts), "peak_rss_mb": _peak_rss_mb()}


def measure_pipeline(rows: list[dict], batch_size: int, model: str | None, **settings) -> dict:
    """The full pipeline in one process, ingest included, with the time spent in each stage."""
    from chronicle.ingest import read_article
    from chronicle.pipeline import Pipeline

    pipeline = Pipeline(spacy_model=model, batch_size=batch_size, **settings)
    list(pipeline.process_many(read_article(r["text"], published=r["published"]) for r in rows[:4]))
    pipeline.timings.clear()
    start, cpu = time.perf_counter(), time.process_time()
    events = errors = 0

    def articles():
        for r in rows:
            t0 = time.perf_counter()
            article = read_article(r["text"], published=r["published"], title=r["title"], outlet=r["outlet"])
            article.id = r["id"]
            pipeline.timings["ingest"] += time.perf_counter() - t0
            yield article

    for record in pipeline.process_many(articles()):
        t0 = time.perf_counter()
        record.to_json()  # what every output pays
        pipeline.timings["record"] += time.perf_counter() - t0
        events += len(record.events)
        errors += record.error is not None
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    return {"seconds": seconds, "cpu_seconds": cpu, "busiest_cpu_seconds": cpu,
            "articles": len(rows), "words": _words(r["text"] for r in rows),
            "peak_rss_mb": _peak_rss_mb(), "events": events, "errors": errors,
            "stages": dict(pipeline.timings), "spacy_disabled": list(pipeline.spacy_disabled)}


def _pipeline_with_matcher_ruler(rows: list[dict], batch_size: int, model: str | None) -> dict:
    return measure_pipeline(rows, batch_size, model, fast_attribute_rules=False)


class _load_spacy_in_worker:
    def __init__(self, texts, batch_size, model):
        self.args = (texts, batch_size, model)

    def __call__(self, _) -> int:
        _spacy_chunk(self.args)
        time.sleep(0.3)
        return os.getpid()


def _spacy_chunk(args) -> tuple[int, float, float]:
    texts, batch_size, model = args
    from chronicle.nlp import load_nlp

    nlp = load_nlp(model)
    cpu = time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return os.getpid(), _peak_rss_mb(), time.process_time() - cpu


def _ready(_) -> int:
    time.sleep(0.3)
    return os.getpid()


def _wait_for_every_worker(pool, workers: int, warm=None) -> None:
    """Return once each worker process has run a task, so its initializer (model and
    resources loading) is over before the clock starts; a fast worker may take several."""
    seen: set[int] = set()
    for _ in range(600):
        seen |= set(pool.map(warm or _ready, range(workers)))
        if len(seen) >= workers:
            return
    raise RuntimeError("workers did not start")


def measure_spacy_workers(texts: list[str], workers: int, batch_size: int, model: str | None, chunk: int) -> dict:
    """spaCy alone over N processes, the same chunking as the batch runner."""
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        _wait_for_every_worker(pool, workers, _load_spacy_in_worker(texts[:2], batch_size, model))
        start = time.perf_counter()
        chunks = [(texts[i:i + chunk], batch_size, model) for i in range(0, len(texts), chunk)]
        done = list(pool.map(_spacy_chunk, chunks))
        seconds = time.perf_counter() - start
    cpu: dict[int, float] = {}
    for pid, _, seconds_cpu in done:
        cpu[pid] = cpu.get(pid, 0.0) + seconds_cpu
    return {"seconds": seconds, "cpu_seconds": sum(cpu.values()), "busiest_cpu_seconds": max(cpu.values()),
            "articles": len(texts), "words": _words(texts), "peak_rss_mb": max(p for _, p, _ in done)}


def measure_workers(corpus: Path, workers: int, batch_size: int, model: str | None, chunk: int) -> dict:
    """The batch runner on N worker processes (JSON lines in, JSON lines out, no store)."""
    from chronicle.batch import ProcessCoder, init_worker, run_batch  # noqa: F401

    settings = {"batch_size": batch_size}
    if model:
        settings["spacy_model"] = model
    coder = ProcessCoder(workers, settings, chunk_size=chunk)
    try:
        _wait_for_every_worker(coder._pool(), workers)  # every worker has built its Pipeline
        with tempfile.TemporaryDirectory() as tmp:
            start, cpu = time.perf_counter(), time.process_time()
            summary = run_batch([str(corpus)], Path(tmp) / "out.jsonl", coder=coder)
            seconds = time.perf_counter() - start
            parent_cpu = time.process_time() - cpu
    finally:
        coder.close()
    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    return {"seconds": seconds, "cpu_seconds": sum(summary.worker_cpu.values()) + parent_cpu,
            # on free cores the run lasts as long as its busiest process (workers and the parent overlap)
            "busiest_cpu_seconds": max(list(summary.worker_cpu.values()) + [parent_cpu]), "parent_cpu_seconds": parent_cpu,
            "articles": summary.articles, "words": _words(texts), "errors": summary.errors,
            "events": summary.events, "peak_rss_mb_per_worker": sorted(summary.workers.values()),
            "peak_rss_mb": max(summary.workers.values() or [0.0]), "stages": summary.timings}


def _traceback_on_sigusr1() -> None:
    """`kill -USR1 PID` prints where a measuring process is (a stage stuck on some article)."""
    import faulthandler
    import signal

    faulthandler.register(signal.SIGUSR1)


def _in_fresh_process(fn, *args):
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_traceback_on_sigusr1) as pool:
        return pool.submit(fn, *args).result()


def _say(what: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] measuring {what} (load {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)


def _rates(m: dict) -> dict:
    m["articles_per_s"] = m["articles"] / m["seconds"]
    m["words_per_s"] = m["words"] / m["seconds"]
    # CPU-time figures: what the run does per CPU second, and its rate on otherwise idle cores
    m["articles_per_cpu_s"] = m["articles"] / m["cpu_seconds"]
    m["words_per_cpu_s"] = m["words"] / m["cpu_seconds"]
    m["articles_per_s_free_cores"] = m["articles"] / m["busiest_cpu_seconds"]
    m["words_per_s_free_cores"] = m["words"] / m["busiest_cpu_seconds"]
    return m


def run(articles: int, words: int, seed: int, workers: list[int], batch_size: int, model: str | None, chunk: int) -> dict:
    rows = list(iter_articles(articles, seed=seed, words=words))
    texts = [r["text"] for r in rows]
    result: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                "load_before": os.getloadavg()},
                    "corpus": {"articles": articles, "words_per_article": _words(texts) / len(texts), "seed": seed},
                    "batch_size": batch_size, "chunk": chunk}
    _say("spaCy alone, 1 process")
    result["spacy"] = _rates(_in_fresh_process(measure_spacy, texts, batch_size, model))
    _say("full pipeline, 1 process")
    result["pipeline"] = _rates(_in_fresh_process(measure_pipeline, rows, batch_size, model))
    _say("full pipeline, 1 process, with spaCy's own attribute_ruler (before the throughput work)")
    result["pipeline_matcher_ruler"] = _rates(_in_fresh_process(_pipeline_with_matcher_ruler, rows, batch_size, model))
    result["pipeline"]["share_of_spacy"] = result["pipeline"]["articles_per_s"] / result["spacy"]["articles_per_s"]
    result["pipeline"]["share_of_spacy_cpu"] = result["pipeline"]["articles_per_cpu_s"] / result["spacy"]["articles_per_cpu_s"]
    result["workers"] = {}
    result["spacy_workers"] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.jsonl", articles, seed, words)
        for n in workers:
            _say(f"spaCy alone, {n} worker(s)")
            result["spacy_workers"][n] = _rates(measure_spacy_workers(texts, n, batch_size, model, chunk))
            _say(f"batch runner, {n} worker(s)")
            result["workers"][n] = _rates(measure_workers(corpus, n, batch_size, model, chunk))
    one = result["workers"].get(1)
    for n, m in result["workers"].items():
        m["speedup"] = m["articles_per_s"] / one["articles_per_s"] if one else None
        m["speedup_free_cores"] = m["articles_per_s_free_cores"] / one["articles_per_s_free_cores"] if one else None
        m["share_of_spacy"] = m["articles_per_s"] / result["spacy_workers"][n]["articles_per_s"]
        m["share_of_spacy_cpu"] = m["articles_per_cpu_s"] / result["spacy_workers"][n]["articles_per_cpu_s"]
    result["machine"]["load_after"] = os.getloadavg()
    return result


def print_table(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=200)
    p = result["pipeline"]
    table = Table(title=f"Chronicle throughput: {result['corpus']['articles']} articles of "
                        f"~{result['corpus']['words_per_article']:.0f} words, {result['machine']['cpus']} CPUs "
                        f"(load {result['machine']['load_before'][0]:.1f} -> {result['machine']['load_after'][0]:.1f})")
    for col in ("run", "art/s wall", "art/CPU-s", "words/CPU-s", "art/s free cores",
                "peak RSS MB", "vs spaCy (CPU)", "speed-up wall", "speed-up free cores"):
        table.add_column(col, justify="right" if col != "run" else "left")

    def row(name: str, m: dict, share: str = "100%", speed: str = "", speed_free: str = "", rss: str | None = None) -> None:
        table.add_row(name, f"{m['articles_per_s']:.1f}", f"{m['articles_per_cpu_s']:.1f}", f"{m['words_per_cpu_s']:,.0f}",
                      f"{m['articles_per_s_free_cores']:.1f}", rss or f"{m['peak_rss_mb']:.0f}", share, speed, speed_free)

    row("spaCy alone, 1 process", result["spacy"])
    if "pipeline_matcher_ruler" in result:
        before = result["pipeline_matcher_ruler"]
        row("full pipeline, 1 process, spaCy's attribute_ruler", before,
            f"{before['articles_per_cpu_s'] / result['spacy']['articles_per_cpu_s']:.0%}")
    row("full pipeline, 1 process", result["pipeline"], f"{result['pipeline']['share_of_spacy_cpu']:.0%}")
    for n, m in result["workers"].items():
        row(f"spaCy alone, {n} worker(s)", result["spacy_workers"][n])
        row(f"batch runner, {n} worker(s)", m, f"{m['share_of_spacy_cpu']:.0%}",
            f"{m['speedup']:.2f}x" if m.get("speedup") else "", f"{m['speedup_free_cores']:.2f}x" if m.get("speedup_free_cores") else "",
            " / ".join(f"{x:.0f}" for x in m["peak_rss_mb_per_worker"]))
    console.print(table)
    stages = Table(title="Where the full pipeline's time goes (1 process)")
    stages.add_column("stage")
    stages.add_column("seconds", justify="right")
    stages.add_column("ms/article", justify="right")
    stages.add_column("share", justify="right")
    total = sum(p["stages"].values())
    for name, sec in sorted(p["stages"].items(), key=lambda kv: -kv[1]):
        stages.add_row(name, f"{sec:.2f}", f"{1000 * sec / p['articles']:.1f}", f"{sec / total:.0%}")
    console.print(stages)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Chronicle pipeline throughput benchmark")
    parser.add_argument("--articles", type=int, default=96)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts to measure")
    parser.add_argument("--batch-size", type=int, default=32, help="articles per nlp.pipe batch")
    parser.add_argument("--chunk", type=int, default=16, help="articles per worker task")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the packaged one)")
    parser.add_argument("--json", dest="json_out", default=None, help="also write the figures here")
    parser.add_argument("--table", default=None, help="print the table of a JSON written earlier, measure nothing")
    args = parser.parse_args(argv)
    if args.table:
        print_table(json.loads(Path(args.table).read_text()))
        return
    result = run(args.articles, args.words, args.seed, [int(n) for n in args.workers.split(",")],
                 args.batch_size, args.model, args.chunk)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2))
    print_table(result)


if __name__ == "__main__":
    main()
