"""evaluate_gsr on a small gold file the test writes (same format as the OEDA gold standard)."""

import json

from events_fixtures import pipeline  # noqa: F401 - session fixture

from chronicle.events.calibrate import calibration_table
from chronicle.events.evaluate import evaluate_gsr


def test_evaluate_gsr_scores_types_and_countries(tmp_path, pipeline):
    gold = [
        {"id": "DOC", "event": "DOCUMENT", "eventText": "documentation"},
        {"id": "a", "event": "FIGHT", "date": "2001-02-03", "text": "Rebels shelled the army barracks in the north overnight.",
         "source": [{"code": "REB"}], "target": [{"code": "MIL"}]},
        {"id": "b", "event": "DEMAND", "date": "2001-02-03", "text": "The union demanded higher wages from the government.",
         "source": [{"code": "LAB"}]},
        {"id": "c", "event": "AGREE", "date": "2001-02-03", "text": "The football club signed a new striker on Monday."},
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold))
    scores = evaluate_gsr(path, pipeline)
    assert scores["sentences"] == 3  # DOCUMENT skipped
    assert scores["per_type"]["ASSAULT"]["recall"] == 1.0
    assert scores["per_type"]["REQUEST"]["recall"] == 1.0
    assert scores["per_type"]["AGREE"]["recall"] == 0.0  # a sports signing is no political event
    assert 0.0 < scores["type_macro_f1"] < 1.0
    assert sum(row["count"] for row in scores["calibration"]) == 2


def test_calibration_table_bins():
    table = calibration_table([0.05, 0.85, 0.82, 0.88], [False, True, True, False])
    assert table[0] == {"bin": "0.0-0.1", "count": 1, "mean_confidence": 0.05, "share_correct": 0.0}
    assert table[-1]["count"] == 3 and table[-1]["share_correct"] == 0.667


def test_shipped_model_carries_no_run_specific_attributes():
    """`chronicle train` must give a byte-identical bundle: no memory address or hash-ordered set in it."""
    from chronicle.events import load_model_bundle

    bundle = load_model_bundle()
    assert bundle is not None
    vectorizer = bundle["vectorizer"]
    assert not hasattr(vectorizer, "_stop_words_id")
    assert not hasattr(vectorizer, "stop_words_")
    assert bundle["meta"]["seed"] == 13
