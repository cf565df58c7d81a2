"""Ctrl-C and SIGTERM during a batch: the run ends within seconds, whatever the number of
signals, keeps what it wrote, and says how to resume.

The first signal stops the run in order: what is written is committed, worker
processes are killed (not waited for: a chunk can take many seconds), and the run
returns as interrupted. Any further signal (the user presses Ctrl-C again while that
happens) ends the process at once. Both are safe because the output and its
progress journal are consistent at every instant (see chronicle.batch: a run killed
with kill -9 resumes with nothing lost and nothing twice); the only care taken is
that the first signal never stops the runner half-way through writing one article,
which would leave a line on disk that no journal entry covers.

Worker processes do not see the terminal's Ctrl-C (it goes to the whole process
group): they are started with SIGINT blocked and ignore it, so an interrupt never
kills a worker mid-chunk and sends the parent into a round of retries.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import Callable, Iterator

HANDLED = (signal.SIGINT, signal.SIGTERM)
_NAMES = {signal.SIGINT: "Ctrl-C (SIGINT)", signal.SIGTERM: "SIGTERM"}


def signal_name(signum: int) -> str:
    return _NAMES.get(signum, f"signal {signum}")


class RunInterrupted(BaseException):
    """Raised in the runner's thread by the first SIGINT or SIGTERM of a run. A BaseException,
    as KeyboardInterrupt is: the handlers that turn a failing article or chunk into an error
    record (and retry a chunk) must not catch it."""

    def __init__(self, signum: int):
        super().__init__(signal_name(signum))
        self.signum = signum


class InterruptGuard:
    """Installed for the length of a run (a no-op outside the main thread, where
    signal handlers cannot be set).

    on_force   called by a second signal before the process exits: kill the workers
    farewell   the line written to stderr then (how to resume)
    """

    def __init__(self, on_force: Callable[[], None] | None = None, farewell: str = ""):
        self.on_force = on_force
        self.farewell = farewell
        self.signals = 0
        self._depth = 0  # inside `writing()`: the first signal waits for its end
        self._pending: int | None = None
        self._previous: dict[int, object] = {}

    def __enter__(self) -> "InterruptGuard":
        if threading.current_thread() is threading.main_thread():
            for signum in HANDLED:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        self._previous.clear()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """A stretch (one article's line, store row and journal entry) the first signal must not cut."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if self._depth == 0 and self._pending is not None:
            signum, self._pending = self._pending, None
            raise RunInterrupted(signum)

    def _handle(self, signum: int, frame) -> None:
        self.signals += 1
        if self.signals == 1:
            if self._depth:
                self._pending = signum
                return
            raise RunInterrupted(signum)
        # a second signal: no more waiting for anything
        try:
            if self.on_force is not None:
                self.on_force()
        finally:
            message = f"\n{signal_name(signum)} again: stopped at once. {self.farewell}\n"
            os.write(2, message.encode("utf-8", "replace"))
            os._exit(128 + signum)


@contextmanager
def sigint_blocked_for_children() -> Iterator[None]:
    """Processes started inside inherit a blocked SIGINT (the terminal's Ctrl-C is the
    parent's to handle). A SIGINT arriving meanwhile waits and is delivered on exit."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def ignore_interrupts_in_worker() -> None:
    """A worker process leaves Ctrl-C to its parent, which stops it when it must."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
