"""A small cache for the aggregate reads (timeline counts, facets, network).

Those scan many rows and are asked for again and again with the same
filters; their answers are kept for `ttl` seconds, and dropped at once when
this process stores an article (the store's `generation` moves). Writes by
other processes show after at most `ttl` seconds.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable


class AggregateCache:
    def __init__(self, ttl: float = 30.0, size: int = 256):
        self.ttl = ttl
        self.size = size
        self._data: OrderedDict[Any, tuple[float, int, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any, generation: int, compute: Callable[[], Any]) -> Any:
        now = time.monotonic()
        with self._lock:
            hit = self._data.get(key)
            if hit and hit[0] > now and hit[1] == generation:
                self._data.move_to_end(key)
                return hit[2]
        value = compute()  # outside the lock: a slow query does not hold up other keys
        with self._lock:
            self._data[key] = (now + self.ttl, generation, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value
