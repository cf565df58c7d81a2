"""The ACLED codebook data, the learned ACLED model, its decision rule and its CASE scoring,
on examples this test writes (the CASE snippets themselves are read from ../shared only)."""

import json
from pathlib import Path

import numpy as np
import pytest

from chronicle.events import acled_model
from chronicle.events.acled_codebook import load_codebook
from chronicle.events.acled_evaluate import score
from chronicle.events.sentence_embed import WordPiece, basic_tokens

CASE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "case2021_dev.jsonl"


def test_codebook_has_every_acled_sub_event_type_once_with_its_event_type():
    cb = load_codebook()
    names = [s.name for s in cb.sub_event_types]
    assert len(names) == len(set(names)) == 25
    assert {s.event_type for s in cb.sub_event_types} == set(cb.event_types) and len(cb.event_types) == 6
    assert cb.acled_of("CHEM_WEAP") == ("Explosions/Remote violence", "Chemical weapon")
    assert cb.acled_of("NATURAL_DISASTER") == (None, None)  # ACLED does not code it
    assert set(cb.not_acled) == {"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME", "DIPLO", "ATTRIB"}


def test_codebook_decision_order_is_directed():
    cb = load_codebook()
    assert cb.precedes("Chemical weapon", "Shelling/artillery/missile attack")
    assert cb.precedes("Suicide bomb", "Remote explosive/landmine/IED")
    assert cb.precedes("Excessive force against protesters", "Protest with intervention")
    assert not cb.precedes("Protest with intervention", "Excessive force against protesters")
    assert not any(cb.precedes(b, a) for a, b in cb.decision_order)  # no pair both ways


@pytest.mark.skipif(not CASE.exists(), reason="needs ../shared/data")
def test_codebook_labels_match_the_case_development_set():
    cb = load_codebook()
    for line in CASE.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert cb.acled_of(row["label"]) == (row["acled_event_type"], row["acled_sub_event_type"])


def test_basic_tokens_split_punctuation_and_strip_accents():
    assert basic_tokens("Café-owners' “strike”, 3.5%") == ["cafe", "-", "owners", "'", "“", "strike", "”", ",", "3", ".", "5", "%"]


def test_wordpiece_uses_longest_pieces_and_unknown_for_the_rest():
    vocab = {"[UNK]": 0, "[CLS]": 1, "[SEP]": 2, "shell": 3, "##ing": 4, "##s": 5, "mortar": 6}
    wp = WordPiece(vocab)
    assert wp.encode("Shelling mortars") == [1, 3, 4, 6, 5, 2]
    assert wp.encode("qzx shell") == [1, 0, 3, 2]


def _toy_data():
    written = {
        "CHEM_WEAP": ["Chlorine gas was dropped on the suburb, choking residents.", "Sarin killed dozens in the town.",
                      "Victims of the poison gas attack were treated in hospital."],
        "ART_MISS_ATTACK": ["Mortar shells hit the market.", "Artillery pounded the village overnight.",
                            "Rockets were fired at the city."],
        "NATURAL_DISASTER": ["An earthquake destroyed houses.", "Floods swept away the bridge.", "A cyclone hit the coast."],
    }
    texts = [t for k in sorted(written) for t in written[k]]
    labels = [k for k in sorted(written) for _ in written[k]]
    return texts, labels


def test_model_learns_from_text_and_gives_probabilities():
    texts, labels = _toy_data()
    bundle = acled_model.fit(texts, labels)
    p = acled_model.predict_proba(bundle, ["The regime used chlorine gas against the suburb.", "Floods hit the valley."])
    assert np.allclose(p.sum(axis=1), 1.0)
    assert bundle["classes"][p[0].argmax()] == "CHEM_WEAP"
    assert bundle["classes"][p[1].argmax()] == "NATURAL_DISASTER"


def test_temperature_softens_an_overconfident_model():
    scores = np.array([[4.0, 0.0], [4.0, 0.0], [4.0, 0.0], [4.0, 0.0]])
    gold = np.array([0, 0, 1, 1])  # right half the time: the calibrated top probability should be near 0.5
    t = acled_model.fit_temperature(scores, gold)
    assert t > 3.0


