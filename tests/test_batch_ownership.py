"""A run owns its output, a resumed run reports the file's totals, and a run stopped by
Ctrl-C or SIGTERM (any number of times, with worker processes) ends within seconds,
says how to resume, and resumes to every article exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronicle.batch import BatchInterrupted, OutputBusy, run_batch
from chronicle.batch_files import ProgressJournal
from chronicle.cli import _summary_line

from batch_support import ROOT, line_ids


def test_a_second_run_on_an_output_in_use_is_refused_and_changes_nothing(corpus, tmp_path, pipeline):
    out = tmp_path / "out.jsonl"
    run_batch([str(corpus)], out, pipeline=pipeline)
    before = out.read_bytes(), Path(f"{out}.progress").read_bytes()
    holder = ProgressJournal(f"{out}.progress")
    holder.acquire()  # what a run that is writing this output holds
    try:
        for resume in (False, True):
            with pytest.raises(OutputBusy, match="another chronicle run"):
                run_batch([str(corpus)], out, pipeline=pipeline, resume=resume)
    finally:
        holder.release()
    assert (out.read_bytes(), Path(f"{out}.progress").read_bytes()) == before
    run_batch([str(corpus)], out, pipeline=pipeline, resume=True)  # released: usable again
    assert line_ids(out) == line_ids(corpus)


def test_two_cli_runs_on_one_output_the_second_is_refused_in_one_line(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    holder = ProgressJournal(f"{out}.progress")
    holder.acquire()
    try:
        proc = subprocess.run([sys.executable, "-m", "chronicle.cli", "extract", str(corpus), "--output", str(out),
                               "--resume", "--no-store"], env=_env(), capture_output=True, text=True, timeout=300)
    finally:
        holder.release()
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"chronicle: {out}.progress is being written by another chronicle run; wait for it to end (or stop it), "
        "then run again (with --resume to continue its work)"]


def test_after_a_resume_the_summary_gives_the_file_totals(corpus, tmp_path, pipeline, monkeypatch):
    monkeypatch.setattr("chronicle.batch.COMMIT_EVERY_RECORDS", 6)
    monkeypatch.setattr("chronicle.batch.COMMIT_EVERY_SECONDS", 1e9)
    out = tmp_path / "out.jsonl"
    whole = run_batch([str(corpus)], out, pipeline=pipeline)
    journal = Path(f"{out}.progress")
    lines = journal.read_text().splitlines(keepends=True)
    first_commit = next(i for i, line in enumerate(lines) if line.startswith("C\t"))
    journal.write_text("".join(lines[: first_commit + 1]))  # as if killed right after the first commit
    summary = run_batch([str(corpus)], out, pipeline=pipeline, resume=True)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.resumed == first_commit == 6 and summary.coded == 40 - first_commit
    assert summary.articles == 40 == len(records)
    assert summary.events == sum(len(r["events"]) for r in records) == whole.events
    assert 0 < summary.coded_events < summary.events
    line = _summary_line(summary, str(out))
    assert f"{summary.coded} articles coded now ({summary.coded_events} events" in line
    assert f"holds 40 articles, {summary.events} events, {whole.errors} errors ({first_commit} kept" in line


def _env(**extra) -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT / "src"), **extra)


def _start(corpus: Path, out: Path, workers: int) -> subprocess.Popen:
    # its own session: a signal to its process group is what a terminal's Ctrl-C is
    return subprocess.Popen([sys.executable, "-m", "chronicle.cli", "extract", str(corpus), "--output", str(out),
                             "--no-store", "--workers", str(workers)], env=_env(CHRONICLE_COMMIT_EVERY="2"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _wait_for_lines(proc: subprocess.Popen, out: Path, n: int) -> None:
    deadline = time.monotonic() + 600
    while (not out.exists() or out.read_bytes().count(b"\n") < n) and proc.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch ended before it could be interrupted"


@pytest.mark.parametrize("signals", [("SIGINT", "SIGINT", "SIGINT"), ("SIGTERM",)], ids=["ctrl-c x3", "sigterm"])
def test_interrupts_with_two_workers_end_the_run_and_it_resumes_to_every_article_once(corpus, tmp_path, pipeline,
                                                                                      signals):
    out = tmp_path / "out.jsonl"
    proc = _start(corpus, out, workers=2)
    try:
        _wait_for_lines(proc, out, 4)
        for name in signals:
            os.killpg(proc.pid, getattr(signal, name))
            time.sleep(0.2)
        _, err = proc.communicate(timeout=60)  # a hang (the old double Ctrl-C) fails here
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    err = err.decode("utf-8", "replace")
    first = getattr(signal, signals[0])
    # exit status 128+N, or killed by the signal itself when a later interrupt lands during the
    # exit (a shell reports both as 128+N); either way the run ended and said how to resume
    assert proc.returncode in (128 + first, -first), err
    assert "--resume" in err and "Traceback" not in err
    kept = out.read_bytes().count(b"\n")
    assert 0 < kept < 40
    summary = run_batch([str(corpus)], out, pipeline=pipeline, resume=True)
    assert summary.resumed <= kept and summary.articles == 40
    assert line_ids(out) == line_ids(corpus)  # every article once, in input order


def test_an_interrupt_in_process_commits_what_was_written(corpus, tmp_path, pipeline):
    out = tmp_path / "out.jsonl"
    seen = []

    def interrupt_after_five(coded):
        seen.append(coded.position)
        if len(seen) == 5:
            os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises(BatchInterrupted) as stopped:
        run_batch([str(corpus)], out, pipeline=pipeline, on_progress=interrupt_after_five)
    assert stopped.value.resumable and stopped.value.summary.articles == len(line_ids(out)) >= 5
    summary = run_batch([str(corpus)], out, pipeline=pipeline, resume=True)
    assert summary.resumed == stopped.value.summary.articles and line_ids(out) == line_ids(corpus)
