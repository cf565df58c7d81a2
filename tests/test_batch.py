"""The batch runner: error records for broken inputs, --strict, worker processes, retries."""

from __future__ import annotations

import json
import os
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest
from typer.testing import CliRunner

from chronicle.batch import ChunkResult, Coded, ProcessCoder, run_batch
from chronicle.cli import app
from chronicle.record import Article

PROTEST = ("Hundreds of nurses protested outside the health ministry in Nairobi on Tuesday, demanding "
           "unpaid salaries. Police used tear gas to break up the crowd, the nurses' union said.")
TALKS = ("The foreign ministers of Chile and Bolivia met in Santiago on Monday to discuss access to the sea. "
         "Both governments said the talks would continue next month.")
ARREST = ("Security forces arrested four journalists in Karachi on Sunday after they reported on the strike, "
          "a press freedom group said.")


def _write_lines(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def mixed_input(tmp_path):
    """Good articles around three broken rows: invalid JSON, no text field, blank text."""
    return _write_lines(tmp_path / "mixed.jsonl", [
        json.dumps({"id": "a1", "text": PROTEST, "published": "2024-03-05"}),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "a2", "title": "no body here"}),
        json.dumps({"id": "a3", "text": "   "}),
        json.dumps({"id": "a4", "text": TALKS, "published": "2024-04-01"}),
    ])


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_broken_inputs_become_error_records_and_the_batch_goes_on(mixed_input, tmp_path, pipeline):
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(mixed_input)], out, pipeline=pipeline)
    records = _records(out)
    assert len(records) == 5 == summary.articles
    assert [r["id"] for r in records if not r.get("error")] == ["a1", "a4"]
    assert records[0]["text"].startswith("Hundreds of nurses") and records[4]["text"].startswith("The foreign ministers")
    broken = records[1:4]
    assert all(r["error"]["code"] and r["error"]["message"] for r in broken)
    assert summary.errors == 3
    # the progress journal names every input position once, in order
    journal = [line.split("\t") for line in (tmp_path / "out.jsonl.progress").read_text().splitlines()]
    assert [int(f[1]) for f in journal if f[0] == "E"] == [0, 1, 2, 3, 4]


def test_strict_exit_code_only_when_asked(mixed_input, tmp_path, pipeline):
    runner = CliRunner()
    lenient = runner.invoke(app, ["extract", str(mixed_input), "--output", str(tmp_path / "a.jsonl"), "--no-store"])
    assert lenient.exit_code == 0, lenient.output
    strict = runner.invoke(app, ["extract", str(mixed_input), "--output", str(tmp_path / "b.jsonl"), "--no-store", "--strict"])
    assert strict.exit_code == 1
    assert len(_records(tmp_path / "b.jsonl")) == 5
    clean = _write_lines(tmp_path / "clean.jsonl", [json.dumps({"id": "c1", "text": ARREST})])
    ok = runner.invoke(app, ["extract", str(clean), "--output", str(tmp_path / "c.jsonl"), "--no-store", "--strict"])
    assert ok.exit_code == 0, ok.output


def test_worker_processes_give_the_same_records_in_input_order(tmp_path, pipeline):
    rows = [{"id": f"w{i}", "text": text, "published": "2024-05-0%d" % (1 + i % 9)}
            for i, text in enumerate([PROTEST, TALKS, ARREST] * 4)]
    src = _write_lines(tmp_path / "in.jsonl", [json.dumps(r) for r in rows])
    run_batch([str(src)], tmp_path / "one.jsonl", pipeline=pipeline)
    summary = run_batch([str(src)], tmp_path / "two.jsonl", workers=2, chunk_size=2)
    one, two = _records(tmp_path / "one.jsonl"), _records(tmp_path / "two.jsonl")
    assert [r["id"] for r in two] == [r["id"] for r in rows]
    assert two == one
    # coded in worker processes (a worker that loads faster may take every chunk of so small a batch)
    assert 1 <= len(summary.workers) <= 2 and os.getpid() not in summary.workers
    assert all(mb > 50 for mb in summary.workers.values())
    assert summary.timings.get("spacy", 0) > 0


class _CrashingPool:
    """Stands in for a process pool whose worker dies on any chunk holding a 'poison' article."""

    def __init__(self, calls):
        self.calls = calls

    def submit(self, fn, chunk):
        self.calls.append([pos for pos, _ in chunk])
        future = Future()
        if any("poison" in item.text for _, item in chunk):
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            coded = [Coded(pos, item.id, json.dumps({"id": item.id}), False, 0) for pos, item in chunk]
            future.set_result(ChunkResult(coded, 1, 10.0, {}))
        return future

    def shutdown(self, **kwargs):
        pass


def test_a_chunk_that_kills_its_worker_is_retried_then_reported(monkeypatch):
    calls: list[list[int]] = []
    coder = ProcessCoder(workers=1, chunk_size=3, retries=1)
    monkeypatch.setattr(coder, "_pool", lambda: _CrashingPool(calls))
    articles = [Article(text="poison pill" if i == 4 else f"article {i}", id=f"x{i}") for i in range(6)]
    results = list(coder.code(enumerate(articles)))
    coded = [c for r in results for c in r.coded]
    assert [c.position for c in coded] == list(range(6))
    assert [c.error for c in coded] == [False] * 4 + [True, False]
    assert json.loads(coded[4].line)["error"]["code"] == "worker_failed"
    # the failing chunk [3, 4, 5] went twice, then one article at a time
    assert calls == [[0, 1, 2], [3, 4, 5], [3, 4, 5], [3], [4], [5]]


def test_table_attribute_rules_set_exactly_what_spacys_attribute_ruler_sets(pipeline):
    """The pipeline's faster stand-in for spaCy's attribute_ruler changes no token attribute."""
    from chronicle.pipeline import TokenAttributeRules

    nlp = pipeline.nlp
    rules = TokenAttributeRules.build(nlp.get_pipe("attribute_ruler"), nlp.vocab.strings)
    assert rules is not None
    texts = [PROTEST, TALKS, ARREST,
             "There were clashes, y'all. The army ain't gonna leave, and let's not pretend it didn't fire.",
             "Gotta say: the talks got nowhere, but they're to resume on Monday whether or not the rebels attend."]

    def attributes(doc):
        return [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]

    expected = [attributes(doc) for doc in nlp.pipe(texts)]
    lemmatizer = nlp.get_pipe("lemmatizer")
    got = [attributes(lemmatizer(rules(doc))) for doc in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer"])]
    assert got == expected
    assert any(pos == "AUX" for doc in got for _, pos, _, _ in doc)  # the rules did set POS
