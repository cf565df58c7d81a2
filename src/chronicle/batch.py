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
none is written twice.
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

from chronicle.record import Article, ArticleRecord, content_id, error_record, record_from_dict

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
    articles: int = 0  # records in the output, resumed ones included
    errors: int = 0
    events: int = 0
    resumed: int = 0  # records kept from an interrupted run
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


# Each worker process builds its Pipeline once, in the pool's initializer.
_worker_pipeline = None


def init_worker(settings: dict, parent: int | None = None):
    """Build this worker's Pipeline (returned too, for workers that are not a pool's)."""
    global _worker_pipeline
    if parent is not None:
        _exit_with_parent(parent)
    # One thread of BLAS per process: N workers on N cores, not N x N threads fighting.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
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

            # spawn: a clean interpreter per worker, safe beside threads (progress bar, Dask)
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker, initargs=(self.settings, os.getpid()),
            )
        return self._executor

    def _submit(self, chunk):
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


def _sum_timings(parts: Iterable[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for part in parts:
        for key, value in part.items():
            total[key] = total.get(key, 0.0) + value
    return total


# -- where records go -----------------------------------------------------------


class JsonLinesSink:
    """Appends whole lines with one write each (a killed process leaves at most one partial
    line, past the last commit, which a resumed run truncates away)."""

    def __init__(self, path: str | Path | None):
        self.path = None if path in (None, "-") else Path(path)
        self._fd = None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self.offset = os.lseek(self._fd, 0, os.SEEK_END) if self._fd is not None else 0

    def truncate(self, offset: int) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, offset)
        self.offset = offset

    def size(self) -> int:
        return os.fstat(self._fd).st_size if self._fd is not None else 0

    def write(self, line: str) -> None:
        if self._fd is None:  # stdout: whatever stream sys.stdout is now (a pipe, a test's capture)
            sys.stdout.write(line + "\n")
            return
        data = (line + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self.offset += len(data)

    def sync(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
        else:
            sys.stdout.flush()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
        else:
            sys.stdout.flush()


class ParquetSink:
    """A partitioned Parquet dataset of article records: DIR/part-NNNNNN.parquet, one per commit.

    Scalar fields are columns; places, times, actors and events are JSON
    strings, so every part has the same schema whatever its articles hold.
    Parts are written to a temporary name and renamed: a part exists whole or not at all.
    """

    SCALARS = ("id", "title", "outlet", "url", "language", "published", "published_evidence", "text", "source")
    NESTED = ("places", "times", "actors", "events")

    def __init__(self, directory: str | Path):
        import pyarrow as pa

        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.schema = pa.schema(
            [("position", pa.int64())] + [(name, pa.string()) for name in self.SCALARS]
            + [("n_events", pa.int32()), ("error_code", pa.string()), ("error_message", pa.string())]
            + [(name, pa.string()) for name in self.NESTED]
        )
        self.rows: list[dict] = []

    def parts(self) -> dict[int, Path]:
        out = {}
        for path in self.directory.glob("part-*.parquet"):
            try:
                out[int(path.stem.split("-")[1])] = path
            except (IndexError, ValueError):
                continue
        return out

    def drop_after(self, seq: int) -> None:
        """Delete parts written after commit `seq` (and half-written temporaries)."""
        for number, path in self.parts().items():
            if number > seq:
                path.unlink()
        for tmp in self.directory.glob(".part-*.tmp"):
            tmp.unlink()

    def add(self, coded: Coded) -> None:
        data = json.loads(coded.line)
        error = data.get("error") or {}
        row = {"position": coded.position, "n_events": coded.events,
               "error_code": error.get("code"), "error_message": error.get("message")}
        for name in self.SCALARS:
            row[name] = data.get(name)
        for name in self.NESTED:
            row[name] = json.dumps(data.get(name) or [], ensure_ascii=False)
        self.rows.append(row)

    def flush(self, seq: int) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.rows:
            return
        table = pa.Table.from_pylist(self.rows, schema=self.schema)
        tmp = self.directory / f".part-{seq:06d}.tmp"
        pq.write_table(table, tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.directory / f"part-{seq:06d}.parquet")
        self.rows = []


class ProgressJournal:
    """The sidecar journal of committed articles.

        E <tab> position <tab> key <tab> error(0|1)     one per article
        C <tab> seq <tab> output offset                 closes a commit

    Only entries followed by a complete C line count; anything after the last
    one (a commit cut short by a crash) is truncated away on resume.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.done: dict[int, tuple[str, bool]] = {}  # position -> (key, error)
        self.seq = 0  # last complete commit
        self.offset = 0  # output size at that commit

    def load(self) -> None:
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        block: dict[int, tuple[str, bool]] = {}
        good_end = 0
        pos = 0
        for raw in data.split(b"\n")[:-1]:  # the last piece has no newline: incomplete
            pos += len(raw) + 1
            fields = raw.decode("utf-8", "replace").split("\t")
            try:
                if fields[0] == "E" and len(fields) == 4:
                    block[int(fields[1])] = (fields[2], fields[3] == "1")
                elif fields[0] == "C" and len(fields) == 3:
                    self.seq, self.offset = int(fields[1]), int(fields[2])
                    self.done.update(block)
                    block = {}
                    good_end = pos
            except ValueError:
                break
        if good_end < len(data):
            with open(self.path, "r+b") as fh:
                fh.truncate(good_end)
                os.fsync(fh.fileno())

    def reset(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "wb") as fh:
            os.fsync(fh.fileno())
        self.done, self.seq, self.offset = {}, 0, 0

    def commit(self, entries: list[Coded], offset: int) -> None:
        self.seq += 1
        lines = [f"E\t{c.position}\t{c.key}\t{int(c.error)}\n" for c in entries]
        lines.append(f"C\t{self.seq}\t{offset}\n")
        with open(self.path, "ab") as fh:
            fh.write("".join(lines).encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        for c in entries:
            self.done[c.position] = (c.key, c.error)
        self.offset = offset


class ResumeMismatch(RuntimeError):
    """The inputs of a resumed run are not the ones the interrupted run committed."""


# -- the run ------------------------------------------------------------------------


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
    """
    from chronicle.ingest import iter_inputs

    started = time.perf_counter()
    journal_file = journal_path(output, parquet)
    if resume and journal_file is None:
        raise ValueError("--resume needs --output FILE or --parquet DIR (progress cannot be kept on stdout)")
    summary = BatchSummary()
    sink = JsonLinesSink(output)
    table = ParquetSink(parquet) if parquet is not None else None
    journal = ProgressJournal(journal_file) if journal_file is not None else None
    own_coder = coder is None
    try:
        if journal is not None:
            _open_journal(journal, sink, table, resume, summary)
        if coder is None:
            coder = (ProcessCoder(workers, settings, chunk_size) if workers > 1
                     else InProcessCoder(pipeline, settings, chunk_size))
        done = journal.done if journal is not None else {}
        todo = _skip_committed(enumerate(iter_inputs(inputs)), done)
        pending: list[Coded] = []
        last_commit = time.monotonic()
        for result in coder.code(todo):
            summary.workers[result.pid] = max(summary.workers.get(result.pid, 0.0), result.peak_rss_mb)
            summary.worker_cpu[result.pid] = summary.worker_cpu.get(result.pid, 0.0) + result.cpu_seconds
            summary.timings = _sum_timings([summary.timings, result.timings])
            for coded in result.coded:
                sink.write(coded.line)
                if table is not None:
                    table.add(coded)
                pending.append(coded)
                summary.articles += 1
                summary.errors += coded.error
                summary.events += coded.events
                if (store is not None and not coded.error) or on_record:
                    record = record_from_dict(json.loads(coded.line))
                    if store is not None and not coded.error:
                        store.save(record)
                    if on_record:
                        on_record(record)
                if on_progress:
                    on_progress(coded)
            if len(pending) >= COMMIT_EVERY_RECORDS or time.monotonic() - last_commit > COMMIT_EVERY_SECONDS:
                _commit(journal, sink, table, pending)
                pending, last_commit = [], time.monotonic()
        _commit(journal, sink, table, pending)
    finally:
        if own_coder and coder is not None:
            coder.close()
        sink.close()
    summary.seconds = time.perf_counter() - started
    return summary


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
    summary.errors = sum(error for _, error in journal.done.values())


def _skip_committed(numbered: Iterable[tuple[int, Article | ArticleRecord]],
                    done: dict[int, tuple[str, bool]]) -> Iterator[tuple[int, Article | ArticleRecord]]:
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