def test_decide_model_types_action_and_leaves_talk_to_the_rules():
    probs = {"ARMED_CLASH": 0.85, "ATTACK": 0.1, "DIPLO": 0.05}
    assert acled_model.decide("ASSAULT", ("Violence against civilians", "Attack"), probs)[:2] == ("Battles", "Armed clash")
    # a statement is talk: a model that reads the sentence mostly as diplomacy gives it no ACLED type
    talk = {"DIPLO": 0.55, "ARMED_CLASH": 0.3, "ATTACK": 0.15}
    assert acled_model.decide("ACCUSE", (None, None), talk)[:2] == (None, None)
    # ... but an article's lead talk event whose sentence the model reads as an act of force takes its type
    force = {"ARMED_CLASH": 0.55, "ATTACK": 0.25, "DIPLO": 0.2}
    assert acled_model.decide("ACCUSE", (None, None), force)[:2] == ("Battles", "Armed clash")
    # talk further down the article stays talk
    assert acled_model.decide("ACCUSE", (None, None), force, lead=False)[:2] == (None, None)
    # ... and so does a lead whose model spreads its ACLED mass with no opinion on any class (P < 0.2)
    spread = {"ARREST": 0.19, "ATTACK": 0.18, "ARMED_CLASH": 0.18, "GRENADE": 0.17, "AIR_STRIKE": 0.1, "DIPLO": 0.18}
    assert acled_model.decide("ACCUSE", (None, None), spread)[:2] == (None, None)
    # a lead the model reads as an act with an opinion on which act takes it (session 7: was P >= 0.5)
    opinion = {"ARREST": 0.37, "ATTACK": 0.2, "ARMED_CLASH": 0.2, "DIPLO": 0.23}
    assert acled_model.decide("ACCUSE", (None, None), opinion)[:2] == ("Strategic developments", "Arrests")
    # a class ACLED does not code: the event keeps no ACLED type
    assert acled_model.decide("ASSAULT", ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
                              {"MAN_MADE_DISASTER": 0.9, "REM_EXPLOS": 0.1})[:2] == (None, None)
    # without a model the rules decide
    assert acled_model.decide("ASSAULT", ("Battles", "Armed clash"), {}) == ("Battles", "Armed clash", None)


def test_decide_keeps_the_rules_sub_type_when_the_model_finds_it_plausible():
    rule = ("Battles", "Armed clash")  # e.g. the rules saw both sides fire
    close = {"ATTACK": 0.5, "ARMED_CLASH": 0.3, "ABDUCT_DISSAP": 0.2}
    assert acled_model.decide("ASSAULT", rule, close) == ("Battles", "Armed clash", 0.3)
    # a model sure of another class overrules the rules
    sure = {"ATTACK": 0.8, "ARMED_CLASH": 0.1, "ABDUCT_DISSAP": 0.1}
    assert acled_model.decide("ASSAULT", rule, sure)[1] == "Attack"


def test_decide_keeps_a_sub_type_the_rules_read_from_its_defining_cue():
    # the codebook defines an abduction by the act: the model reading the story as an attack does not overrule it
    rule = ("Violence against civilians", "Abduction/forced disappearance")
    attack = {"ATTACK": 0.75, "ARMED_CLASH": 0.15, "ABDUCT_DISSAP": 0.1}
    text = "Gunmen stormed the farm overnight, abducting the owner's two sons."
    assert acled_model.decide("ASSAULT", rule, attack, text)[1] == "Abduction/forced disappearance"
    # without the cue in the sentence the unsure rules' reading gives way to the model
    assert acled_model.decide("ASSAULT", rule, attack, "Gunmen stormed the farm overnight.")[1] == "Attack"
    # shots fired into the air over a crowd are an intervention, unless the model is sure of more
    rule = ("Protests", "Protest with intervention")
    force = {"FORCE_AGAINST_PROTEST": 0.7, "PROTEST_WITH_INTER": 0.2, "PEACE_PROTEST": 0.1}
    text = "Soldiers fired into the air to scatter the marchers outside the ministry."
    assert acled_model.decide("ASSAULT", rule, force, text)[1] == "Protest with intervention"
    sure = {"FORCE_AGAINST_PROTEST": 0.85, "PROTEST_WITH_INTER": 0.1, "PEACE_PROTEST": 0.05}
    assert acled_model.decide("ASSAULT", rule, sure, text)[1] == "Excessive force against protesters"


