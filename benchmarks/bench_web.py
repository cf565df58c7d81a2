"""Load benchmark of the web API and pages on a store of generated events.

Starts `chronicle serve`'s app under uvicorn on 127.0.0.1 only (a separate
process), then a bounded Python client (a fixed number of threads, each with
its own keep-alive connection) sends the main queries; reports requests per
second and latency percentiles per query.

    python benchmarks/bench_web.py --events 100000 --requests 300 --concurrency 8
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

# name -> path; the filters a user of the pages sends most
QUERIES = {
    "events page 1 (API)": "/api/events?limit=50",
    "events type+country": "/api/events?type=ASSAULT&country=IQ&limit=50",
    "events date range": "/api/events?date_from=2024-02-01&date_to=2024-02-29&limit=50",
    "events text search": "/api/events?q=rioted%20Lagos&limit=50",
    "events one actor": "/api/events?actor=Ukr%20army&limit=50",
    "events broad actor": "/api/events?actor=police&limit=50",
    "events bbox": "/api/events?bbox=30,25,50,40&limit=50",
    "events deep page": "/api/events?limit=50&offset=20000",
    "one event": "/api/events/{event_id}",
    "one article": "/api/articles/bench-000123",
    "counts daily (timeline)": "/api/counts/daily",
    "counts timeline (news/bg)": "/api/counts/timeline",
    "network": "/api/network?limit=150",
    "map points (country)": "/api/points?country=UA",
    "map points (all, town)": "/api/points?precision=town",
    "map areas": "/api/areas",
    "events sorted by deaths": "/api/events?sort=-fatalities&limit=50",
    "events table page (HTML)": "/?type=PROTEST",
    "export csv (filtered)": "/api/export.csv?country=LB&type=PROTEST",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, cache_ttl: float | None = None) -> subprocess.Popen:
    code = ("import uvicorn; from chronicle.web.app import create_app; "
            f"uvicorn.run(create_app({db!r}), host='127.0.0.1', port={port}, log_level='warning')")
    env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src"))
    if cache_ttl is not None:
        env["CHRONICLE_CACHE_TTL"] = str(cache_ttl)
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    return wait_until_serving(proc, f"http://127.0.0.1:{port}", timeout=60)


def wait_until_serving(proc: subprocess.Popen, base: str, timeout: float) -> subprocess.Popen:
    """Block until the server at `base` answers an events query; kill it and fail if it never does."""
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/api/events?limit=1", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def run_query(base: str, path: str, n: int, concurrency: int) -> dict:
    import httpx

    local = threading.local()
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def one(_):
        nonlocal errors
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base, timeout=60)
        t0 = time.perf_counter()
        r = client.get(path)
        _ = r.content
        dt = time.perf_counter() - t0
        with lock:
            latencies.append(dt)
            if r.status_code != 200:
                errors += 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(n)))
    wall = time.perf_counter() - t0
    latencies.sort()
    return {
        "requests": n, "errors": errors, "rps": n / wall,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/chronicle-bench-web.db")
    ap.add_argument("--rebuild", action="store_true", help="regenerate the store even if it exists")
    ap.add_argument("--requests", type=int, default=300, help="requests per query")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--no-cache", action="store_true", help="serve with the aggregate cache off (every query cold)")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()

    from web_events import build

    from chronicle.store import open_store

    if args.rebuild or not Path(args.db).exists():
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
        seconds = build(args.db, args.events)
        print(f"built store: {args.events} events in {seconds:.1f}s")
    store = open_store(args.db)
    n_events = store.count_events()
    event_id = store.events(limit=1, offset=n_events // 2)[0]["id"]
    store.close()
    print(f"store: {n_events} events ({args.db}); {args.requests} requests per query, "
          f"{args.concurrency} client threads, aggregate cache {'off' if args.no_cache else 'on'}")

    port = free_port()
    proc = start_server(args.db, port, 0 if args.no_cache else None)
    base = f"http://127.0.0.1:{port}"
    results = {}
    try:
        for name, path in QUERIES.items():
            path = path.format(event_id=event_id)
            run_query(base, path, min(20, args.requests), args.concurrency)  # warm caches
            results[name] = run_query(base, path, args.requests, args.concurrency)
            r = results[name]
            print(f"{name:28s} {r['rps']:8.1f} req/s   p50 {r['p50_ms']:7.1f} ms   p99 {r['p99_ms']:7.1f} ms"
                  f"   errors {r['errors']}")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    if args.json:
        Path(args.json).write_text(json.dumps({"events": n_events, "concurrency": args.concurrency,
                                               "results": results}, indent=2))


if __name__ == "__main__":
    main()
