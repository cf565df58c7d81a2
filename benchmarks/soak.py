"""Soak run: the web server under concurrent reads and writes for a long while.

Starts `chronicle serve`'s app under uvicorn in its own process, on 127.0.0.1
only, over a temporary SQLite store; then reader threads cycle through the
API and the pages while writer threads POST articles (written from the
benchmark corpus's templates) through the real extraction pipeline. Every
loop is bounded: it stops by itself at the deadline (and after
--max-requests per thread). Reports requests, error responses (any status
other than the one expected, or a failed connection), latency percentiles,
and the server's memory every --sample seconds: resident size (RSS), the
memory SQLite holds, threads and open store connections. "Start" is the first
sample once --warmup seconds of load have passed (the first minutes fill
every lazy cache: pipeline, page caches, template cache, thread pool); the
verdict on flatness is the slope of a least-squares line through the samples
of the second half of the run, in MB per minute.

The server extracts in a worker process (chronicle.web.extraction); its
memory is sampled too, and "total" is the server's plus the worker's.
`--inline` extracts in the server process instead, as before session 3.
`--distinct N` makes the writers rewrite N articles over and over (new text
each time) instead of adding new ones: the store stops growing after the
first pass, so memory that still grows is not data.

    nice python benchmarks/soak.py                    # ten minutes
    nice python benchmarks/soak.py --duration 60 --json soak.json
    nice python benchmarks/soak.py --duration 240 --tracemalloc 12   # what grows, by allocation site
    nice python benchmarks/soak.py --trim       # memory in use vs freed-but-kept by the C allocator
    nice python benchmarks/soak.py --duration 1800 --distinct 200 --warmup 180 --sample 60

Exit status 1 when any error response was seen.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_web import wait_until_serving  # noqa: E402 - benchmarks/ is put on the path just above

HOST = "127.0.0.1"  # loopback only, whatever the options say
SERVER_PID = 0
TOKEN = "soak-" + os.urandom(8).hex()

# What readers ask for: (name, path template, expected status). {event}, {article},
# {actor} are filled from what the store holds when the request is made.
READS = [
    ("events", "/api/events?limit=50", 200),
    ("events filtered", "/api/events?type=PROTEST&min_confidence=0.3&limit=20", 200),
    ("events search", "/api/events?q=protesters&limit=20", 200),
    ("events by date", "/api/events?date_from=2020-01-01&date_to=2022-12-31&limit=20", 200),
    ("event", "/api/events/{event}", 200),
    ("articles", "/api/articles?limit=20", 200),
    ("article", "/api/articles/{article}", 200),
    ("actors", "/api/actors?limit=20", 200),
    ("actor", "/api/actors/{actor}", 200),
    ("counts daily", "/api/counts/daily", 200),
    ("counts type", "/api/counts/type", 200),
    ("network", "/api/network?limit=50", 200),
    ("points", "/api/points?limit=500", 200),
    ("export csv", "/api/export.csv?type=PROTEST", 200),
    ("export geojson", "/api/export.geojson?country=IQ", 200),
    ("page events", "/", 200),
    ("page map", "/map", 200),
    ("page timeline", "/timeline", 200),
    ("page actors", "/actors", 200),
    ("page article", "/articles/{article}", 200),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of a process (Linux); NaN where it cannot be read."""
    from chronicle.web.memory import resident_mb

    size = resident_mb(pid)
    return float("nan") if size is None else size


