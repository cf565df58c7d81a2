"""A user's mistake on the command line ends in one line on stderr and a non-zero exit
status, never a traceback; --debug (anywhere on the line) shows the traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def chronicle(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    env.pop("CHRONICLE_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "chronicle.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "╭" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.fixture()
def place(tmp_path):
    (tmp_path / "a-file").write_text("not a folder\n")
    (tmp_path / "notes.jsonl").write_text("these are notes, not records\n")
    (tmp_path / "article.txt").write_text("Police dispersed protesters in Basra on Friday, officials said.\n")
    return tmp_path


@pytest.mark.parametrize("args, expected", [
    (["show", "missing.jsonl"], "chronicle: missing.jsonl: No such file or directory"),
    (["show", "notes.jsonl"], "chronicle: notes.jsonl:1: not a JSON record"),
    (["places", "@missing.txt"], "chronicle: missing.txt: No such file or directory"),
    (["extract", "article.txt", "--output", "a-file/out.jsonl", "--no-store"], "chronicle: a-file"),
    (["extract", "article.txt", "--output", "out.jsonl", "--db", "a-file/chronicle.db"],
     "chronicle: cannot create the folder of the store a-file/chronicle.db"),
    (["export", "csv", "--db", "no-such-folder/chronicle.db"], "no store at no-such-folder/chronicle.db"),
    (["extract", "article.txt", "--no-such-option"], "chronicle extract: No such option: --no-such-option"),
    (["frobnicate"], "chronicle: No such command 'frobnicate'"),
    (["export", "csv", "--min-confidence", "7"], "chronicle export: Invalid value for '--min-confidence'"),
    (["extract", "article.txt", "--resume"], "--resume needs --output FILE or --parquet DIR"),
], ids=["show-missing", "show-not-jsonl", "places-missing", "output-unwritable", "store-unmakeable",
        "export-no-store", "unknown-option", "unknown-command", "bad-value", "resume-to-stdout"])
def test_a_mistake_is_one_line_and_a_non_zero_exit(place, args, expected):
    proc = chronicle(*args, cwd=place)
    assert one_line_error(proc).startswith(expected)
    assert proc.returncode == 2


def test_debug_anywhere_on_the_line_shows_the_traceback(place):
    for args in (["--debug", "show", "missing.jsonl"], ["show", "missing.jsonl", "--debug"]):
        proc = chronicle(*args, cwd=place)
        assert proc.returncode != 0
        assert "Traceback" in proc.stderr and "FileNotFoundError" in proc.stderr
