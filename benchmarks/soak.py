"""Soak run: the web server under concurrent reads and writes for a long while.

Starts `chronicle serve`'s app under uvicorn in its own process, on 127.0.0.1
only, over a temporary SQLite store; then reader threads cycle through the
API and the pages while writer threads POST articles (written from the
benchmark corpus's templates) through the real extraction pipeline. Every
loop is bounded: it stops by itself at the deadline (and after
--max-requests per thread). Reports requests, error responses (any status
other than the one expected, or a failed connection), latency percentiles,
and the server's resident memory at the start (after warm-up: the pipeline
loaded, the store seeded), every --sample seconds, and at the end.

    nice python benchmarks/soak.py                    # ten minutes
    nice python benchmarks/soak.py --duration 60 --json soak.json

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
    """Resident memory of a process, from /proc (Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def start_server(db: str, port: int, dump: str, timeout: float = 180.0) -> subprocess.Popen:
    # SIGUSR1 makes the server write every thread's stack to `dump`: what a stuck request is doing
    code = ("import faulthandler, signal, uvicorn; from chronicle.web.app import create_app; "
            f"faulthandler.register(signal.SIGUSR1, file=open({dump!r}, 'a'), all_threads=True); "
            f"uvicorn.run(create_app({db!r}), host={HOST!r}, port={port}, log_level='warning')")
    env = dict(os.environ, CHRONICLE_TOKEN=TOKEN, PYTHONPATH=str(HERE.parent / "src"))
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    return wait_until_serving(proc, f"http://{HOST}:{port}", timeout=timeout)


class Tally:
    """Counts shared by every client thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests: dict[str, int] = {}
        self.errors: dict[str, int] = {}
        self.error_samples: list[str] = []
        self.latencies: list[float] = []
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


def reader(base: str, deadline: float, max_requests: int, tally: Tally, seed: int) -> None:
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
            except httpx.HTTPError as exc:
                ok, detail = False, f"{type(exc).__name__}: {exc} {template}"
            tally.add(name, time.perf_counter() - t0, ok, detail)


def writer(base: str, deadline: float, max_requests: int, tally: Tally, seed: int, pause: float,
           write_timeout: float = 120.0) -> None:
    import httpx

    from corpus import make_article

    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(timeout=write_timeout) as client:
        for n in range(max_requests):
            if time.monotonic() >= deadline:
                return
            article = make_article(n, seed=seed, words=300)
            if n % 5 == 4:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=600.0, help="seconds of load (default 600)")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--writers", type=int, default=1)
    parser.add_argument("--seed-articles", type=int, default=10, help="articles written before the clock starts")
    parser.add_argument("--write-pause", type=float, default=0.2, help="seconds a writer waits between posts")
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="per thread, a second bound")
    parser.add_argument("--sample", type=float, default=30.0, help="seconds between memory samples")
    parser.add_argument("--json", help="write the figures here as JSON")
    parser.add_argument("--write-timeout", type=float, default=120.0, help="seconds before a write counts as failed")
    args = parser.parse_args(argv)

    import httpx

    workdir = tempfile.mkdtemp(prefix="chronicle-soak-")
    db = str(Path(workdir) / "soak.db")
    port = free_port()
    base = f"http://{HOST}:{port}"
    dump = str(Path(workdir) / "stacks.txt")
    proc = start_server(db, port, dump)
    global SERVER_PID
    SERVER_PID = proc.pid
    tally = Tally()
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
        samples = [(0.0, rss_mb(proc.pid))]
        started = time.monotonic()
        deadline = started + args.duration
        threads = [threading.Thread(target=reader, args=(base, deadline, args.max_requests, tally, i), daemon=True)
                   for i in range(args.readers)]
        threads += [threading.Thread(target=writer, args=(base, deadline, args.max_requests, tally, 1000 + i,
                                                          args.write_pause, args.write_timeout), daemon=True)
                    for i in range(args.writers)]
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            next_sample = started + samples[-1][0] + args.sample
            while time.monotonic() < next_sample and any(t.is_alive() for t in threads):
                time.sleep(0.2)
            now = time.monotonic() - started
            if now - samples[-1][0] >= args.sample or not any(t.is_alive() for t in threads):
                samples.append((round(now, 1), rss_mb(proc.pid)))
                print(f"  {now:6.0f} s  requests {sum(tally.requests.values()):7d}  errors {sum(tally.errors.values()):4d}"
                      f"  server RSS {samples[-1][1]:7.1f} MB", flush=True)
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
    lat = sorted(tally.latencies)
    result = {
        "duration_s": round(elapsed, 1),
        "readers": args.readers, "writers": args.writers,
        "requests": sum(tally.requests.values()),
        "errors": sum(tally.errors.values()),
        "requests_per_s": round(sum(tally.requests.values()) / elapsed, 1),
        "latency_p50_ms": round(1000 * statistics.median(lat), 1) if lat else None,
        "latency_p99_ms": round(1000 * lat[int(0.99 * (len(lat) - 1))], 1) if lat else None,
        "rss_start_mb": round(samples[0][1], 1),
        "rss_end_mb": round(samples[-1][1], 1),
        "rss_samples_mb": samples,
        "articles_stored": articles_stored,
        "by_request": tally.requests,
        "errors_by_request": tally.errors,
        "error_samples": tally.error_samples,
    }
    if Path(dump).exists() and Path(dump).stat().st_size:
        result["stack_dump"] = dump  # kept (in the temporary folder) when a request timed out
    print(json.dumps({k: v for k, v in result.items() if k not in ("rss_samples_mb", "by_request")}, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
