"""Keeps a long-running server's resident memory from creeping, and measures it.

Python frees what a request used, but glibc's allocator keeps freed memory for
reuse, and gives each thread that allocates its own arena (up to eight per
core): a server whose worker threads come and go spreads the same live data
over more and more half-empty arenas, so resident memory creeps up while the
memory in use stays flat (the soak run of docs/reliability.md). Two remedies,
both no-ops off glibc:

- few arenas (mallopt M_ARENA_MAX), set before the server starts its threads;
- handing freed memory back to the system (malloc_trim) every few writes, the
  requests that allocate the most (a record to store, and with inline
  extraction a pipeline run; under `chronicle serve` parsing happens in the
  extraction worker, chronicle.web.extraction).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from functools import lru_cache

# mallopt's parameter number for the arena limit (glibc malloc.h)
_M_ARENA_MAX = -8
DEFAULT_ARENAS = 2
TRIM_EVERY_WRITES = 16

_lock = threading.Lock()
_writes = [0]


@lru_cache(maxsize=1)
def _libc():
    """glibc, loaded once; None elsewhere."""
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        libc = ctypes.CDLL(name)
    except OSError:
        return None
    # both exist only in glibc
    if not (hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim")):
        return None
    return libc


def limit_arenas(arenas: int | None = None) -> bool:
    """Cap glibc's malloc arenas ($CHRONICLE_MALLOC_ARENAS, default 2; 0 leaves glibc's
    default). True when the cap was set."""
    if arenas is None:
        arenas = int(os.environ.get("CHRONICLE_MALLOC_ARENAS", DEFAULT_ARENAS))
    if arenas <= 0:
        return False
    libc = _libc()
    return bool(libc is not None and libc.mallopt(_M_ARENA_MAX, arenas) == 1)


def trim() -> bool:
    """Return freed heap memory to the system now. True when some was returned."""
    libc = _libc()
    return bool(libc is not None and libc.malloc_trim(0) == 1)


def resident_mb(pid: int) -> float | None:
    """Resident memory (RSS) of a process in MB, from /proc; None where there is none
    (not Linux, or the process is gone)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def after_write() -> None:
    """Count a write; every TRIM_EVERY_WRITES-th hands freed memory back."""
    with _lock:
        _writes[0] += 1
        due = _writes[0] % TRIM_EVERY_WRITES == 0
    if due:
        trim()
