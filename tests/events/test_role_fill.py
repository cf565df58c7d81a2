"""Empty roles filled from the sentence or the one before (participants/fill.py), on
sentences written for these tests."""

from __future__ import annotations

from fixtures_structure import annotate, names, token

from chronicle.events.participants import find_roles


def roles(ann, trigger, event_type, nth=0):
    trig = token(ann, trigger, nth)
    return find_roles(ann, trig.sent, trig, event_type)


def test_an_agentless_act_takes_the_subject_of_the_sentence_before():
    ann = annotate(
        "Border troops attacked a smuggling convoy near the river on Friday. Helicopters fired on the trucks for an hour.",
        {"troops": ["Border troops"]},
    )
    actor, _ = roles(ann, "fired", "ASSAULT")
    assert names(ann, actor) == ["troops"]


def test_who_gives_no_motive_for_an_attack_is_not_the_attacker():
    ann = annotate(
        "Gunmen stormed a checkpoint outside the town on Monday. The interior minister did not give a motive for the attack.",
        {"gunmen": ["Gunmen"], "minister": ["The interior minister"]},
    )
    ann.actors[1].sector = "GOV"
    actor, _ = roles(ann, "attack", "ASSAULT")
    assert names(ann, actor) == ["gunmen"]


def test_who_condemns_a_bombing_is_not_the_bomber():
    ann = annotate("The foreign minister condemned the bombing of the market.", {"minister": ["The foreign minister"]})
    actor, recipient = roles(ann, "bombing", "ASSAULT")
    assert actor == [] and recipient == []


def test_a_state_body_reporting_arrests_made_them():
    ann = annotate(
        "The Interior Ministry said twelve activists had been arrested overnight.",
        {"ministry": ["The Interior Ministry"], "activists": ["twelve activists"]},
    )
    ann.actors[0].sector = "GOV"
    actor, recipient = roles(ann, "arrested", "COERCE")
    assert names(ann, actor) == ["ministry"]
    assert names(ann, recipient) == ["activists"]


def test_who_reports_deaths_did_not_kill():
    ann = annotate(
        "The health ministry said four farmers were killed overnight.",
        {"ministry": ["The health ministry"], "farmers": ["four farmers"]},
    )
    ann.actors[0].sector = "GOV"
    actor, recipient = roles(ann, "killed", "ASSAULT")
    assert actor == []
    assert names(ann, recipient) == ["farmers"]


def test_a_speaker_of_the_sentence_before_is_not_the_actor():
    ann = annotate(
        "The mayor said the situation was calm. Shells hit the market at noon.",
        {"mayor": ["The mayor"]},
    )
    actor, _ = roles(ann, "hit", "ASSAULT")
    assert actor == []


def test_a_place_named_in_the_sentence_is_not_the_actor():
    ann = annotate(
        "Shells landed in Valdoria on Sunday.",
        {"VAL": ["Valdoria"]},
        places={"Valdoria": "VD"},
    )
    actor, _ = roles(ann, "landed", "ASSAULT")
    assert actor == []


def test_the_other_party_named_in_the_sentence_becomes_the_recipient():
    ann = annotate(
        "Facing a week of strikes by the dockers' union, the port authority made a concession on Friday.",
        {"union": ["the dockers' union"], "authority": ["the port authority"]},
    )
    actor, recipient = roles(ann, "concession", "CONCEDE")
    assert names(ann, actor) == ["authority"]
    assert names(ann, recipient) == ["union"]


def test_a_meeting_between_two_parties_has_the_first_as_actor():
    ann = annotate(
        "Television showed a meeting on Friday between the prime minister and the regional governor.",
        {"pm": ["the prime minister"], "governor": ["the regional governor"]},
    )
    actor, recipient = roles(ann, "meeting", "CONSULT")
    assert names(ann, actor) == ["pm"]
    assert names(ann, recipient) == ["governor"]


def test_an_aimed_act_takes_its_target_from_the_sentence_before():
    ann = annotate(
        "Valdoria closed its border with Ostria on Monday. Valdoria now demands compensation.",
        {"VAL": ["Valdoria"], "OST": ["Ostria"]},
    )
    actor, recipient = roles(ann, "demands", "REQUEST")
    assert names(ann, actor) == ["VAL"]
    assert names(ann, recipient) == ["OST"]


def test_reported_speech_before_gives_no_target():
    ann = annotate(
        "The Ostrian minister said the talks had failed. Valdoria now demands compensation.",
        {"VAL": ["Valdoria"], "OST": ["The Ostrian minister"]},
    )
    _, recipient = roles(ann, "demands", "REQUEST")
    assert recipient == []


def test_the_authorities_named_before_a_protest_are_not_its_protesters():
    ann = annotate(
        "The state senators passed a school bill last week. On Monday, hundreds rallied outside the capitol to oppose it.",
        {"senators": ["The state senators"]},
    )
    ann.actors[0].sector = "LEG"
    actor, _ = roles(ann, "rallied", "PROTEST")
    assert actor == []


def test_a_filled_side_is_marked_inferred_and_a_parsed_one_is_not():
    ann = annotate(
        "Border troops attacked a smuggling convoy near the river on Friday. Helicopters fired on the trucks of the smugglers.",
        {"troops": ["Border troops"], "smugglers": ["the smugglers"]},
    )
    actor, recipient = roles(ann, "fired", "ASSAULT")
    assert [r.inferred for r in actor] == [True]
    assert names(ann, recipient) == ["smugglers"] and [r.inferred for r in recipient] == [False]
