"""The article-level measure (chronicle.events.evaluate_articles): hand-written cases, the CLI,
and agreement with the reference scorer in ../shared/eval on the shared development articles."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.events.evaluate_articles import (
    ArticleGoldError,
    evaluate_articles,
    passage_spans,
    score_articles,
    summarise,
)

TEXT = ("Police arrested ten protesters in Lahore on Sunday. The arrests angered lawyers across the city. "
        "In 2007, a bomb killed 20 people in Karachi. The home side won the match on penalties.")

GOLD = {
    "id": "a1", "published": "2009-03-16", "political": True,
    "events": [
        {"id": "E1", "kind": "news", "type": "COERCE", "acled_sub_event_type": "Arrests",
         "mentions": ["Police arrested ten protesters in Lahore on Sunday.", "The arrests angered lawyers across the city."],
         "actor": {"country": "PAK"}, "recipient": {"country": "PAK"}, "location": {"country": "PK"},
         "date": "2009-03-15", "fatalities": None},
        {"id": "E2", "kind": "background", "type": "ASSAULT", "acled_sub_event_type": "Remote explosive/landmine/IED",
         "mentions": ["In 2007, a bomb killed 20 people in Karachi."], "actor": None, "recipient": None,
         "location": {"country": "PK"}, "date": "2007", "fatalities": 20},
    ],
}


def _event(word, type_, *, nth=0, **fields):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    sentence_start = TEXT.rfind(". ", 0, start)
    sentence_start = 0 if sentence_start < 0 else sentence_start + 2
    return {"type": type_, "trigger": {"text": word, "start": start, "end": start + len(word)},
            "sentence": {"start": sentence_start, "end": TEXT.index(".", start) + 1}, **fields}


def _record(events, text=TEXT):
    return {"id": "a1", "text": text,
            "actors": [{"name": "police", "country": "PAK"}, {"name": "protesters", "country": "PAK"}],
            "places": [{"name": "Lahore", "country_code": "PK"}, {"name": "Karachi", "country_code": "PK"}],
            "events": events}


def test_one_record_per_event_duplicates_and_false_events_are_counted():
    events = [
        _event("arrested", "COERCE", actor=[{"actor": 0}], recipient=[{"actor": 1}], location=0, date="2009-03-15",
               acled_sub_event_type="Arrests"),
        _event("arrests", "COERCE", date="2009-03-16"),  # a re-mention: a duplicate
        _event("bomb", "ASSAULT", location=1, date="2007", historical=True),
        _event("won", "AGREE"),  # sport: a false event
        _event("killed", "ASSAULT", negated=True),  # left out: users filter negated events
    ]
    scores = score_articles([GOLD], {"a1": TEXT}, {"a1": _record(events)})
    c = scores.counts
    assert (c["emitted"], c["emitted_all"], c["new"], c["dup"], c["fp"]) == (4, 5, 2, 1, 1)
    s = summarise(c)
    assert s["precision"] == 0.5 and s["duplicate_share"] == 0.25 and s["false_event_share"] == 0.25
    assert s["event_f1"] == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert s["recall_news"] == s["recall_background"] == s["historical_acc"] == 1.0
    assert s["actor_country_acc"] == s["recipient_country_acc"] == s["location_country_acc"] == 1.0
    assert s["date_acc"] == 1.0 and s["usable_news_recall"] == 1.0 and s["acled_acc"] == 0.5
    assert [e["trigger"] for e in scores.false_events] == ["won"]
    assert [e["trigger"] for e in scores.duplicates] == ["arrests"]


def test_a_prediction_of_the_right_type_takes_the_event_before_an_earlier_wrong_one():
    events = [_event("arrested", "PROTEST"), _event("arrests", "COERCE", date="2009-03")]
    scores = score_articles([GOLD], {"a1": TEXT}, {"a1": _record(events)})
    c = scores.counts
    assert (c["new"], c["dup"], c["type_ok"]) == (1, 1, 1)
    # the event's record is the COERCE one, dated only to the month: less precise than the gold day
    assert c["date_n"] == 1 and c["date_ok"] == 0
    assert [m["type"] for m in scores.missed] == ["ASSAULT"]


def test_background_flag_and_control_articles():
    control = {"id": "c1", "political": False, "events": []}
    texts = {"a1": TEXT, "c1": "Shares rose on Monday after the merger was agreed."}
    stamped = _event("bomb", "ASSAULT", date="2009-03-16")  # background stamped as news, with the publication date
    records = {"a1": _record([stamped]),
               "c1": {"id": "c1", "text": texts["c1"], "events": [{"type": "AGREE", "trigger": {"start": 30}}]}}
    s = summarise(score_articles([GOLD, control], texts, records).counts)
    assert s["historical_acc"] == 0.0 and s["date_acc"] == 0.0
    assert s["events_per_control_article"] == 1.0


def test_a_record_with_a_cleaned_text_is_placed_by_its_sentence():
    shifted = "BREAKING NEWS\n\n" + TEXT
    event = _event("bomb", "ASSAULT", historical=True)
    for part in ("trigger", "sentence"):
        event[part] = {**event[part], "start": event[part]["start"] + 15, "end": event[part]["end"] + 15}
    c = score_articles([GOLD], {"a1": TEXT}, {"a1": _record([event], text=shifted)}).counts
    assert c["new"] == 1 and c["unanchored"] == 0


def test_passages_copied_across_a_line_break_are_found():
    assert passage_spans("They marched\n  to the square.", "marched to the square") == [(5, 28)]
    assert passage_spans("abc", "zzz") == []


def _write(tmp_path, name, rows):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_cli_scores_hand_coded_articles(tmp_path):
    gold = _write(tmp_path, "gold.jsonl", [GOLD])
    inputs = _write(tmp_path, "in.jsonl", [{"id": "a1", "text": TEXT, "published": "2009-03-16"}])
    preds = _write(tmp_path, "pred.jsonl", [_record([_event("bomb", "ASSAULT", historical=True, date="2007")])])
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["eval", "--articles", str(gold), str(inputs), "--predictions", str(preds),
                                      "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "event_f1" in result.output
    scores = json.loads(out.read_text())["events (articles)"]
    assert scores["precision"] == 1.0 and scores["recall_news"] == 0.0 and scores["recall_background"] == 1.0


def test_cli_gives_one_line_errors_for_bad_files(tmp_path):
    inputs = _write(tmp_path, "in.jsonl", [{"id": "a1", "text": TEXT}])
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "a1", "events": [\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--articles", str(bad), str(inputs), "--predictions", str(inputs)])
    assert result.exit_code == 2 and "not a JSON line" in result.output and "Traceback" not in result.output
    untyped = _write(tmp_path, "untyped.jsonl", [{"id": "a1", "events": [{"mentions": ["x"]}]}])
    with pytest.raises(ArticleGoldError, match="needs a type"):
        evaluate_articles(untyped, inputs, predictions_path=inputs)
    other = _write(tmp_path, "other.jsonl", [{"id": "zz", "events": []}])
    with pytest.raises(ArticleGoldError, match="not in the input"):
        evaluate_articles(other, inputs, predictions_path=inputs)


# --- agreement with the reference scorer on the shared development articles -------------------

def _shared() -> Path:
    root = os.environ.get("CHRONICLE_SHARED")
    return Path(root) if root else Path(__file__).resolve().parents[2].parent / "shared"


SHARED = _shared()
GOLD_DEV = SHARED / "data" / "articles_dev.gold.jsonl"
INPUT_DEV = SHARED / "data" / "articles_dev.input.jsonl"
SCORER = SHARED / "eval" / "score_articles.py"


def _synthetic_predictions(gold_rows, texts):
    """A prediction file that walks every branch of the measure: right and wrong types, re-mentions,
    false events, negated and hypothetical ones, cleaned texts, int and dict locations."""
    records = []
    types = ["ASSAULT", "PROTEST", "REQUEST", "COERCE", "ACCUSE"]
    for a, gold in enumerate(gold_rows):
        text = texts[gold["id"]]
        shift = 7 if a % 4 == 1 else 0  # every fourth record's text was "cleaned": offsets move
        actors = [{"name": "x", "country": c} for c in ("PAK", "USA", "IRQ", None)]
        places = [{"name": "y", "country_code": c} for c in ("PK", "US", "IQ")]
        events = [{"type": "AGREE", "trigger": {"start": 0}, "sentence": {"start": 0, "end": min(40, len(text))}}]
        for k, ge in enumerate(gold.get("events") or []):
            for j, quote in enumerate(ge.get("mentions") or []):
                spans = passage_spans(text, quote)
                if not spans:
                    continue
                s, e = spans[0]
                turn = a + k + j
                events.append({
                    "type": ge["type"] if turn % 3 else types[turn % len(types)],
                    "acled_sub_event_type": ge.get("acled_sub_event_type") if turn % 2 else None,
                    "trigger": {"start": s + shift + (turn * 5) % max(e - s, 1)},
                    "sentence": {"start": s + shift, "end": e + shift},
                    "actor": [{"actor": turn % 4}], "recipient": [{"actor": (turn + 1) % 4}],
                    "location": turn % 3 if turn % 2 else {"country_code": "PK"},
                    "date": (ge.get("date") or gold.get("published") or "2009")[: 4 + 3 * (turn % 3)],
                    "historical": turn % 4 == 0, "negated": turn % 11 == 5, "hypothetical": turn % 13 == 7,
                })
        records.append({"id": gold["id"], "text": (" " * shift) + text if shift else text,
                        "actors": actors, "places": places, "events": events})
    return records


@pytest.mark.skipif(not (GOLD_DEV.exists() and SCORER.exists()), reason="../shared is not beside the checkout")
def test_figures_agree_with_the_reference_scorer(tmp_path):
    gold_rows = [json.loads(line) for line in GOLD_DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {json.loads(line)["id"]: json.loads(line)["text"]
             for line in INPUT_DEV.read_text(encoding="utf-8").splitlines() if line.strip()}
    preds = _write(tmp_path, "pred.jsonl", _synthetic_predictions(gold_rows, texts))
    run = subprocess.run([sys.executable, str(SCORER), str(GOLD_DEV), str(INPUT_DEV), str(preds), "--json"],
                         capture_output=True, text=True, check=True)
    reference = json.loads(next(line for line in run.stdout.splitlines() if line.startswith("{")))
    ours = evaluate_articles(GOLD_DEV, INPUT_DEV, predictions_path=preds)
    counts = {k: v for k, v in ours["counts"].items() if v}
    assert counts == {k: v for k, v in reference["counts"].items() if v}
    for name, value in reference["metrics"].items():
        assert ours[name] == pytest.approx(value, abs=5e-5), name
    # the file exercised what it was built to: duplicates, false events and misses all occur
    assert reference["counts"]["dup"] and reference["counts"]["fp"] and ours["missed"]
