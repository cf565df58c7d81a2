"""Runs the extraction pipeline for the write API: in a worker process, or in this one.

`chronicle serve` extracts in one worker process (`WorkerExtractor`), not in the
server's own, for three reasons a long-running server needs:

- memory: parsing leaves Python's small-object arenas fragmented (one live
  object pins a 1 MiB arena), so a process that parses for hours creeps up
  although the memory it uses does not. The worker is replaced after
  `max_articles` articles, or sooner when its resident size passes
  `max_rss_mb`, and its memory goes back to the system with it; the server
  process never loads spaCy and stays flat.
- hangs: an article that takes longer than `timeout` seconds gets its worker
  killed and a clear error; the server goes on with a fresh worker.
- crashes: a worker that dies (killed by the OS, a fault in a C extension)
  costs one request an error, not the server.

The replacement is started as soon as the old worker retires, so it loads
spaCy while the server answers reads, not while a writer waits.

`InlineExtractor` runs the pipeline in this process: for tests with a stub
pipeline, and for operators who set CHRONICLE_EXTRACT_WORKER=0.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from chronicle.ingest.errors import IngestError
from chronicle.record import ArticleRecord
from chronicle.web.memory import resident_mb

DEFAULT_MAX_ARTICLES = 500
DEFAULT_MAX_RSS_MB = 2048
DEFAULT_TIMEOUT = 120.0
# a cold worker imports spaCy and loads every stage's resources (the gazetteer's first build included)
DEFAULT_START_TIMEOUT = 600.0
# workers an article may see die before its write is answered with an error
DEATHS_PER_ARTICLE = 2


class ExtractError(Exception):
    """An article the pipeline could not turn into a record; `status` is the HTTP answer."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message


@dataclass
class Job:
    """What a write asks for: the page or text, and the fields the client gave."""

    body: str | bytes
    published: Optional[str] = None
    url: Optional[str] = None
    id: Optional[str] = None
    fields: dict[str, str] = field(default_factory=dict)


def extract_with(pipeline, job: Job) -> ArticleRecord:
    """Read the job's page and run the pipeline on it; IngestError for unreadable input."""
    from chronicle.ingest import read_article

    doc = read_article(job.body, published=job.published, url=job.url, **job.fields)
    if job.id:
        doc.id = job.id
    return pipeline.process(doc)


def _rss_mb(pid: int) -> float:
    """0 where the size cannot be read: the limit on it then never triggers."""
    return resident_mb(pid) or 0.0


class InlineExtractor:
    """The pipeline in this process, built on first use; requests take turns through it,
    as its stages are not written to be re-entered by threads."""

    def __init__(self, factory: Optional[Callable[[], Any]] = None):
        self._factory = factory
        self._pipeline = None
        self._build_lock = threading.Lock()
        self._run_lock = threading.Lock()

    def get(self):
        if self._pipeline is None:
            with self._build_lock:
                if self._pipeline is None:
                    if self._factory is not None:
                        self._pipeline = self._factory()
                    else:
                        from chronicle.pipeline import Pipeline

                        self._pipeline = Pipeline()
        return self._pipeline

    def extract(self, job: Job) -> ArticleRecord:
        pipeline = self.get()
        with self._run_lock:
            try:
                return extract_with(pipeline, job)
            except IngestError as exc:  # binary, too deep, not English...: the client's input
                raise ExtractError(422, exc.code, exc.message) from exc

    def stats(self) -> dict[str, Any]:
        return {"mode": "inline", "built": self._pipeline is not None}

    def close(self) -> None:
        pass


# -- the worker process ---------------------------------------------------------

def _work(conn, settings: dict, parent: int) -> None:
    """The worker's loop: build the pipeline once, then answer jobs until told to stop.

    Replies: ("ready", pid), then per job ("ok", record, rss_mb), ("ingest", code,
    message) or ("error", code, message). None, or the pipe closing, ends it."""
    from chronicle.batch import init_worker

    pipeline = init_worker(settings, parent)  # also makes the worker exit when the server dies
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            reply = ("ok", extract_with(pipeline, job), _rss_mb(os.getpid()))
        except IngestError as exc:
            reply = ("ingest", exc.code, exc.message)
        except Exception as exc:  # noqa: BLE001 - reported to the request, the worker goes on
            reply = ("error", "extract_failed", f"{type(exc).__name__}: {exc}")
        conn.send(reply)


def _end(worker: "_Worker", kill: bool) -> None:
    if not kill:
        try:
            worker.conn.send(None)
        except (OSError, ValueError):
            kill = True
    worker.process.join(0 if kill else 10)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(5)
    worker.conn.close()


@dataclass
class _Worker:
    process: Any
    conn: Any
    ready: bool = False
    served: int = 0
    rss_mb: float = 0.0


