"""A small cache for the aggregate reads (timeline counts, facets, network, map points).

Those scan many rows and are asked for again and again with the same
filters; their answers are kept for `ttl` seconds, and dropped at once when
this process stores an article (the store's `generation` moves). Writes by
other processes show after at most `ttl` seconds.

The cache is bounded twice: by entries (`size`) and by bytes (`max_bytes`, for
values that are encoded answers). A map answer can be megabytes, and every
pan of the map is a new bounding box, so a count of entries alone would let
a long-running server hold hundreds of megabytes of stale answers. An answer
larger than a quarter of the budget is served but not kept; expired entries
are dropped when the cache is full, before live ones.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable

DEFAULT_MAX_BYTES = 32 * 1024 * 1024


def _size(value: Any) -> int:
    # answers are cached encoded (bytes); anything else counts as small
    return len(value) if isinstance(value, (bytes, bytearray, str)) else 0


class AggregateCache:
    def __init__(self, ttl: float = 30.0, size: int = 256, max_bytes: int = DEFAULT_MAX_BYTES):
        self.ttl = ttl
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self._data: OrderedDict[Any, tuple[float, int, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: Any, generation: int, compute: Callable[[], Any]) -> Any:
        now = time.monotonic()
        with self._lock:
            hit = self._data.get(key)
            if hit and hit[0] > now and hit[1] == generation:
                self._data.move_to_end(key)
                return hit[2]
        value = compute()  # outside the lock: a slow query does not hold up other keys
        size = _size(value)
        with self._lock:
            self._drop(key)
            if self.ttl <= 0 or size > self.max_bytes // 4:
                return value
            self._data[key] = (now + self.ttl, generation, value)
            self.bytes += size
            if len(self._data) > self.size or self.bytes > self.max_bytes:
                for stale in [k for k, (until, _, _) in self._data.items() if until <= now]:
                    self._drop(stale)
            while len(self._data) > self.size or self.bytes > self.max_bytes:
                self._drop(next(iter(self._data)))  # least recently used first
        return value

    def _drop(self, key: Any) -> None:
        old = self._data.pop(key, None)
        if old is not None:
            self.bytes -= _size(old[2])
