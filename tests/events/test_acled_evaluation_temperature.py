"""The CASE evaluation reads the learned model's probabilities as the shipped model gives them:
at the temperature `chronicle train` fits on the out-of-fold scores of the snippets (decide()'s
thresholds are shares of those probabilities). Snippets written for this test."""

import json

import numpy as np

from chronicle.events import acled_evaluate, acled_model

SNIPPETS = {
    "ARMED_CLASH": ["Troops and rebels exchanged fire near the river crossing for two hours on Monday.",
                    "Heavy fighting between the army and the militia broke out on the edge of the town.",
                    "Soldiers and insurgents fought a gun battle at a checkpoint on the northern road.",
                    "Rival armed groups clashed in the market district, leaving several fighters dead.",
                    "Government forces battled separatist fighters in the hills for a second day."],
    "PEACE_PROTEST": ["Hundreds of teachers marched to the ministry to demand higher pay.",
                      "Residents held a peaceful rally outside the town hall over water shortages.",
                      "Students staged a sit-in on the campus against the new fees.",
                      "Thousands of workers demonstrated in the capital against the pension reform.",
                      "Farmers gathered in the main square with banners calling for lower fuel prices."],
    "ARREST": ["Police arrested the opposition leader at his home before dawn.",
               "Security forces detained twelve people suspected of links to the armed group.",
               "The former governor was taken into custody on Tuesday, officials said.",
               "Officers arrested three journalists who had covered the strike.",
               "Counter-terrorism police detained a man accused of planning an attack."],
}


def _write_case(tmp_path):
    path = tmp_path / "case.jsonl"
    rows = [{"id": f"w{k}-{n}", "text": t, "label": label}
            for k, (label, texts) in enumerate(SNIPPETS.items()) for n, t in enumerate(texts)]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def test_evaluation_reads_probabilities_at_the_temperature_train_fits(tmp_path, monkeypatch):
    case_path = _write_case(tmp_path)
    texts, labels, _ = acled_model.load_case(case_path)
    monkeypatch.setattr(acled_evaluate, "rule_view", lambda path, pipeline: [{} for _ in texts])
    fitted = {}

    def fixed_temperature(scores, gold, t=0.25):
        fitted["scores"], fitted["gold"] = scores, gold
        return t

    monkeypatch.setattr(acled_model, "fit_temperature", fixed_temperature)
    _, classes, sharp = acled_evaluate.oof_case_probs(case_path, None, tmp_path / "cache")
    # the temperature is fitted on the scores train fits it on: the snippets' own out-of-fold scores
    extra = acled_evaluate.training_sources(case_path.parent)
    case_vectors = acled_model.embed(texts, tmp_path / "cache")
    extra_vectors = acled_model.embed(extra[0], tmp_path / "cache") if case_vectors is not None else None
    train_scores, train_classes = acled_evaluate.oof_model_scores(texts, labels, extra, case_vectors, extra_vectors)
    assert train_classes == classes
    np.testing.assert_allclose(fitted["scores"], train_scores, rtol=1e-5, atol=1e-5)
    assert [classes[k] for k in fitted["gold"]] == labels
    # ... and the probabilities the combination reads are those scores' softmax at that temperature:
    # the same ranking as at temperature 1, sharper
    monkeypatch.setattr(acled_model, "fit_temperature", lambda scores, gold: 1.0)
    _, _, plain = acled_evaluate.oof_case_probs(case_path, None, tmp_path / "cache")
    assert (sharp.argmax(axis=1) == plain.argmax(axis=1)).all()
    assert (sharp.max(axis=1) > plain.max(axis=1)).all()
    np.testing.assert_allclose(sharp.sum(axis=1), 1.0)