class WorkerExtractor:
    """Extraction in one recycled worker process (see the module's docstring).

    max_articles: articles a worker extracts before it is replaced ($CHRONICLE_WORKER_MAX_ARTICLES).
    max_rss_mb: resident size past which it is replaced early ($CHRONICLE_WORKER_MAX_RSS_MB).
    timeout: seconds one article may take before its worker is killed ($CHRONICLE_EXTRACT_TIMEOUT).
    """

    def __init__(self, settings: dict | None = None, *, max_articles: int | None = None,
                 max_rss_mb: float | None = None, timeout: float | None = None,
                 start_timeout: float = DEFAULT_START_TIMEOUT):
        env = os.environ.get
        self.settings = dict(settings or {})
        self.max_articles = max(1, max_articles or int(env("CHRONICLE_WORKER_MAX_ARTICLES", DEFAULT_MAX_ARTICLES)))
        self.max_rss_mb = max_rss_mb or float(env("CHRONICLE_WORKER_MAX_RSS_MB", DEFAULT_MAX_RSS_MB))
        self.timeout = timeout or float(env("CHRONICLE_EXTRACT_TIMEOUT", DEFAULT_TIMEOUT))
        self.start_timeout = start_timeout
        self._context = multiprocessing.get_context("spawn")  # a clean interpreter: the server has threads
        self._lock = threading.Lock()
        self._worker: Optional[_Worker] = None
        self._closed = False
        self.started = 0  # workers started, for stats and tests
        self.retired = 0  # replaced after their quota or size
        self.killed = 0  # killed after a timeout, or found dead

    # -- the worker's life ----------------------------------------------------
    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_work, args=(theirs, self.settings, os.getpid()),
                                        name="chronicle-extract", daemon=True)
        process.start()
        theirs.close()  # only the child holds its end: its death shows here as EOF
        self.started += 1
        self._worker = _Worker(process, ours)
        return self._worker

    def _ready(self) -> _Worker:
        worker = self._worker
        if worker is None:
            worker = self._start()
        elif not worker.process.is_alive():  # died between requests
            worker = self._replace(worker)
        if not worker.ready:
            if not worker.conn.poll(self.start_timeout):
                self._stop(worker, kill=True)
                raise ExtractError(503, "worker_unavailable", "the extraction worker did not start in time")
            try:
                worker.conn.recv()
            except (EOFError, OSError) as exc:
                self._stop(worker, kill=True)
                raise ExtractError(503, "worker_unavailable",
                                   f"the extraction worker failed to start (exit code {worker.process.exitcode})") from exc
            worker.ready = True
        return worker

    def _stop(self, worker: _Worker, kill: bool = False, wait: bool = True) -> None:
        """End a worker: ask it to exit (or kill it at once); without `wait`, the
        asking and the reaping happen in the background, off the request's time."""
        if self._worker is worker:
            self._worker = None
        if wait:
            _end(worker, kill)
        else:
            threading.Thread(target=_end, args=(worker, kill), name="chronicle-extract-retire", daemon=True).start()

    def _replace(self, worker: _Worker) -> _Worker:
        """Kill a dead, stuck or failing worker and start its successor at once, so the
        next attempt or writer does not wait for a cold start."""
        self._stop(worker, kill=True)
        self.killed += 1
        return self._start()

    # -- requests -------------------------------------------------------------
    def extract(self, job: Job) -> ArticleRecord:
        with self._lock:
            if self._closed:
                raise ExtractError(503, "worker_unavailable", "the server is shutting down")
            # A worker that dies while it holds the article is replaced and the article tried
            # once more: the death may have nothing to do with it (the OS's memory killer, an
            # operator's signal, a worker that died just as the article was sent). One that
            # kills two workers is answered with an error.
            for attempt in range(DEATHS_PER_ARTICLE):
                worker = self._ready()
                reply = self._ask(worker, job)
                if reply is not None:
                    break
                code = worker.process.exitcode
                self._replace(worker)
            else:
                raise ExtractError(503, "worker_failed",
                                   f"the extraction worker died on this article {DEATHS_PER_ARTICLE} times "
                                   f"(last exit code {code})")
            worker.served += 1
            if reply[0] == "ok":
                worker.rss_mb = reply[2]
            if worker.served >= self.max_articles or worker.rss_mb > self.max_rss_mb:
                self._stop(worker, wait=False)
                self.retired += 1
                self._start()  # loads while the server answers reads
        if reply[0] == "ok":
            return reply[1]
        status = 422 if reply[0] == "ingest" else 500
        raise ExtractError(status, reply[1], reply[2])

    def _ask(self, worker: _Worker, job: Job):
        """The worker's reply to one job; None when it died first. Past the timeout the
        worker is killed (it may be stuck in C code no signal handler would reach)."""
        try:
            worker.conn.send(job)
        except (OSError, ValueError):
            worker.process.join(1)
            return None
        if not worker.conn.poll(self.timeout):
            self._replace(worker)
            raise ExtractError(422, "timeout", f"extraction took longer than {self.timeout:g} s")
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)  # its exit code says what ended it (-9: killed)
            return None

    def stats(self) -> dict[str, Any]:
        worker = self._worker
        return {
            "mode": "worker",
            "pid": worker.process.pid if worker is not None else None,
            "served": worker.served if worker is not None else 0,
            "rss_mb": _rss_mb(worker.process.pid) if worker is not None else 0.0,
            "started": self.started,
            "retired": self.retired,
            "killed": self.killed,
            "max_articles": self.max_articles,
        }

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._worker is not None:
                self._stop(self._worker)


def make_extractor(pipeline_factory: Optional[Callable[[], Any]] = None):
    """A worker unless a factory is given (it may be a closure a worker cannot receive)
    or the operator set CHRONICLE_EXTRACT_WORKER=0."""
    if pipeline_factory is not None or os.environ.get("CHRONICLE_EXTRACT_WORKER", "1") == "0":
        return InlineExtractor(pipeline_factory)
    return WorkerExtractor()
