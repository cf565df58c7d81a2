"""The TimeBank development set as JSON lines: read, scored, and reported by `chronicle eval`."""

import json
from types import SimpleNamespace

from chronicle.times.evaluate import evaluate_timebank, read_timex_lines

TEXT = "The strike began on Monday and lasted three days. Talks resume next month."


def _write(tmp_path):
    row = {"id": "doc-1", "published": "2011-05-04", "text": TEXT, "timexes": [
        {"tid": "t1", "text": "Monday", "start": 20, "end": 26, "type": "DATE", "value": "2011-05-02"},
        {"tid": "t2", "text": "three days", "start": 38, "end": 48, "type": "DURATION", "value": "P3D"},
        {"tid": "t3", "text": "next month", "start": 63, "end": 73, "type": "DATE", "value": "2011-06"},
    ]}
    path = tmp_path / "timebank.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return path


def test_json_lines_are_read_with_their_offsets(tmp_path):
    (doc,) = read_timex_lines(_write(tmp_path))
    assert doc.published == "2011-05-04" and doc.name == "doc-1"
    assert [g.text for g in doc.gold] == ["Monday", "three days", "next month"]


def test_the_development_figure_keeps_examples_not_every_error(tmp_path, nlp):
    result = evaluate_timebank(_write(tmp_path), nlp=nlp)
    assert result["gold"] == 3 and result["value_f1"] == 1.0
    assert "errors" not in result and result["missed_examples"] == []


def test_chronicle_eval_runs_the_times_set(tmp_path, nlp):
    from chronicle.evaluate import run_evaluations

    scores = run_evaluations(gsr=None, geovirus=None, only="times", pipeline=SimpleNamespace(nlp=nlp),
                             timebank=_write(tmp_path))
    assert list(scores) == ["times (TimeBank dev)"] and scores["times (TimeBank dev)"]["relaxed_f1"] == 1.0
