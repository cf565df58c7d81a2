"""A batch run: inputs -> pipeline -> one JSON line per article, in input order.

The CLI's `extract` is a thin shell over `run_batch`. The work of coding
articles is done by a *coder*: this process (`InProcessCoder`), a pool of
local worker processes (`ProcessCoder`, `--workers N`) or a Dask cluster
(`chronicle.cluster.DaskCoder`). Every coder takes the input stream as
numbered articles and gives back `Coded` results; `run_batch` writes them.

Resumable and idempotent (`resume=True`): beside OUT.jsonl a progress journal
(OUT.jsonl.progress) lists every article whose line is safely on disk, by
input position and key (the input id, else a hash of its text). Writes go in
*commits*: output lines (and a Parquet part) are written and fsynced first,
then the journal entries and a commit line are appended and fsynced. After a
crash at any moment (kill -9 included) a resumed run keeps exactly what the
last complete commit covers, truncates the output and deletes Parquet parts
past it, and codes only the positions not yet committed: no article is lost,
none is written twice. The output files are locked by the run that writes
them (chronicle.batch_files): a second run on the same output is refused.

Interrupts (chronicle.interrupts): the first Ctrl-C or SIGTERM commits what is
written, kills the workers and ends the run with BatchInterrupted; a second one
ends the process at once. Either way `--resume` continues.

Nothing is dropped unseen: an input that is not coded (unreadable, a page read
twice) still yields its record, and what ingestion changed is in `notes`.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from chronicle.batch_files import JsonLinesSink, OutputBusy, ParquetSink, ProgressJournal
from chronicle.interrupts import InterruptGuard, RunInterrupted, ignore_interrupts_in_worker, sigint_blocked_for_children
from chronicle.record import Article, ArticleRecord, content_id, error_record, record_from_dict

__all__ = ["run_batch", "BatchSummary", "BatchInterrupted", "ResumeMismatch", "OutputBusy", "ProcessCoder",
           "InProcessCoder", "code_chunk", "input_key"]

# Articles sent to a worker process at once: large enough to keep nlp.pipe's
# batching effective, small enough that work spreads evenly over workers.
DEFAULT_CHUNK_SIZE = 16
# A commit (fsync of output and journal) at least this often; what a crash costs is
# recoding at most this much. CHRONICLE_COMMIT_EVERY overrides the record count.
COMMIT_EVERY_RECORDS = int(os.environ.get("CHRONICLE_COMMIT_EVERY", "200"))
COMMIT_EVERY_SECONDS = 5.0
# Times a failed chunk is sent again before its articles are tried one by one.
DEFAULT_RETRIES = 1


@dataclass
class BatchSummary:
    # the output file's totals, what a resumed run kept included
    articles: int = 0
    errors: int = 0
    events: int | None = 0  # None: a journal of an older version kept no event counts
    resumed: int = 0  # records kept from an interrupted run
    # what this run coded itself
    coded: int = 0
    coded_errors: int = 0
    coded_events: int = 0
    seconds: float = 0.0
    workers: dict[int, float] = field(default_factory=dict)  # worker pid -> peak RSS in MB
    worker_cpu: dict[int, float] = field(default_factory=dict)  # worker pid -> CPU seconds spent coding
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, summed over workers


@dataclass
class Coded:
    """One coded article as it travels back from a worker: its JSON line and what the runner needs."""

    position: int  # in the input stream, from 0
    key: str  # input key (see input_key)
    line: str  # the record as one JSON line, no newline
    error: bool
    events: int


@dataclass
class ChunkResult:
    coded: list[Coded]
    pid: int
    peak_rss_mb: float
    timings: dict[str, float]
    cpu_seconds: float = 0.0  # CPU time the worker spent on this chunk (wall time lies on a shared machine)


def input_key(item: Article | ArticleRecord) -> str:
    """What identifies an input across runs: its id, else a hash of its text."""
    if isinstance(item, ArticleRecord):
        return item.id
    return item.id or content_id(item.text)


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports KiB, macOS bytes)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def code_chunk(pipeline, chunk: Sequence[tuple[int, Article | ArticleRecord]]) -> ChunkResult:
    """Code numbered articles with `pipeline` (the unit of work of every coder)."""
    before = dict(pipeline.timings)
    cpu = time.process_time()
    coded = []
    records = pipeline.process_many(item for _, item in chunk)
    for (position, item), record in zip(chunk, records):
        coded.append(Coded(position, input_key(item), record.to_json(), record.error is not None, len(record.events)))
    timings = {k: v - before.get(k, 0.0) for k, v in pipeline.timings.items()}
    return ChunkResult(coded, os.getpid(), peak_rss_mb(), timings, time.process_time() - cpu)


def failed_chunk(chunk: Sequence[tuple[int, Article | ArticleRecord]], code: str, message: str) -> ChunkResult:
    """Error records for articles whose worker kept failing: reported, and the batch goes on."""
    coded = []
    for position, item in chunk:
        record = error_record(code, message, id=input_key(item), source=item.source)
        coded.append(Coded(position, input_key(item), record.to_json(), True, 0))
    return ChunkResult(coded, os.getpid(), 0.0, {})


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- coders -------------------------------------------------------------------


class InProcessCoder:
    """Codes in this process with one Pipeline, streaming: one result per article."""

    def __init__(self, pipeline=None, settings: dict | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE):
        from chronicle.pipeline import Pipeline

        self.pipeline = pipeline or Pipeline(**(settings or {}))

    def code(self, numbered: Iterable[tuple[int, Article | ArticleRecord]]) -> Iterator[ChunkResult]:
        taken: deque = deque()  # (position, item) handed to the pipeline, not yet come back

        def items():
            for position, item in numbered:
                taken.append((position, item))
                yield item

        pid = os.getpid()
        before = dict(self.pipeline.timings)
        cpu = time.process_time()
        for record in self.pipeline.process_many(items()):
            position, item = taken.popleft()
            now = dict(self.pipeline.timings)
            timings = {k: v - before.get(k, 0.0) for k, v in now.items()}
            before = now
            coded = Coded(position, input_key(item), record.to_json(), record.error is not None, len(record.events))
            cpu_now = time.process_time()
            yield ChunkResult([coded], pid, peak_rss_mb(), timings, cpu_now - cpu)
            cpu = time.process_time()

    def close(self) -> None:
        pass


_QUIET_TRACKER = "ignore:resource_tracker:UserWarning"

# Each worker process builds its Pipeline once, in the pool's initializer.
_worker_pipeline = None


def init_worker(settings: dict, parent: int | None = None):
    """Build this worker's Pipeline (returned too, for workers that are not a pool's)."""
    global _worker_pipeline
    ignore_interrupts_in_worker()
    if parent is not None:
        _exit_with_parent(parent)
    # One thread of BLAS per process: N workers on N cores, not N x N threads fighting.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    # the variables only reach a BLAS library loaded after them; numpy may already be imported
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    from chronicle.pipeline import Pipeline

    _worker_pipeline = Pipeline(**settings)
    return _worker_pipeline


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (kill -9 gives it no chance to stop us) exits too,
    instead of waiting forever on a task queue that no one will fill."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _code_in_worker(chunk: list[tuple[int, Article | ArticleRecord]]) -> ChunkResult:
    return code_chunk(_worker_pipeline, chunk)


class ProcessCoder:
    """Codes on N local worker processes; results come back in input order.

    Chunks go out with at most `2 * workers` in flight (memory stays flat on
    any input size) and come back in submission order. A chunk whose worker
    died is sent again `retries` times, then its articles one by one; an
    article that still fails becomes an error record.
    """

    def __init__(self, workers: int, settings: dict | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE,
                 retries: int = DEFAULT_RETRIES):
        self.workers = workers
        self.settings = dict(settings or {})
        self.chunk_size = chunk_size
        self.retries = retries
        self._executor = None
        self._generation = 0  # bumped each time a broken pool is replaced

    def _pool(self):
        if self._executor is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # a run stopped at once (a second Ctrl-C) leaves the pool's semaphores to the resource
            # tracker, which would warn about them "leaked"; its command line takes this filter
            if _QUIET_TRACKER not in sys.warnoptions:
                sys.warnoptions.append(_QUIET_TRACKER)
            # spawn: a clean interpreter per worker, safe beside threads (progress bar, Dask)
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker, initargs=(self.settings, os.getpid()),
            )
        return self._executor

    def _submit(self, chunk):
        with sigint_blocked_for_children():  # workers (started on a submit) leave Ctrl-C to this process
            return self._generation, self._pool().submit(_code_in_worker, chunk)

    def _heal(self, generation: int, exc: BaseException) -> None:
        """Replace the pool when a worker death broke it (once, whatever number of chunks saw it)."""
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(exc, BrokenProcessPool) and generation == self._generation and self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
            self._generation += 1

    def _resolve(self, chunk, submitted, attempt: int) -> ChunkResult:
        generation, future = submitted
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - a dead worker or an unpicklable result
            self._heal(generation, exc)
            if attempt < self.retries:
                return self._resolve(chunk, self._submit(chunk), attempt + 1)
            if len(chunk) > 1:
                singles = [([item], self._submit([item])) for item in chunk]
                parts = [self._resolve(one, sub, self.retries) for one, sub in singles]
                return ChunkResult([c for p in parts for c in p.coded], parts[0].pid,
                                   max(p.peak_rss_mb for p in parts), _sum_timings(p.timings for p in parts),
                                   sum(p.cpu_seconds for p in parts))
            return failed_chunk(chunk, "worker_failed", f"{type(exc).__name__}: {exc}")

    def code(self, numbered: Iterable[tuple[int, Article | ArticleRecord]]) -> Iterator[ChunkResult]:
        pending: deque = deque()
        for chunk in chunked(numbered, self.chunk_size):
            pending.append((chunk, self._submit(chunk)))
            while len(pending) >= 2 * self.workers:
                chunk_done, submitted = pending.popleft()
                yield self._resolve(chunk_done, submitted, 0)
        while pending:
            chunk_done, submitted = pending.popleft()
            yield self._resolve(chunk_done, submitted, 0)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def kill_workers(self) -> None:
        """Kill the worker processes and nothing more: what a signal handler may do (it can
        run while this thread holds the pool's locks). Safe to call more than once."""
        executor = self._executor
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            try:
                process.kill()
            except (OSError, ValueError):  # already gone, or already closed
                pass

    def kill(self) -> None:
        """Stop now: the workers are killed, not waited for (an interrupted run's chunks are
        recoded on resume), and the pool is let go."""
        executor = self._executor
        if executor is None:
            return
        self.kill_workers()
        self._executor = None
        executor.shutdown(wait=False, cancel_futures=True)


def _sum_timings(parts: Iterable[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for part in parts:
        for key, value in part.items():
            total[key] = total.get(key, 0.0) + value
    return total


class ResumeMismatch(RuntimeError):
    """The inputs of a resumed run are not the ones the interrupted run committed."""


class BatchInterrupted(RuntimeError):
    """A run stopped by Ctrl-C or SIGTERM after committing what it wrote."""

    def __init__(self, signum: int, summary: BatchSummary, resumable: bool):
        from chronicle.interrupts import signal_name

        super().__init__(f"interrupted by {signal_name(signum)}")
        self.signum = signum
        self.summary = summary
        self.resumable = resumable


def journal_path(output: str | Path | None, parquet: str | Path | None) -> Path | None:
    if output not in (None, "-"):
        return Path(f"{output}.progress")
    if parquet is not None:
        return Path(parquet) / "_progress"
    return None


def run_batch(
    inputs: Iterable[str],
    output: str | Path | None,
    *,
    pipeline=None,
    store=None,
    on_record: Callable[[ArticleRecord], None] | None = None,
    on_progress: Callable[[Coded], None] | None = None,
    workers: int = 1,
    resume: bool = False,
    parquet: str | Path | None = None,
    coder=None,
    settings: dict | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> BatchSummary:
    """Process every input (files, folders, '-') and write records to `output` ('-' or None: stdout).

    workers   1: code in this process (with `pipeline` when given); N > 1: N worker processes
              each building its own Pipeline from `settings`
    coder     any coder object (e.g. chronicle.cluster.DaskCoder); overrides `workers`
    resume    continue an interrupted run of the same inputs and outputs (see the module doc)
    parquet   also write the records as a partitioned Parquet dataset in this folder
    on_record called with each new record (rebuilt from its line: costs time, prefer on_progress)
    Raises OutputBusy when another run writes the same output, ResumeMismatch when a resumed
    run's inputs differ, BatchInterrupted on Ctrl-C or SIGTERM (what was written is committed).
    """
    from chronicle.ingest import iter_inputs

    started = time.perf_counter()
    journal_file = journal_path(output, parquet)
    if resume and journal_file is None:
        raise ValueError("--resume needs --output FILE or --parquet DIR (progress cannot be kept on stdout)")
    summary = BatchSummary()
    journal = ProgressJournal(journal_file) if journal_file is not None else None
    if journal is not None:
        journal.acquire()
    sink = table = None
    own_coder = coder is None
    guard = InterruptGuard(farewell=_resume_hint(journal is not None))
    pending: list[Coded] = []
    try:
        with guard:
            try:
                sink = JsonLinesSink(output)
                table = ParquetSink(parquet) if parquet is not None else None
                if journal is not None:
                    with guard.writing():
                        _open_journal(journal, sink, table, resume, summary)
                if coder is None:
                    coder = (ProcessCoder(workers, settings, chunk_size) if workers > 1
                             else InProcessCoder(pipeline, settings, chunk_size))
                guard.on_force = getattr(coder, "kill_workers", None)
                done = journal.done if journal is not None else {}
                todo = _skip_committed(enumerate(iter_inputs(inputs)), done)
                last_commit = time.monotonic()
                for result in coder.code(todo):
                    with guard.writing():  # one result: its lines, store rows and summary, never half
                        _take(result, sink, table, store, on_record, on_progress, pending, summary)
                    if len(pending) >= COMMIT_EVERY_RECORDS or time.monotonic() - last_commit > COMMIT_EVERY_SECONDS:
                        with guard.writing():
                            _commit(journal, sink, table, pending)
                        last_commit = time.monotonic()
                with guard.writing():
                    _commit(journal, sink, table, pending)
            except RunInterrupted as stop:
                if sink is not None:
                    with guard.writing():  # every line in `pending` is whole: keep them
                        _commit(journal, sink, table, pending)
                if own_coder and hasattr(coder, "kill"):
                    coder.kill()
                summary.seconds = time.perf_counter() - started
                raise BatchInterrupted(stop.signum, summary, journal is not None) from None
    finally:
        if own_coder and coder is not None:
            coder.close()
        if sink is not None:
            sink.close()
        if journal is not None:
            journal.release()
    summary.seconds = time.perf_counter() - started
    return summary


def _resume_hint(resumable: bool) -> str:
    if resumable:
        return "What was written is kept: run the same command with --resume to continue."
    return "Output to stdout cannot be resumed: run again with --output FILE to be able to --resume."


def _take(result: ChunkResult, sink: JsonLinesSink, table: ParquetSink | None, store, on_record, on_progress,
          pending: list[Coded], summary: BatchSummary) -> None:
    """Write one coder result: lines, Parquet rows, store rows, counts (committed later)."""
    summary.workers[result.pid] = max(summary.workers.get(result.pid, 0.0), result.peak_rss_mb)
    summary.worker_cpu[result.pid] = summary.worker_cpu.get(result.pid, 0.0) + result.cpu_seconds
    summary.timings = _sum_timings([summary.timings, result.timings])
    for coded in result.coded:
        sink.write(coded.line)
        if table is not None:
            table.add(coded)
        pending.append(coded)
        summary.coded += 1
        summary.coded_errors += coded.error
        summary.coded_events += coded.events
        summary.articles += 1
        summary.errors += coded.error
        if summary.events is not None:
            summary.events += coded.events
        if (store is not None and not coded.error) or on_record:
            record = record_from_dict(json.loads(coded.line))
            if store is not None and not coded.error:
                store.save(record)  # before the commit: whatever the journal covers is stored
            if on_record:
                on_record(record)
        if on_progress:
            on_progress(coded)


def _open_journal(journal: ProgressJournal, sink: JsonLinesSink, table: ParquetSink | None,
                  resume: bool, summary: BatchSummary) -> None:
    """Fresh run: empty every output. Resume: cut every output back to the last complete commit."""
    if not resume:
        journal.reset()
        sink.truncate(0)
        if table is not None:
            table.drop_after(0)
        return
    journal.load()
    if journal.done and sink.path is not None and sink.size() < journal.offset:
        raise ResumeMismatch(f"{sink.path} is shorter than its progress journal says; start again without --resume")
    if table is not None and not set(range(1, journal.seq + 1)) <= set(table.parts()):
        raise ResumeMismatch(f"{table.directory} lacks Parquet parts of the interrupted run; start again without --resume")
    sink.truncate(journal.offset)
    if table is not None:
        table.drop_after(journal.seq)
    summary.resumed = len(journal.done)
    summary.articles = len(journal.done)
    summary.errors = sum(error for _, error, _ in journal.done.values())
    counts = [events for _, _, events in journal.done.values()]
    summary.events = None if None in counts else sum(counts)


def _skip_committed(numbered: Iterable[tuple[int, Article | ArticleRecord]],
                    done: dict[int, tuple[str, bool, int | None]]) -> Iterator[tuple[int, Article | ArticleRecord]]:
    for position, item in numbered:
        committed = done.get(position)
        if committed is None:
            yield position, item
        elif committed[0] != input_key(item):
            raise ResumeMismatch(
                f"input #{position} is {input_key(item)!r} but the interrupted run coded {committed[0]!r} there: "
                "resume with the same inputs, or start again without --resume"
            )


def _commit(journal: ProgressJournal | None, sink: JsonLinesSink, table: ParquetSink | None, pending: list[Coded]) -> None:
    if not pending:
        return
    if table is not None:
        table.flush((journal.seq if journal else 0) + 1)
    sink.sync()
    if journal is not None:
        journal.commit(pending, sink.offset)
    pending.clear()
