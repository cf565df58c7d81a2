"""Where a batch's records go, and the journal that makes a run resumable.

    JsonLinesSink    OUT.jsonl, whole lines appended
    ParquetSink      DIR/part-NNNNNN.parquet, one part per commit
    ProgressJournal  OUT.jsonl.progress (or DIR/_progress): the articles whose lines are on disk

A run owns its output: the JSON lines file and the journal are locked (an
exclusive flock, which the system drops when the process ends, kill -9 included)
for as long as the run writes them. A second run on the same output, resumed or
not, is refused with OutputBusy instead of writing every article a second time.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chronicle.batch import Coded


class OutputBusy(RuntimeError):
    """Another run is writing this output (or its journal) now."""


def lock_exclusively(fd: int, path: Path) -> None:
    """Hold `path` (open as `fd`) for this run, or refuse at once when another run holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputBusy(f"{path} is being written by another chronicle run; wait for it to end "
                         "(or stop it), then run again (with --resume to continue its work)") from None


class JsonLinesSink:
    """Appends whole lines with one write each (a killed process leaves at most one partial
    line, past the last commit, which a resumed run truncates away)."""

    def __init__(self, path: str | Path | None):
        self.path = None if path in (None, "-") else Path(path)
        self._fd = None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            try:
                lock_exclusively(self._fd, self.path)  # before anything is truncated or written
            except OutputBusy:
                os.close(self._fd)
                raise
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
            os.close(self._fd)  # releases the lock
            self._fd = None
        else:
            sys.stdout.flush()


class ParquetSink:
    """A partitioned Parquet dataset of article records: DIR/part-NNNNNN.parquet, one per commit.

    Scalar fields are columns; places, times, actors and events are JSON
    strings, so every part has the same schema whatever its articles hold.
    Parts are written to a temporary name and renamed: a part exists whole or not at all.
    """

    SCALARS = ("id", "title", "outlet", "url", "language", "published", "published_evidence", "text", "source")
    NESTED = ("places", "times", "actors", "events", "notes")

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

        E <tab> position <tab> key <tab> error(0|1) <tab> events     one per article
        C <tab> seq <tab> output offset                              closes a commit

    Only entries followed by a complete C line count; anything after the last
    one (a commit cut short by a crash) is truncated away on resume. (Journals
    written before the events count was kept have four fields; their events are
    unknown, None.) `acquire` locks the journal for this run (see OutputBusy).
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.done: dict[int, tuple[str, bool, int | None]] = {}  # position -> (key, error, events)
        self.seq = 0  # last complete commit
        self.offset = 0  # output size at that commit
        self._lock_fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            lock_exclusively(fd, self.path)
        except OutputBusy:
            os.close(fd)
            raise
        self._lock_fd = fd

    def release(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def load(self) -> None:
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        block: dict[int, tuple[str, bool, int | None]] = {}
        good_end = 0
        pos = 0
        for raw in data.split(b"\n")[:-1]:  # the last piece has no newline: incomplete
            pos += len(raw) + 1
            fields = raw.decode("utf-8", "replace").split("\t")
            try:
                if fields[0] == "E" and len(fields) in (4, 5):
                    events = int(fields[4]) if len(fields) == 5 else None
                    block[int(fields[1])] = (fields[2], fields[3] == "1", events)
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
        lines = [f"E\t{c.position}\t{c.key}\t{int(c.error)}\t{c.events}\n" for c in entries]
        lines.append(f"C\t{self.seq}\t{offset}\n")
        with open(self.path, "ab") as fh:
            fh.write("".join(lines).encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        for c in entries:
            self.done[c.position] = (c.key, c.error, c.events)
        self.offset = offset
