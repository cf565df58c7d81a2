"""The write API's extraction worker: a separate process, recycled, killed when it hangs or dies."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from chronicle.web.extraction import ExtractError, InlineExtractor, Job, WorkerExtractor, make_extractor

TEXT = ("Riot police fired tear gas at thousands of teachers marching on parliament in Accra on Tuesday, "
        "a union official said. The teachers are demanding arrears owed since March.")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a child reaped by its retiring thread is gone; one not yet reaped is a zombie
    try:
        with open(f"/proc/{pid}/status") as fh:
            return "zombie" not in fh.read()
    except OSError:
        return False


def _wait_gone(pid: int, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def extractor():
    worker = WorkerExtractor(max_articles=3, timeout=120)
    yield worker
    worker.close()


def test_extracts_in_another_process_and_keeps_it(extractor):
    first = extractor.extract(Job(TEXT, published="2024-03-05", id="t1"))
    pid = extractor.stats()["pid"]
    assert pid and pid != os.getpid()
    assert first.id == "t1" and first.published == "2024-03-05"
    assert any(e.type == "PROTEST" for e in first.events)
    assert first.text[first.events[0].trigger.start:first.events[0].trigger.end] == first.events[0].trigger.text
    second = extractor.extract(Job(f"<html><body><article><p>{TEXT}</p></article></body></html>", id="t2"))
    assert second.text.startswith("Riot police") and extractor.stats()["pid"] == pid


def test_unreadable_input_is_a_client_error_and_the_worker_goes_on(extractor):
    before = extractor.stats()
    with pytest.raises(ExtractError) as err:
        extractor.extract(Job(b"\x00\x01\x02\x03 binary" * 20))
    assert err.value.status == 422 and err.value.code == "binary"
    assert extractor.stats()["killed"] == before["killed"]


def test_worker_is_replaced_after_its_quota(extractor):
    retired, first = extractor.stats()["retired"], extractor.stats()["pid"]
    for _ in range(extractor.max_articles):
        extractor.extract(Job(TEXT, id="fill"))
        if extractor.stats()["retired"] > retired:
            break
    stats = extractor.stats()
    assert stats["retired"] == retired + 1 and stats["started"] == stats["retired"] + stats["killed"] + 1
    assert stats["pid"] != first
    # the replacement was started at once, before anyone asked for it
    assert stats["pid"] is not None and stats["served"] == 0
    record = extractor.extract(Job(TEXT, id="after-quota"))
    assert record.events and extractor.stats()["served"] == 1


def test_worker_found_dead_between_requests_is_replaced(extractor):
    extractor.extract(Job(TEXT, id="before-kill"))
    victim = extractor.stats()["pid"]
    killed = extractor.stats()["killed"]
    os.kill(victim, signal.SIGKILL)
    assert _wait_gone(victim)
    record = extractor.extract(Job(TEXT, id="after-kill"))
    assert record.events and extractor.stats()["pid"] != victim
    assert extractor.stats()["killed"] == killed + 1


class _KillsItsReader:
    """A job field whose unpickling ends the process reading it: a worker that dies
    while it holds the article, every time, at a known point."""

    def __reduce__(self):
        return (os._exit, (3,))


def test_worker_dying_mid_article_is_retried_once_then_a_503(extractor):
    extractor.extract(Job(TEXT, id="warm"))
    killed = extractor.stats()["killed"]
    with pytest.raises(ExtractError) as err:
        extractor.extract(Job(TEXT, id="poison", fields={"title": _KillsItsReader()}))
    assert err.value.status == 503 and err.value.code == "worker_failed"
    assert "2 times" in err.value.message and "exit code 3" in err.value.message
    assert extractor.stats()["killed"] == killed + 2
    assert extractor.extract(Job(TEXT, id="next")).events  # a fresh worker, already loading


def test_worker_killed_while_parsing_is_replaced_and_the_article_still_extracted(extractor):
    extractor.extract(Job(TEXT, id="warm"))
    victim, killed = extractor.stats()["pid"], extractor.stats()["killed"]
    # long enough (seconds of parsing) that the kill lands while it is being parsed
    long_text = " ".join([TEXT] * 200)
    threading.Timer(0.5, os.kill, args=(victim, signal.SIGKILL)).start()
    record = extractor.extract(Job(long_text, id="killed-mid-way"))
    assert record.id == "killed-mid-way" and record.events
    assert extractor.stats()["pid"] != victim and extractor.stats()["killed"] == killed + 1


def test_article_past_the_timeout_kills_its_worker():
    extractor = WorkerExtractor(timeout=0.05, max_articles=100)
    try:
        extractor.extract(Job(TEXT, id="warm"))  # the cold start is not timed by `timeout`
    except ExtractError as exc:  # a slow machine may not parse even this in 50 ms
        assert exc.code == "timeout"
    try:
        hung = extractor.stats()["pid"]
        with pytest.raises(ExtractError) as err:
            extractor.extract(Job(" ".join([TEXT] * 400), id="slow"))
        assert err.value.status == 422 and err.value.code == "timeout" and "0.05 s" in err.value.message
        assert _wait_gone(hung)
        extractor.timeout = 120
        assert extractor.extract(Job(TEXT, id="after-timeout")).events
        assert extractor.stats()["killed"] >= 1
    finally:
        extractor.close()


def test_close_stops_the_worker():
    extractor = WorkerExtractor()
    extractor.extract(Job(TEXT, id="one"))
    pid = extractor.stats()["pid"]
    extractor.close()
    assert _wait_gone(pid)
    with pytest.raises(ExtractError) as err:
        extractor.extract(Job(TEXT))
    assert err.value.status == 503


def test_stub_factories_and_the_operator_switch_run_inline(monkeypatch):
    assert isinstance(make_extractor(lambda: None), InlineExtractor)
    monkeypatch.setenv("CHRONICLE_EXTRACT_WORKER", "0")
    assert isinstance(make_extractor(), InlineExtractor)
    monkeypatch.setenv("CHRONICLE_EXTRACT_WORKER", "1")
    monkeypatch.setenv("CHRONICLE_WORKER_MAX_ARTICLES", "7")
    worker = make_extractor()
    assert isinstance(worker, WorkerExtractor) and worker.max_articles == 7
    assert worker.stats()["pid"] is None  # nothing started before the first write


def test_write_whose_worker_is_killed_is_stored_once(tmp_path):
    """Through the API: the worker dies mid-article, the write still answers 201, and
    the store holds the article once, with the events a calm write gives."""
    from fastapi.testclient import TestClient

    from chronicle.web.app import create_app

    headers = {"Authorization": "Bearer fault-token"}
    long_text = " ".join([TEXT] * 200)
    with TestClient(create_app(str(tmp_path / "w.db"), token="fault-token"), base_url="http://127.0.0.1") as client:
        calm = client.post("/api/articles", json={"text": long_text, "id": "calm", "published": "2024-03-05"},
                           headers=headers)
        assert calm.status_code == 201, calm.text
        extractor = client.app.state.extractor
        victim = extractor.stats()["pid"]
        threading.Timer(0.5, os.kill, args=(victim, signal.SIGKILL)).start()
        hit = client.post("/api/articles", json={"text": long_text, "id": "hit", "published": "2024-03-05"},
                          headers=headers)
        assert hit.status_code == 201, hit.text
        assert extractor.stats()["killed"] == 1 and extractor.stats()["pid"] != victim
        listed = client.get("/api/articles?limit=50").json()
        assert sorted(a["id"] for a in listed["articles"]) == ["calm", "hit"] and listed["total"] == 2
        stored = client.get("/api/articles/hit").json()
        assert len(stored["event_ids"]) == len(calm.json()["events"]) == len(hit.json()["events"]) > 0
        current = extractor.stats()["pid"]
    assert _wait_gone(current)  # the app's shutdown stops its worker
