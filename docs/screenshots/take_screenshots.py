"""Re-make the screenshots of the pages in docs/screenshots/.

A store of generated events (benchmarks/web_events.py) plus one article the
project wrote (basra-article.txt, coded by the real pipeline) is served on
127.0.0.1 and each page is captured in Debian's headless chromium.

    .venv/bin/python docs/screenshots/take_screenshots.py
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def build_store(db: str) -> str:
    from web_events import build

    import chronicle
    from chronicle.store import open_store

    build(db, 4000)
    record = chronicle.Pipeline().process((HERE / "basra-article.txt").read_text(), published="2024-03-03",
                                          title="Protesters march in Basra as power cuts bite", outlet="Chronicle demo")
    store = open_store(db)
    store.save(record)
    store.close()
    return record.id


def main() -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from chronicle.web.app import create_app

    db = str(Path(tempfile.mkdtemp()) / "shots.db")
    article_id = build_store(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, token="demo"), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    from urllib.parse import quote

    shots = [
        ("events", "/?country=IQ", None),
        ("map", "/map?date_from=2024-01-01&date_to=2024-03-31", "#map[data-ready='1']"),
        ("timeline", "/timeline?date_from=2024-01-01&date_to=2024-06-30", "#timeline[data-ready='1']"),
        ("actors", "/actors?country=UA", "#network[data-ready='1']"),
        ("article", "/articles/" + quote(article_id, safe=""), None),
        ("add", "/add", None),
    ]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 900})
        for name, path, ready in shots:
            page.goto(base + path)
            if ready:
                page.wait_for_selector(ready, timeout=20000)
            if name == "timeline":
                page.evaluate("window.chronicleTimeline.brushDays('2024-02-01', '2024-02-20')")
                page.wait_for_selector("#brush-table tr.event-row")
            if name == "add":
                page.fill("textarea[name=text]", (HERE / "basra-article.txt").read_text())
                page.fill("input[name=token]", "demo")
                page.click("#add-form button[type=submit]")
                page.wait_for_selector("#add-result table", timeout=60000)
            page.wait_for_timeout(500)
            page.screenshot(path=str(HERE / f"{name}.png"), full_page=name in ("article",))
            print("wrote", HERE / f"{name}.png")
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
