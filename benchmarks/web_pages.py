"""Page load times of the map, timeline, actors network and events table in headless Chromium.

Serves a store (built by web_events.py when missing) under uvicorn on 127.0.0.1 in a separate
process, opens each page in Debian's Chromium (Playwright) and times it from navigation to the
moment the view is drawn (its `data-ready` mark: every map point added, the network laid out,
the timeline binned). Each page is loaded --repeat times in a fresh context (no browser cache);
the aggregate cache of the server is warm after the first load, as for an analyst's second
visit, and the first (cold) load is reported apart. --screenshots saves one of each.

    python benchmarks/web_events.py --events 50000 --db /tmp/chronicle-web-50k.db
    python benchmarks/web_pages.py --db /tmp/chronicle-web-50k.db --repeat 5 --screenshots docs/screenshots
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

# name -> (path, selector that marks the view as drawn, screenshot file)
PAGES = {
    "events table": ("/", "#events-table", None),
    "map": ("/map", "#map[data-ready='1']", "map-50k.png"),
    "timeline": ("/timeline", "#timeline[data-ready='1']", "timeline-50k.png"),
    "actors network": ("/actors", "#network[data-ready='1']", "network-50k.png"),
    "map, one country": ("/map?country=IQ", "#map[data-ready='1']", None),
}
CHROMIUM = os.environ.get("CHRONICLE_CHROMIUM", "/usr/bin/chromium")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/chronicle-web-50k.db")
    ap.add_argument("--events", type=int, default=50_000, help="events to generate when the store is missing")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--screenshots", help="save a screenshot of the map, timeline and network here")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()

    from bench_web import free_port, start_server
    from playwright.sync_api import sync_playwright
    from web_events import build

    if not Path(args.db).exists():
        print(f"built store: {args.events} events in {build(args.db, args.events):.1f}s")
    port = free_port()
    proc = start_server(args.db, port)
    base = f"http://127.0.0.1:{port}"
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for name, (path, ready, shot) in PAGES.items():
                times = []
                for i in range(args.repeat):
                    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
                    page = context.new_page()
                    errors: list[str] = []
                    page.on("pageerror", lambda e: errors.append(str(e)))
                    t0 = time.perf_counter()
                    page.goto(path)
                    page.wait_for_selector(ready, state="attached", timeout=180_000)
                    times.append(time.perf_counter() - t0)
                    if errors:
                        raise SystemExit(f"{name}: {errors}")
                    if i == 0 and shot and args.screenshots:
                        page.wait_for_timeout(500)
                        page.screenshot(path=str(Path(args.screenshots) / shot))
                    context.close()
                warm = sorted(times[1:]) or times
                results[name] = {"cold_s": times[0], "warm_median_s": statistics.median(warm), "warm_max_s": max(warm)}
                r = results[name]
                print(f"{name:18s} first load {r['cold_s']:6.2f} s   then median {r['warm_median_s']:6.2f} s"
                      f"   max {r['warm_max_s']:6.2f} s")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