def test_decide_lets_a_class_the_codebook_codes_first_outrank_a_plausible_rules_reading():
    # the rules read an intervention (no defining cue of one); the model's top class is excessive force,
    # which the codebook codes first when both fit
    rule = ("Protests", "Protest with intervention")
    probs = {"FORCE_AGAINST_PROTEST": 0.4, "PROTEST_WITH_INTER": 0.3, "PEACE_PROTEST": 0.3}
    text = "Security forces brutally suppressed the sit-in, leaving dozens badly hurt."
    assert acled_model.decide("COERCE", rule, probs, text)[1] == "Excessive force against protesters"
    # a rules' reading its own defining cue supports is not outranked ("protest" is a peaceful protest's cue)
    probs = {"VIOL_DEMONSTR": 0.45, "PEACE_PROTEST": 0.4, "PROTEST_WITH_INTER": 0.15}
    assert acled_model.decide("PROTEST", ("Protests", "Peaceful protest"), probs,
                              "Students held a silent protest outside the court.")[1] == "Peaceful protest"
    # a top class the codebook does not code first does not outrank it
    probs = {"PEACE_PROTEST": 0.4, "PROTEST_WITH_INTER": 0.3, "FORCE_AGAINST_PROTEST": 0.3}
    assert acled_model.decide("COERCE", rule, probs, text)[1] == "Protest with intervention"


def test_decide_keeps_the_rules_when_the_model_has_no_opinion():
    flat = {"PEACE_PROTEST": 0.12, "MOB_VIOL": 0.11, "ATTACK": 0.1, "PROPERTY_DISTRUCT": 0.03}  # the rest spread thin
    rule = ("Strategic developments", "Looting/property destruction")
    assert acled_model.decide("ASSAULT", rule, flat, "Militiamen torched the market stalls.")[1] == "Looting/property destruction"
    # ... and an event the rules gave no ACLED type is not given one by a model with no opinion
    assert acled_model.decide("MOBILIZE", (None, None), flat, "Villagers gathered their belongings.")[:2] == (None, None)
    # a model with an opinion still overrules an implausible rules' reading
    assert acled_model.decide("ASSAULT", rule, {"PEACE_PROTEST": 0.6, "PROPERTY_DISTRUCT": 0.1})[1] == "Peaceful protest"


def test_decide_leaves_who_gained_the_territory_to_the_rules():
    probs = {"GOV_REGAINS_TERIT": 0.8, "NON_STATE_ACTOR_OVERTAKES_TER": 0.1, "ARMED_CLASH": 0.1}
    kind, sub, p = acled_model.decide("ASSAULT", ("Battles", "Non-state actor overtakes territory"), probs)
    assert (kind, sub, p) == ("Battles", "Non-state actor overtakes territory", 0.9)
    # the rules saw no change of hands: the model says which territory class
    assert acled_model.decide("ASSAULT", ("Battles", "Armed clash"), probs)[1] == "Government regains territory"


def test_passage_reads_the_leading_sentences_or_one_and_the_next():
    text = "Rebels shelled the town. Five died. The army responded."
    sents = [(0, 24), (25, 35), (36, 55)]
    assert acled_model.passage(text, sents, [(0, 24)]) == ["Rebels shelled the town.", "Five died."]
    assert acled_model.passage(text, sents, [(36, 55)]) == ["Five died.", "The army responded."]
    assert acled_model.passage(text, sents, [(36, 55), (0, 24)]) == ["Rebels shelled the town.", "The army responded."]
    assert acled_model.passage("One sentence.", [(0, 13)], [(0, 13)]) == ["One sentence."]


def test_each_part_of_a_passage_has_its_own_vector():
    from chronicle.events.sentence_embed import load_minilm

    encoder = load_minilm()
    if encoder is None:
        pytest.skip("MiniLM package not installed")
    first, second = "Rebels shelled the border town on Monday.", "The finance minister presented the budget."
    assert np.allclose(encoder.embed_parts([first]), encoder.embed([first]), atol=1e-6)  # one part: the plain embedding
    both = encoder.embed_parts([first, second])
    assert both.shape == (2, 384) and np.allclose(np.linalg.norm(both, axis=1), 1.0, atol=1e-5)
    # each part stays closest to itself read alone: the passage does not give both one story
    alone = encoder.embed([first, second])
    assert both[0] @ alone[0] > both[0] @ alone[1] and both[1] @ alone[1] > both[1] @ alone[0]


