"""Roles read from the event's own clause and sentence (participants/*), on sentences
written for these tests: purpose clauses before the verb, "calls for X to", another's
possession, coordinate clauses, and the state a protest is aimed at."""

from __future__ import annotations

from fixtures_structure import annotate, names, token

from chronicle.events.participants import find_roles
from chronicle.record import Place


def with_city(ann, name, iso2, lat, lon):
    """A resolved city (with its point, as the places stage gives it) at each occurrence of `name`."""
    start = ann.text.find(name)
    while start >= 0:
        ann.places.append(Place(text=name, start=start, end=start + len(name), name=name, country_code=iso2,
                                feature="city", lat=lat, lon=lon))
        start = ann.text.find(name, start + 1)
    return ann


def roles(ann, trigger, event_type, nth=0):
    trig = token(ann, trigger, nth)
    return find_roles(ann, trig.sent, trig, event_type)


def test_a_purpose_clause_before_the_verb_is_the_subject_s_not_the_object_s():
    ann = annotate(
        "In a phone call late last week to mark the 20th anniversary of the treaty, the premier told the visiting "
        "king that the agreements remain binding.",
        {"premier": ["the premier"], "king": ["the visiting king"]},
    )
    actor, _ = roles(ann, "call", "CONSULT")
    assert names(ann, actor) == ["premier"]


def test_object_control_after_the_verb_still_gives_the_object():
    ann = annotate("The premier told the king to call the talks off.", {"premier": ["The premier"], "king": ["the king"]})
    actor, _ = roles(ann, "call", "CONSULT")
    assert names(ann, actor) == ["king"]


def test_calls_for_someone_to_act_are_addressed_to_them():
    ann = annotate(
        "The envoy renewed calls for the rebels to free the hostages.",
        {"envoy": ["The envoy"], "rebels": ["the rebels"]},
    )
    actor, recipient = roles(ann, "calls", "REQUEST")
    assert names(ann, actor) == ["envoy"]
    assert names(ann, recipient) == ["rebels"]


def test_another_actor_s_request_denied_is_aimed_at_that_actor():
    ann = annotate(
        "The governor asked for emergency funds, but the budget director denied his request on Friday.",
        {"governor": ["The governor", "his"], "director": ["the budget director"]},
    )
    actor, recipient = roles(ann, "denied", "REJECT")
    assert names(ann, actor) == ["director"]
    assert names(ann, recipient) == ["governor"]
    assert not recipient[0].inferred  # the object's owner, not a guess from the sentence


def test_the_actor_s_own_troops_are_not_what_it_acts_on():
    ann = annotate(
        "The army withdrew its troops from the valley on Sunday.",
        {"army": ["The army", "its"]},
    )
    _, recipient = roles(ann, "withdrew", "RETREAT")
    assert "army" not in names(ann, recipient)


def test_the_subject_of_a_clause_joined_by_and_is_another_event_s_party():
    ann = annotate(
        "Rival clans clashed in the market on Saturday and gunmen fired on a bus near the bridge.",
        {"clans": ["Rival clans"], "gunmen": ["gunmen"]},
    )
    actor, recipient = roles(ann, "clashed", "ASSAULT")
    assert names(ann, actor) == ["clans"]
    assert "gunmen" not in names(ann, recipient)


def test_a_protest_with_no_target_is_aimed_at_the_state_the_sentence_places_it_in():
    ann = with_city(annotate(
        "Thousands of students were marching toward Lagos on Saturday to join a rally.",
        {"students": ["Thousands of students"]},
    ), "Lagos", "NG", 6.45, 3.39)
    actor, recipient = roles(ann, "rally", "PROTEST")
    assert names(ann, actor) == ["students"]
    assert [ann.actors[r.actor].country for r in recipient] == ["NGA"]


def test_a_protest_is_not_aimed_at_a_country_the_sentence_does_not_name():
    ann = with_city(annotate(
        "Police met the organisers in Lagos on Friday. Thousands of students joined a rally on Saturday.",
        {"students": ["Thousands of students"]},
    ), "Lagos", "NG", 6.45, 3.39)
    ann.notes["focus_country"] = "NG"
    _, recipient = roles(ann, "rally", "PROTEST")
    assert recipient == []


def test_a_compound_trigger_reads_the_arguments_of_its_head_noun():
    ann = annotate(
        "Last week a leaflet campaign by the farmers' union targeted the agriculture minister.",
        {"union": ["the farmers' union"], "minister": ["the agriculture minister"]},
    )
    actor, recipient = roles(ann, "leaflet", "ACCUSE")
    assert names(ann, actor) == ["union"]
    assert names(ann, recipient) == ["minister"]


def test_a_list_set_off_by_most_notably_is_no_object_of_the_verb():
    ann = annotate(
        "Some 900 Kenyan police are now stationed in the north, even though certain armed opposition groups objected "
        "to the Kenyan participation in the mission, most notably the Northern Front and the Freedom Army.",
        {"groups": ["certain armed opposition groups"], "kenya": ["Kenyan"], "front": ["the Northern Front"],
         "army": ["the Freedom Army"]},
    )
    actor, recipient = roles(ann, "objected", "ACCUSE")
    assert names(ann, actor) == ["groups"]
    assert names(ann, recipient) == ["kenya"]


def test_asylum_received_in_a_country_was_given_by_that_country():
    ann = with_city(annotate(
        "The former minister, who has received political asylum in Norway, was sentenced in absentia.",
        {"minister": ["The former minister"]},
    ), "Norway", "NO", 61.0, 8.0)
    ann.places[-1].feature = "country"
    actor, recipient = roles(ann, "asylum", "AID")
    assert [ann.actors[r.actor].country for r in actor] == ["NOR"]
    assert names(ann, recipient) == ["minister"]
