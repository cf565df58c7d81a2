"""The same pipeline on a Dask distributed cluster.

    chronicle extract archive/ --cluster tcp://scheduler:8786 --parquet out/records --output out/records.jsonl
    chronicle extract archive/ --cluster local --workers 4 --output out.jsonl

The input stream is cut into partitions of articles; each partition is a
task that a worker codes with a Pipeline built once per worker process (a
worker plugin builds it when the worker starts; `pipeline_for` builds it on
first use where the plugin is not registered). Results come back to the
client, which writes them with the same sinks, progress journal and resume
rules as a local batch (chronicle.batch.run_batch): JSON lines, a partitioned
Parquet dataset, the store. A partition whose task fails is retried by Dask,
then its articles are reported as error records and the batch goes on.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Iterable, Iterator

from chronicle.batch import DEFAULT_CHUNK_SIZE, ChunkResult, chunked, code_chunk, failed_chunk
from chronicle.record import Article, ArticleRecord

# Partitions a scheduler holds at once per worker thread: enough to keep every worker busy
# while results stream back in order, few enough that memory stays flat on any archive.
IN_FLIGHT_PER_THREAD = 3

# One Pipeline per worker process and settings. A threaded worker (processes=False)
# shares it between its threads under a lock: spaCy and the stages are not thread-safe.
_pipelines: dict[tuple, object] = {}
_locks: dict[tuple, threading.Lock] = {}
_cache_lock = threading.Lock()


def _settings_key(settings: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in settings.items()))


def pipeline_for(settings: dict):
    """This process's Pipeline for `settings`, built on first use."""
    key = _settings_key(settings)
    with _cache_lock:
        if key not in _pipelines:
            from chronicle.pipeline import Pipeline

            _pipelines[key] = Pipeline(**settings)
            _locks[key] = threading.Lock()
        return _pipelines[key], _locks[key]


def code_partition(partition: list[tuple[int, Article | ArticleRecord]], settings: dict) -> ChunkResult:
    """The task each worker runs: code one partition of numbered articles."""
    pipeline, lock = pipeline_for(settings)
    with lock:
        return code_chunk(pipeline, partition)


def pipeline_loader(settings: dict):
    """A worker plugin that loads the pipeline when each worker starts, not inside the first task."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class PipelineLoader(WorkerPlugin):
        name = "chronicle-pipeline"

        def __init__(self, settings: dict):
            self.settings = settings

        def setup(self, worker) -> None:
            pipeline_for(self.settings)

    return PipelineLoader(settings)


def connect(scheduler: str, workers: int | None = None, processes: bool = True):
    """A Dask client: `local` starts a LocalCluster of `workers` single-threaded workers."""
    from distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=processes,
                               dashboard_address=None)
        return Client(cluster)
    return Client(scheduler)


class DaskCoder:
    """Codes partitions on a Dask cluster; a coder for chronicle.batch.run_batch.

    ordered=True gives results in input order (held back until earlier
    partitions arrive); ordered=False writes each partition as it completes,
    which keeps a cluster with uneven workers busier.
    """

    def __init__(self, client, settings: dict | None = None, partition_size: int = 4 * DEFAULT_CHUNK_SIZE,
                 retries: int = 2, ordered: bool = True, preload: bool = True):
        self.client = client
        self.settings = dict(settings or {})
        self.partition_size = partition_size
        self.retries = retries
        self.ordered = ordered
        if preload:
            client.register_plugin(pipeline_loader(self.settings))

    def _threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def _result(self, partition, future) -> ChunkResult:
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - retried by Dask already: report, go on
            return failed_chunk(partition, "partition_failed", f"{type(exc).__name__}: {exc}")

    def code(self, numbered: Iterable[tuple[int, Article | ArticleRecord]]) -> Iterator[ChunkResult]:
        from distributed import as_completed

        limit = IN_FLIGHT_PER_THREAD * self._threads()
        if self.ordered:
            pending: deque = deque()
            for partition in chunked(numbered, self.partition_size):
                pending.append((partition, self._submit(partition)))
                while len(pending) >= limit:
                    yield self._result(*pending.popleft())
            while pending:
                yield self._result(*pending.popleft())
            return
        running = as_completed()
        partitions = {}
        source = chunked(numbered, self.partition_size)
        for partition in source:
            future = self._submit(partition)
            partitions[future.key] = partition
            running.add(future)
            if running.count() >= limit:
                break
        for future in running:
            yield self._result(partitions.pop(future.key), future)
            nxt = next(source, None)
            if nxt is not None:
                future = self._submit(nxt)
                partitions[future.key] = nxt
                running.add(future)

    def _submit(self, partition):
        return self.client.submit(code_partition, partition, self.settings, retries=self.retries, pure=False)

    def close(self) -> None:
        pass