def sqlite_memory_used():
    """Bytes the SQLite library holds in this process (page caches of every connection, statements)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("sqlite3")
    if not name:
        return lambda: None
    try:
        lib = ctypes.CDLL(name)  # the library the sqlite3 module already loaded: same counters
        lib.sqlite3_memory_used.restype = ctypes.c_int64
    except (OSError, AttributeError):
        return lambda: None
    return lib.sqlite3_memory_used


def pymalloc_mb() -> tuple[float, float]:
    """(MB of Python's small-object arenas, MB of blocks in use inside them): the gap is
    fragmentation, memory Python keeps because one live object pins its arena."""
    import re

    with tempfile.TemporaryFile() as tmp:
        saved = os.dup(2)
        os.dup2(tmp.fileno(), 2)  # _debugmallocstats writes to the C stderr
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        tmp.seek(0)
        text = tmp.read().decode("ascii", "replace")

    def number(label: str) -> float:
        m = re.search(re.escape(label) + r"\s*=\s*([\d,]+)", text)
        return int(m.group(1).replace(",", "")) / 2**20 if m else float("nan")

    arenas = re.search(r"(\d+) arenas \* (\d+) bytes/arena", text)
    total = int(arenas.group(1)) * int(arenas.group(2)) / 2**20 if arenas else float("nan")
    return total, number("# bytes in allocated blocks")


def serve(db: str, port: int, dump: str, stats: str, trace_frames: int = 0, trim: bool = False) -> None:
    """The server process: the app under uvicorn, with two diagnostic signals.

    SIGUSR1 writes every thread's stack to `dump` (what a stuck request is doing);
    SIGUSR2 appends one JSON line of memory figures to `stats` and, when tracing,
    writes a tracemalloc snapshot beside it (the client diffs them at the end); with
    `trim`, it then hands the C allocator's free memory back (malloc_trim) and reports
    RSS again: what remains is memory in use, the difference memory freed but kept."""
    import faulthandler
    import gc
    import tracemalloc

    import uvicorn

    from chronicle.web.app import create_app

    if trace_frames:
        tracemalloc.start(trace_frames)
    faulthandler.register(signal.SIGUSR1, file=open(dump, "a"), all_threads=True)
    app = create_app(db)
    sqlite_used = sqlite_memory_used()
    taken = [0]

    def report(signum, frame):
        store = app.state.store
        line = {
            "rss_mb": rss_mb(os.getpid()),
            "sqlite_mb": (sqlite_used() or 0) / 2**20,
            "threads": threading.active_count(),
            "store_connections": len(store._conns._all),
            "actor_id_cache": len(store._actor_ids),
            "aggregate_cache": len(app.state.cache._data),
            "aggregate_cache_mb": getattr(app.state.cache, "bytes", 0) / 2**20,
            # no gc.get_objects() here: holding a reference to a tuple another thread is still
            # building makes its resize fail (SystemError, a 500 seen in a traced run)
            "gc_collections": sum(g["collections"] for g in gc.get_stats()),
        }
        line["pymalloc_arenas_mb"], line["pymalloc_used_mb"] = pymalloc_mb()
        extractor = app.state.extractor.stats()
        line["extract_mode"] = extractor["mode"]
        if extractor["mode"] == "worker":  # the extraction worker's memory counts too
            line["worker_rss_mb"] = extractor["rss_mb"]
            line["workers_started"] = extractor["started"]
            line["worker_served"] = extractor["served"]
        else:
            pipeline = app.state.extractor._pipeline
            if pipeline is not None:  # spaCy's vocabulary grows with every word it has not seen
                line["spacy_strings"] = len(pipeline.nlp.vocab.strings)
                line["spacy_lexemes"] = len(pipeline.nlp.vocab)
        line["total_rss_mb"] = line["rss_mb"] + line.get("worker_rss_mb", 0.0)
        if trace_frames:
            line["traced_mb"] = tracemalloc.get_traced_memory()[0] / 2**20
            taken[0] += 1
            line["snapshot"] = f"{stats}.{taken[0]}.snap"
            tracemalloc.take_snapshot().dump(line["snapshot"])
        if trim:
            from chronicle.web.memory import trim as trim_free_memory

            trim_free_memory()
            line["rss_after_trim_mb"] = rss_mb(os.getpid())
        with open(stats, "a") as fh:
            fh.write(json.dumps(line) + "\n")

    signal.signal(signal.SIGUSR2, report)
    uvicorn.run(app, host=HOST, port=port, log_level="warning")


def start_server(db: str, port: int, dump: str, stats: str, trace_frames: int = 0, trim: bool = False,
                 timeout: float = 180.0, env_extra: dict[str, str] | None = None) -> subprocess.Popen:
    code = f"import soak; soak.serve({db!r}, {port}, {dump!r}, {stats!r}, {trace_frames}, {trim})"
    env = dict(os.environ, CHRONICLE_TOKEN=TOKEN,
               PYTHONPATH=os.pathsep.join([str(HERE), str(HERE.parent / "src")]), **(env_extra or {}))
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    return wait_until_serving(proc, f"http://{HOST}:{port}", timeout=timeout)


def server_stats(proc: subprocess.Popen, stats: str, timeout: float = 120.0) -> dict:
    """Ask the server for its memory figures (SIGUSR2) and wait for the line it appends."""
    before = Path(stats).read_text().count("\n") if Path(stats).exists() else 0
    proc.send_signal(signal.SIGUSR2)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if Path(stats).exists():
            lines = Path(stats).read_text().splitlines()
            if len(lines) > before:
                return json.loads(lines[-1])
        time.sleep(0.2)
    return {"rss_mb": rss_mb(proc.pid)}  # no answer in time: RSS from outside at least


def slope_mb_per_min(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of (seconds, MB) points, in MB per minute."""
    if len(points) < 3:
        return None
    n = len(points)
    mx = sum(t for t, _ in points) / n
    my = sum(m for _, m in points) / n
    sxx = sum((t - mx) ** 2 for t, _ in points)
    if sxx == 0:
        return None
    return 60 * sum((t - mx) * (m - my) for t, m in points) / sxx


def top_growth(first: str, last: str, limit: int = 20) -> list[str]:
    """Allocation sites whose live memory grew most between two tracemalloc snapshots."""
    import tracemalloc

    ignore = [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen importlib._bootstrap*>")]
    a = tracemalloc.Snapshot.load(first).filter_traces(ignore)
    b = tracemalloc.Snapshot.load(last).filter_traces(ignore)
    out = []
    for stat in b.compare_to(a, "traceback")[:limit]:
        frames = [f"{Path(f.filename).name}:{f.lineno}" for f in reversed(stat.traceback)]  # newest first
        out.append(f"{stat.size_diff / 1024:+9.0f} KiB {stat.count_diff:+7d} blocks  " + " <- ".join(frames[:8]))
    by_line = b.compare_to(a, "lineno")[:limit]
    out.append("-- by line --")
    out += [f"{s.size_diff / 1024:+9.0f} KiB {s.count_diff:+7d} blocks  {s.traceback[0].filename}:{s.traceback[0].lineno}"
            for s in by_line]
    return out


class Tally:
    """Counts shared by every client thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests: dict[str, int] = {}
        self.errors: dict[str, int] = {}
        self.error_samples: list[str] = []
        self.latencies: list[float] = []
        self.gone = 0  # 404s for events a rewrite replaced (--distinct only)
        self.article_ids: list[str] = []
        self.event_ids: list[int] = []
        self.actor_ids: list[int] = []

    def add(self, name: str, seconds: float, ok: bool, detail: str = "") -> None:
        with self.lock:
            self.requests[name] = self.requests.get(name, 0) + 1
            self.latencies.append(seconds)
            if not ok:
                self.errors[name] = self.errors.get(name, 0) + 1
                if len(self.error_samples) < 20:
                    self.error_samples.append(f"{name}: {detail}"[:300])

    def pick(self, rng: random.Random) -> dict[str, str] | None:
        with self.lock:
            if not (self.article_ids and self.event_ids and self.actor_ids):
                return None
            return {"article": rng.choice(self.article_ids), "event": str(rng.choice(self.event_ids)),
                    "actor": str(rng.choice(self.actor_ids))}


def refresh_ids(client, base: str, tally: Tally) -> None:
    """Ids that exist now, so readers ask for real things (a 404 would count as an error)."""
    events = client.get(f"{base}/api/events?limit=200", timeout=60).json()["events"]
    articles = client.get(f"{base}/api/articles?limit=200", timeout=60).json()["articles"]
    actors = client.get(f"{base}/api/actors?limit=200", timeout=60).json()["actors"]
    with tally.lock:
        tally.event_ids = [e["id"] for e in events if "id" in e] or tally.event_ids
        tally.article_ids = [a["id"] for a in articles if "id" in a] or tally.article_ids
        tally.actor_ids = [a["id"] for a in actors if "id" in a] or tally.actor_ids


def reader(base: str, deadline: float, max_requests: int, tally: Tally, seed: int, rewrites: bool = False) -> None:
    import httpx
    from urllib.parse import quote

    rng = random.Random(seed)
    with httpx.Client(timeout=60) as client:
        for _ in range(max_requests):
            if time.monotonic() >= deadline:
                return
            ids = tally.pick(rng)
            name, template, expected = rng.choice(READS)
            if "{" in template:
                if ids is None:
                    continue
                template = template.format(**{k: quote(v, safe="") for k, v in ids.items()})
            t0 = time.perf_counter()
            try:
                response = client.get(base + template)
                body = response.content  # read it all, as a browser would
                ok = response.status_code == expected and len(body) > 0
                detail = f"HTTP {response.status_code} {template}"
                if rewrites and name == "event" and response.status_code == 404:
                    # a rewrite replaced the article's events after this reader fetched the id
                    ok = True
                    with tally.lock:
                        tally.gone += 1
            except httpx.HTTPError as exc:
                ok, detail = False, f"{type(exc).__name__}: {exc} {template}"
            tally.add(name, time.perf_counter() - t0, ok, detail)


def writer(base: str, deadline: float, max_requests: int, tally: Tally, seed: int, pause: float,
           write_timeout: float = 120.0, distinct: int = 0) -> None:
    import httpx

    from corpus import make_article

    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(timeout=write_timeout) as client:
        for n in range(max_requests):
            if time.monotonic() >= deadline:
                return
            article = make_article(n, seed=seed, words=300)
            if distinct:
                # a store that stops growing: article n % distinct again, with new text each pass
                # (its events are replaced), so what grows after the first pass is not data
                article["id"] = f"soak-{seed}-{n % distinct}"
            elif n % 5 == 4:
                article = make_article(n - 3, seed=seed, words=300)  # rewrite an earlier article: idempotent save
            t0 = time.perf_counter()
            try:
                response = client.post(f"{base}/api/articles", json=article, headers=headers)
                ok = response.status_code == 201
                detail = f"HTTP {response.status_code} {response.text[:200]}"
            except httpx.HTTPError as exc:
                ok, detail = False, f"{type(exc).__name__}: {exc}"
                if isinstance(exc, httpx.TimeoutException) and SERVER_PID:
                    os.kill(SERVER_PID, signal.SIGUSR1)  # the server's stacks, to see where the write is stuck
            tally.add("write article", time.perf_counter() - t0, ok, detail)
            if ok and n % 10 == 0:
                try:
                    refresh_ids(client, base, tally)
                except (httpx.HTTPError, ValueError, KeyError):
                    pass
            time.sleep(pause)


def _round(x: float | None, digits: int = 2) -> float | None:
    return None if x is None else round(x, digits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=600.0, help="seconds of load (default 600)")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--writers", type=int, default=1)
    parser.add_argument("--seed-articles", type=int, default=10, help="articles written before the clock starts")
    parser.add_argument("--write-pause", type=float, default=0.2, help="seconds a writer waits between posts")
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="per thread, a second bound")
    parser.add_argument("--sample", type=float, default=30.0, help="seconds between memory samples")
    parser.add_argument("--warmup", type=float, default=60.0,
                        help="seconds of load before the memory 'start' figure (lazy caches fill first)")
    parser.add_argument("--tracemalloc", type=int, default=0, metavar="FRAMES",
                        help="trace the server's allocations (this many frames) and print what grew most")
    parser.add_argument("--trim", action="store_true",
                        help="at each sample the server returns free C-heap memory (malloc_trim) and reports RSS again")
    parser.add_argument("--inline", action="store_true",
                        help="extract in the server process (CHRONICLE_EXTRACT_WORKER=0) instead of its worker")
    parser.add_argument("--worker-max-articles", type=int, default=0,
                        help="articles per extraction worker before it is replaced (default: the server's)")
    parser.add_argument("--distinct", type=int, default=0, metavar="N",
                        help="writers keep rewriting N articles (new text each time) instead of adding new ones")
    parser.add_argument("--json", help="write the figures here as JSON")
    parser.add_argument("--write-timeout", type=float, default=120.0, help="seconds before a write counts as failed")
    args = parser.parse_args(argv)

    import httpx

    workdir = tempfile.mkdtemp(prefix="chronicle-soak-")
    db = str(Path(workdir) / "soak.db")
    port = free_port()
    base = f"http://{HOST}:{port}"
    dump = str(Path(workdir) / "stacks.txt")
    stats_path = str(Path(workdir) / "stats.jsonl")
    env_extra = {"CHRONICLE_EXTRACT_WORKER": "0"} if args.inline else {}
    if args.worker_max_articles:
        env_extra["CHRONICLE_WORKER_MAX_ARTICLES"] = str(args.worker_max_articles)
    proc = start_server(db, port, dump, stats_path, args.tracemalloc, args.trim, env_extra=env_extra)
    global SERVER_PID
    SERVER_PID = proc.pid
    tally = Tally()
    samples: list[dict] = []
    try:
        # warm-up: the first write builds the pipeline; seed articles give readers something to read
        from corpus import make_article

        with httpx.Client(timeout=300) as client:
            for i in range(args.seed_articles):
                r = client.post(f"{base}/api/articles", json=make_article(100_000 + i, seed=7, words=300),
                                headers={"Authorization": f"Bearer {TOKEN}"})
                if r.status_code != 201:
                    raise RuntimeError(f"seeding failed: HTTP {r.status_code} {r.text[:200]}")
            refresh_ids(client, base, tally)
            ids = tally.pick(random.Random(0))
            for _, template, _ in READS:  # every read once, so lazy caches exist before the first sample
                if "{" not in template or ids:
                    client.get(base + template.format(**(ids or {})))

        def sample(at: float) -> None:
            line = server_stats(proc, stats_path)
            line["t"] = round(at, 1)
            line["requests"] = sum(tally.requests.values())
            with tally.lock:
                line["articles_posted"] = tally.requests.get("write article", 0)
            samples.append(line)
            print(f"  {at:6.0f} s  requests {line['requests']:7d}  errors {sum(tally.errors.values()):4d}"
                  f"  RSS {line['rss_mb']:7.1f} MB"
                  + (f" + worker {line['worker_rss_mb']:6.1f} MB (#{line['workers_started']}, {line['worker_served']} served)"
                     if "worker_rss_mb" in line else "")
                  + f"  sqlite {line.get('sqlite_mb', float('nan')):6.1f} MB"
                  f"  threads {line.get('threads', '?')}  conns {line.get('store_connections', '?')}"
                  + f"  pymalloc {line.get('pymalloc_arenas_mb', float('nan')):6.1f}"
                    f"/{line.get('pymalloc_used_mb', float('nan')):.1f} MB"
                  + (f"  traced {line['traced_mb']:6.1f} MB" if "traced_mb" in line else "")
                  + (f"  trimmed {line['rss_after_trim_mb']:7.1f} MB" if "rss_after_trim_mb" in line else ""), flush=True)

        sample(0.0)
        started = time.monotonic()
        deadline = started + args.duration
        threads = [threading.Thread(target=reader, args=(base, deadline, args.max_requests, tally, i, args.distinct > 0),
                                daemon=True)
                   for i in range(args.readers)]
        threads += [threading.Thread(target=writer, args=(base, deadline, args.max_requests, tally, 1000 + i,
                                                          args.write_pause, args.write_timeout, args.distinct),
                                 daemon=True)
                    for i in range(args.writers)]
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            next_sample = started + samples[-1]["t"] + args.sample
            while time.monotonic() < next_sample and any(t.is_alive() for t in threads):
                time.sleep(0.2)
            now = time.monotonic() - started
            if now - samples[-1]["t"] >= args.sample or not any(t.is_alive() for t in threads):
                sample(now)
            if now > args.duration + 600:
                break  # a thread stuck past every bound: report rather than wait forever
        elapsed = time.monotonic() - started
        with httpx.Client(timeout=60) as client:
            articles_stored = client.get(f"{base}/api/articles?limit=1").json()["total"]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    warm = next((s for s in samples if s["t"] >= args.warmup), samples[-1])

    def slope(key: str, since: float) -> float | None:
        """MB/min of one figure over the samples from `since` seconds on that have it."""
        return _round(slope_mb_per_min([(s["t"], s[key]) for s in samples if s["t"] >= since and key in s]))

    growth = []
    if args.tracemalloc:
        snaps = [s["snapshot"] for s in samples if s.get("snapshot") and s["t"] >= warm["t"]]
        if len(snaps) >= 2:
            growth = top_growth(snaps[0], snaps[-1])
            print(f"what grew between {warm['t']:.0f} s and {samples[-1]['t']:.0f} s (tracemalloc, newest frame first):")
            print("\n".join(growth))
    lat = sorted(tally.latencies)
    result = {
        "duration_s": round(elapsed, 1),
        "readers": args.readers, "writers": args.writers,
        "requests": sum(tally.requests.values()),
        "errors": sum(tally.errors.values()),
        "events_gone_404": tally.gone,
        "requests_per_s": round(sum(tally.requests.values()) / elapsed, 1),
        "latency_p50_ms": round(1000 * statistics.median(lat), 1) if lat else None,
        "latency_p99_ms": round(1000 * lat[int(0.99 * (len(lat) - 1))], 1) if lat else None,
        "rss_before_load_mb": round(samples[0]["rss_mb"], 1),
        "warmup_s": warm["t"],
        "rss_start_mb": round(warm["rss_mb"], 1),
        "rss_end_mb": round(samples[-1]["rss_mb"], 1),
        "rss_slope_second_half_mb_per_min": slope("rss_mb", elapsed / 2),
        "rss_slope_after_warmup_mb_per_min": slope("rss_mb", warm["t"]),
        "rss_trimmed_start_mb": _round(warm.get("rss_after_trim_mb")),
        "rss_trimmed_end_mb": _round(samples[-1].get("rss_after_trim_mb")),
        "rss_trimmed_slope_second_half_mb_per_min": slope("rss_after_trim_mb", elapsed / 2),
        "extract_mode": warm.get("extract_mode"),
        "worker_rss_start_mb": _round(warm.get("worker_rss_mb"), 1),
        "worker_rss_end_mb": _round(samples[-1].get("worker_rss_mb"), 1),
        "worker_rss_max_mb": _round(max((s.get("worker_rss_mb") or 0.0) for s in samples), 1),
        "workers_started": samples[-1].get("workers_started"),
        "total_rss_start_mb": _round(warm.get("total_rss_mb"), 1),
        "total_rss_end_mb": _round(samples[-1].get("total_rss_mb"), 1),
        "total_rss_max_after_warmup_mb": _round(max(s["total_rss_mb"] for s in samples if s["t"] >= warm["t"]
                                                    and "total_rss_mb" in s) if "total_rss_mb" in warm else None, 1),
        "total_rss_slope_second_half_mb_per_min": slope("total_rss_mb", elapsed / 2),
        "sqlite_start_mb": _round(warm.get("sqlite_mb")),
        "sqlite_end_mb": _round(samples[-1].get("sqlite_mb")),
        "samples": samples,
        "tracemalloc_growth": growth,
        "articles_stored": articles_stored,
        "by_request": tally.requests,
        "errors_by_request": tally.errors,
        "error_samples": tally.error_samples,
    }
    if Path(dump).exists() and Path(dump).stat().st_size:
        result["stack_dump"] = dump  # kept (in the temporary folder) when a request timed out
    print(json.dumps({k: v for k, v in result.items() if k not in ("samples", "by_request", "tracemalloc_growth")},
                     indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