def test_decide_applies_the_codebook_order_among_plausible_classes():
    probs = {"ART_MISS_ATTACK": 0.5, "CHEM_WEAP": 0.4, "ATTACK": 0.1}
    text = "Shells filled with chlorine landed on the town."
    assert acled_model.decide("ASSAULT", (None, None), probs, text)[1] == "Chemical weapon"
    # the cue is missing: the most probable class stands
    assert acled_model.decide("ASSAULT", (None, None), probs, "Shells landed on the town.")[1] == "Shelling/artillery/missile attack"


def test_score_weighted_f1_per_class_and_confusions():
    gold = ["ARMED_CLASH", "ARMED_CLASH", "DIPLO", "CHEM_WEAP"]
    pred = ["Armed clash", "Attack", None, "Shelling/artillery/missile attack"]
    result = score(gold, pred)
    assert result["per_class"]["Armed clash"] == {"precision": 1.0, "recall": 0.5, "f1": 0.667, "support": 2}
    assert result["per_class"]["none"]["recall"] == 1.0  # DIPLO is no ACLED type: "none" was right
    assert result["acled_classes_with_zero_recall"] == ["Chemical weapon"]
    assert {"pair": "Chemical weapon -> Shelling/artillery/missile attack", "count": 1} in result["top_confusions"]
    assert abs(result["weighted_f1"] - (2 / 3 * 2 + 1.0 + 0.0) / 4) < 1e-4


def test_shipped_acled_model_has_both_models_and_calibration():
    path = acled_model.default_model_path()
    if not path.exists():
        pytest.skip("no shipped ACLED model")
    import joblib

    bundle = joblib.load(path)
    assert bundle["text"]["temperature"] > 0 and set(load_codebook().labels()) == set(bundle["text"]["classes"])
    for part in ("text", "full"):
        if part in bundle:
            for vec in (bundle[part]["word"], bundle[part]["char"]):
                assert not hasattr(vec, "stop_words_") and not hasattr(vec, "_stop_words_id")


def test_a_protest_stays_a_protest_or_a_riot_whatever_the_model_prefers():
    probs = {"CHANGE_TO_GROUP_ACT": 0.6, "PEACE_PROTEST": 0.3, "ARMED_CLASH": 0.1}
    text = "The mourners turned the ceremony into another uprising against the government."
    kind, sub, p = acled_model.decide("PROTEST", ("Protests", "Peaceful protest"), probs, text)
    assert (kind, sub, p) == ("Protests", "Peaceful protest", 0.3)
    # an event of another PLOVER type is free to take the model's class
    assert acled_model.decide("MOBILIZE", (None, None), probs, text)[1] == "Change to group/activity"


def test_a_talk_lead_takes_a_base_or_a_group_change_only_where_an_armed_side_acts():
    # the codebook's base established and change to group/activity are what armed groups and state
    # forces do: a council's plans and a minister's visit are neither, whatever the model reads
    base = {"HQ_ESTABLISHED": 0.85, "ARREST": 0.05, "DIPLO": 0.1}
    council = "The town council approved plans for a new sports hall beside the river on Monday."
    assert acled_model.decide("SUPPORT", (None, None), base, council)[:2] == (None, None)
    militia = "The militia's commanders approved plans for a new base beside the river on Monday."
    assert acled_model.decide("SUPPORT", (None, None), base, militia)[:2] == (
        "Strategic developments", "Headquarters or base established")
    change = {"CHANGE_TO_GROUP_ACT": 0.8, "DIPLO": 0.2}
    visit = "The health minister toured the new maternity ward and thanked its nurses."
    assert acled_model.decide("CONSULT", (None, None), change, visit)[:2] == (None, None)
    # ... or where the class's own codebook cue is in the sentence (a curfew is imposed by the authorities)
    curfew = "The provincial governor announced a curfew in the port city after two nights of unrest."
    assert acled_model.decide("CONSULT", (None, None), change, curfew)[1] == "Change to group/activity"
    # other classes are not held to it (a talk lead about an arrest needs no armed side named)
    arrest = {"ARREST": 0.8, "DIPLO": 0.2}
    assert acled_model.decide("ACCUSE", (None, None), arrest, "The court ordered the editor held for a week.")[1] == "Arrests"
