"""date_event on a run-on "sentence" (a scraped page without full stops): the
work per trigger stays bounded, and each clause still takes its own date."""

import pytest

from chronicle.record import Article
from chronicle.stage import TRIGGER_WINDOW_CHARS, Annotations
from chronicle.times import TimeStage
from chronicle.events import dating

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@pytest.fixture(scope="module")
def stage():
    return TimeStage()


def _run_on(clauses: int) -> str:
    parts = [f"police arrested {n + 2} protesters in the capital on {DAYS[n % 5]}" for n in range(clauses)]
    return ", and ".join(parts) + "."


def _date_every_arrest(nlp, stage, text, monkeypatch):
    doc = nlp(text)
    ann = Annotations(article=Article(text=text), doc=doc, published="2021-03-13")
    ann.times = stage(ann)
    calls = {"paths": 0}
    real = dating._path_to_trigger

    def counted(*args):
        calls["paths"] += 1
        return real(*args)

    monkeypatch.setattr(dating, "_path_to_trigger", counted)
    results = [(tok, dating.date_event(ann, tok.sent, tok)) for tok in doc if tok.text == "arrested"]
    return results, ann, calls["paths"]


def test_paths_tried_grow_linearly_with_a_run_on_sentence(nlp, stage, monkeypatch):
    small, _, small_paths = _date_every_arrest(nlp, stage, _run_on(30), monkeypatch)
    large, _, large_paths = _date_every_arrest(nlp, stage, _run_on(120), monkeypatch)
    assert len(large) == 4 * len(small) == 120
    # every trigger testing every date would be 16 times the work for 4 times the text
    assert large_paths < 6 * small_paths


def test_each_clause_of_a_run_on_sentence_keeps_a_date_of_its_own_neighbourhood(nlp, stage, monkeypatch):
    results, ann, _ = _date_every_arrest(nlp, stage, _run_on(60), monkeypatch)
    dated = [(tok, d) for tok, d in results if d.time_index is not None]
    assert len(dated) >= 50
    for tok, d in dated:
        named = ann.times[d.time_index]
        assert abs(named.start - tok.idx) < TRIGGER_WINDOW_CHARS
        assert named.text in DAYS
