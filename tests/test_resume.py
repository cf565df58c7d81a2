"""Resumable batches: a run killed at any moment continues with --resume, every article exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronicle.batch import ResumeMismatch, run_batch

from batch_support import ROOT, line_ids
from corpus import write_corpus  # noqa: E402  (the project's own article templates; conftest puts benchmarks/ on the path)


def test_kill_9_mid_run_then_resume_codes_every_article_exactly_once(corpus, tmp_path, pipeline):
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, CHRONICLE_COMMIT_EVERY="3", PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "chronicle.cli", "extract", str(corpus), "--output", str(out), "--no-store"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    try:
        while (not out.exists() or out.read_bytes().count(b"\n") < 7) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the batch ended before it could be killed"
    interrupted = out.read_bytes()
    assert 0 < interrupted.count(b"\n") < 40

    summary = run_batch([str(corpus)], out, pipeline=pipeline, resume=True)
    assert 0 < summary.resumed < 40
    assert summary.articles == 40
    assert line_ids(out) == line_ids(corpus)  # all there, once each, in input order
    resumed = out.read_bytes()
    kept = resumed.split(b"\n")[: summary.resumed]
    assert interrupted.split(b"\n")[: summary.resumed] == kept  # committed lines kept as they were written
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert [json.loads(line)["text"] for line in resumed.decode("utf-8").splitlines()] == texts


def test_resume_drops_a_torn_line_and_an_unfinished_commit(corpus, tmp_path, pipeline):
    out = tmp_path / "out.jsonl"
    run_batch([str(corpus)], out, pipeline=pipeline)
    complete = out.read_bytes()
    # what a crash between writing and committing leaves: extra lines, a torn one, half a journal entry
    with out.open("ab") as fh:
        fh.write(complete.splitlines(keepends=True)[0] + b'{"id": "half a rec')
    with open(f"{out}.progress", "ab") as fh:
        fh.write(b"E\t40\tsomething\t0\nE\t41\tsome")
    summary = run_batch([str(corpus)], out, pipeline=pipeline, resume=True)
    assert summary.resumed == 40 and summary.articles == 40
    assert out.read_bytes() == complete
    assert Path(f"{out}.progress").read_bytes().endswith(b"\n")
    assert b"something" not in Path(f"{out}.progress").read_bytes()


def test_resume_codes_only_the_articles_after_the_last_commit(corpus, tmp_path, pipeline, monkeypatch):
    monkeypatch.setattr("chronicle.batch.COMMIT_EVERY_RECORDS", 6)
    out = tmp_path / "out.jsonl"
    journal = Path(f"{out}.progress")
    run_batch([str(corpus)], out, pipeline=pipeline, parquet=tmp_path / "parquet")
    # cut the run back to its first commit, as if it had died right after it
    lines = journal.read_text().splitlines(keepends=True)
    first_commit = next(i for i, line in enumerate(lines) if line.startswith("C\t"))
    journal.write_text("".join(lines[: first_commit + 1]))
    committed = sum(1 for line in lines[:first_commit] if line.startswith("E\t"))
    seen = []
    summary = run_batch([str(corpus)], out, pipeline=pipeline, resume=True, parquet=tmp_path / "parquet",
                        on_progress=lambda coded: seen.append(coded.position))
    assert 0 < committed < 40
    assert seen == list(range(committed, 40))
    assert summary.resumed == committed and summary.articles == 40
    assert line_ids(out) == line_ids(corpus)
    import pyarrow.dataset as ds

    table = ds.dataset(str(tmp_path / "parquet"), format="parquet").to_table().sort_by("position")
    assert table.column("position").to_pylist() == list(range(40))
    assert table.column("id").to_pylist() == line_ids(corpus)


def test_resume_refuses_different_inputs(tmp_path, pipeline):
    out = tmp_path / "out.jsonl"
    first = write_corpus(tmp_path / "first.jsonl", count=3, seed=7, words=60)
    run_batch([str(first)], out, pipeline=pipeline)
    other = write_corpus(tmp_path / "other.jsonl", count=5, seed=99, words=60)
    with pytest.raises(ResumeMismatch):
        run_batch([str(other)], out, pipeline=pipeline, resume=True)
