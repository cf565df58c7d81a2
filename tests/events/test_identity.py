"""Event identity: the passages of one happening become one event with all its mentions;
two happenings (other day, other place, other parties, background vs news) stay two.
Articles and events here are written for these tests."""

from dataclasses import dataclass, field

import pytest

from events_fixtures import pipeline  # noqa: F401 - session fixture

from chronicle.events.identity import merge_mentions
from chronicle.record import (
    Actor,
    ActorRef,
    Article,
    Event,
    Place,
    SentenceRef,
    Size,
    Span,
    record_from_dict,
    to_dict,
)


# -- the rule on hand-made events ------------------------------------------------------

@dataclass
class _Ann:
    places: list = field(default_factory=list)
    actors: list = field(default_factory=list)


PLACES = [
    Place("Mosul", 0, 5, "Mosul", geonameid=1, country_code="IQ", admin1="Nineveh", feature="city"),
    Place("Basra", 0, 5, "Basra", geonameid=2, country_code="IQ", admin1="Basra", feature="city"),
    Place("Iraq", 0, 4, "Iraq", geonameid=3, country_code="IQ", feature="country"),
]
ACTORS = [
    Actor("the army", 0, 8, "Iraq military", country="IRQ", sector="MIL", kind="agent"),
    Actor("Ahmed Karim", 0, 11, "Ahmed Karim", country="IRQ", sector="GOV", kind="named"),
    Actor("Sara Lind", 0, 9, "Sara Lind", country="SWE", sector="GOV", kind="named"),
]


def _ev(at, type_="ASSAULT", **fields):
    word = fields.pop("word", "attack")
    return Event(type=type_, sentence=SentenceRef(at, at + 50), trigger=Span(word, at + 5, at + 5 + len(word)),
                 confidence=fields.pop("confidence", 0.8), **fields)


def _killed(n, at=0):
    return Size("killed", n, f"{n} people", at, at + 9)


def test_casualty_updates_are_one_attack_with_the_highest_toll_never_the_sum():
    lead = _ev(100, word="exploded", date="2024-05-02", date_precision="day", date_evidence=0,
               location=0, location_precision="clause", sizes=[_killed(12)])
    update = _ev(300, word="killed", sizes=[_killed(20)])
    again = _ev(500, word="blast")
    headline = _ev(0, word="bomb", sizes=[_killed(8)])
    merged = merge_mentions([lead, headline, update, again], _Ann(PLACES, ACTORS))
    assert len(merged) == 1
    event = merged[0]
    assert [m.trigger.text for m in event.mentions] == ["exploded", "bomb", "killed", "blast"]
    assert event.trigger.text == "exploded"  # the passage that tells most is the main one
    assert [s.value for s in event.sizes if s.kind == "killed"] == [20]
    assert event.date == "2024-05-02" and event.location == 0


def test_fields_come_from_the_best_evidence_among_the_mentions():
    vague = _ev(0, word="attack", location=2, location_precision="clause")
    placed = _ev(200, word="attack", location=0, location_precision="sentence",
                 actor=[ActorRef(0, "the army", 210, 218)])
    dated_month = _ev(400, word="attack", date="2024-05", date_precision="month", date_evidence=1)
    (event,) = merge_mentions([vague, placed, dated_month], _Ann(PLACES, ACTORS))
    assert event.location == 0  # the city, not the country
    assert event.date == "2024-05" and event.date_evidence == 1
    assert [r.actor for r in event.actor] == [0]


def test_a_party_one_passage_acts_on_is_not_made_the_actor_by_another():
    # "Ahmed Karim was detained on Monday ... Karim remains in custody": the second passage's
    # subject is the one the first says was acted on
    detained = _ev(0, type_="COERCE", word="detained", date="2024-05-06", date_precision="day", date_evidence=0,
                   recipient=[ActorRef(1, "Ahmed Karim", 0, 11)])
    custody = _ev(200, type_="COERCE", word="custody", actor=[ActorRef(1, "Karim", 200, 205)])
    (event,) = merge_mentions([detained, custody], _Ann(PLACES, ACTORS))
    assert [r.actor for r in event.recipient] == [1]
    assert event.actor == []


def test_a_group_may_stand_on_both_sides_of_its_own_fight():
    # "gunmen of rival families battled ... two gunmen were killed": a group, not one party misread
    killed = _ev(0, word="killed", date="2024-05-06", date_precision="day", date_evidence=0,
                 recipient=[ActorRef(0, "the army", 0, 8)], sizes=[_killed(2)])
    battle = _ev(200, word="battled", actor=[ActorRef(0, "the army", 200, 208)])
    (event,) = merge_mentions([killed, battle], _Ann(PLACES, ACTORS))
    assert [r.actor for r in event.actor] == [0] and [r.actor for r in event.recipient] == [0]


def test_different_days_places_or_parties_stay_apart():
    monday = _ev(0, date="2024-05-06", date_precision="day", date_evidence=0)
    tuesday = _ev(100, date="2024-05-07", date_precision="day", date_evidence=1)
    assert len(merge_mentions([monday, tuesday], _Ann(PLACES, ACTORS))) == 2
    mosul = _ev(0, location=0, location_precision="clause")
    basra = _ev(100, location=1, location_precision="clause")
    assert len(merge_mentions([mosul, basra], _Ann(PLACES, ACTORS))) == 2
    in_iraq = _ev(200, location=2, location_precision="clause")
    assert len(merge_mentions([mosul, in_iraq], _Ann(PLACES, ACTORS))) == 1  # Mosul is in Iraq
    karim = _ev(0, "ACCUSE", word="accused", actor=[ActorRef(1, "Karim", 0, 5)])
    lind = _ev(100, "ACCUSE", word="accused", actor=[ActorRef(2, "Lind", 100, 104)])
    assert len(merge_mentions([karim, lind], _Ann(PLACES, ACTORS))) == 2


def test_background_negated_and_other_types_stay_apart():
    news = _ev(0)
    old = _ev(100, historical=True)
    denied = _ev(200, negated=True)
    protest = _ev(300, "PROTEST", word="rally")
    assert len(merge_mentions([news, old, denied, protest], _Ann(PLACES, ACTORS))) == 4


def test_one_act_told_again_in_the_past_tense_is_one_event():
    # "Karim resigned on Monday" ... "the party said Karim had resigned of his own accord"
    karim = [ActorRef(1, "Karim", 0, 5)]
    news = _ev(0, "CONCEDE", word="resigned", actor=karim, date="2024-05-06", date_precision="day", date_evidence=0)
    retold = _ev(300, "CONCEDE", word="resigned", actor=karim, historical=True)
    (event,) = merge_mentions([news, retold], _Ann(PLACES, ACTORS))
    assert len(event.mentions) == 2 and event.historical is False
    # a past act with its own date, another word or another party is background of its own
    dated = _ev(300, "CONCEDE", word="resigned", actor=karim, historical=True, date="2019-02",
                date_precision="month", date_evidence=1)
    assert len(merge_mentions([news, dated], _Ann(PLACES, ACTORS))) == 2
    other_word = _ev(300, "CONCEDE", word="quit", actor=karim, historical=True)
    assert len(merge_mentions([news, other_word], _Ann(PLACES, ACTORS))) == 2
    lind = _ev(300, "CONCEDE", word="resigned", actor=[ActorRef(2, "Lind", 300, 304)], historical=True)
    assert len(merge_mentions([news, lind], _Ann(PLACES, ACTORS))) == 2
    # once told again, the happening still takes its other re-mentions ("the resignation"), and stays news
    # even when the past-tense passage is the one that tells most
    retold_more = _ev(300, "CONCEDE", word="resigned", actor=karim, historical=True, sizes=[_killed(0)],
                      location=0, location_precision="clause")
    undated_news = _ev(0, "CONCEDE", word="resigned", actor=karim)
    noun = _ev(600, "CONCEDE", word="resignation")
    (event,) = merge_mentions([undated_news, retold_more, noun], _Ann(PLACES, ACTORS))
    assert len(event.mentions) == 3 and event.historical is False


def test_a_statement_is_not_parted_by_the_places_it_is_about():
    abbas = [ActorRef(1, "Karim", 0, 5)]
    called = _ev(0, "REQUEST", word="called", actor=abbas, location=0, location_precision="clause")
    again = _ev(300, "REQUEST", word="calls", actor=abbas, location=1, location_precision="clause")
    assert len(merge_mentions([called, again], _Ann(PLACES, ACTORS))) == 1
    # two attacks in two cities are two
    assert len(merge_mentions([_ev(0, location=0, location_precision="clause", actor=[ActorRef(0, "army", 0, 4)]),
                               _ev(300, location=1, location_precision="clause", actor=[ActorRef(0, "army", 300, 304)])],
                              _Ann(PLACES, ACTORS))) == 2


def test_a_dated_event_does_not_join_an_unrelated_undated_one():
    first = _ev(0, word="fighting")
    later = _ev(60, word="shootout", date="2024-05-01", date_precision="day", date_evidence=0)
    # the undated fighting is in the article's first sentence (a headline): the dated shootout may re-tell it
    assert len(merge_mentions([first, later], _Ann(PLACES, ACTORS))) == 1
    body = _ev(300, word="fighting")
    dated = _ev(600, word="shootout", date="2024-05-01", date_precision="day", date_evidence=0)
    lead = _ev(0, "PROTEST", word="rally")  # the article's first sentence is about something else
    assert len([e for e in merge_mentions([lead, body, dated], _Ann(PLACES, ACTORS)) if e.type == "ASSAULT"]) == 2


def test_merging_twice_changes_nothing_and_keeps_salience_order():
    events = [_ev(300, "PROTEST", word="rally"), _ev(0), _ev(100, word="attack"), _ev(600, "PROTEST", word="march")]
    once = merge_mentions(events, _Ann(PLACES, ACTORS))
    assert [e.type for e in once] == ["PROTEST", "ASSAULT"]
    twice = merge_mentions(once, _Ann(PLACES, ACTORS))
    assert [to_dict(e) for e in twice] == [to_dict(e) for e in once]
    assert [len(e.mentions) for e in twice] == [2, 2]


def test_mentions_survive_json():
    (event,) = merge_mentions([_ev(0), _ev(100, word="blast")], _Ann(PLACES, ACTORS))
    data = to_dict(event)
    assert [m["trigger"]["text"] for m in data["mentions"]] == ["attack", "blast"]
    back = record_from_dict({"events": [data]}).events[0]
    assert back.mentions == event.mentions


# -- the rule on articles, through the pipeline ---------------------------------------

def _events(pipeline, text, published="2024-05-03"):
    """The article's events as the stage codes them, then merged (until the stage calls it itself)."""
    from chronicle.stage import Annotations

    article = Article(text=text, published=published)
    doc = next(pipeline._parsed(iter([pipeline.nlp(text, disable=pipeline._skipped_in_pipe)])))
    ann = Annotations(article=article, doc=doc, published=published)
    for stage in pipeline.stages:
        setattr(ann, stage.name, stage(ann))
    return [e for e in merge_mentions(ann.events, ann) if not (e.negated or e.hypothetical)]


BOMBING = ("Car bomb kills 14 in Kirkuk market. "
           "A car bomb exploded in a busy market in Kirkuk on Thursday, killing at least nine people, police said. "
           "Hospital officials later said 14 people had died. "
           "The blast also wounded 30 people and set several shops on fire. "
           "No group claimed responsibility for the attack.")


def test_one_bombing_told_five_times_is_one_event(pipeline):
    events = _events(pipeline, BOMBING)
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert len(attacks) == 1
    attack = attacks[0]
    assert len(attack.mentions) >= 3
    assert attack.date == "2024-05-02"  # Thursday, from the lead, not the publication date
    killed = [s.value for s in attack.sizes if s.kind == "killed"]
    assert killed and max(killed) == 14 and sum(killed) < 14 + 9


def test_two_attacks_on_different_days_in_different_towns_stay_two(pipeline):
    text = ("Gunmen attacked a police checkpoint in Mosul on Monday, killing two officers. "
            "On Wednesday, a roadside bomb struck an army patrol near Basra, wounding three soldiers.")
    attacks = [e for e in _events(pipeline, text) if e.type == "ASSAULT"]
    assert len(attacks) == 2
    assert {e.date for e in attacks} == {"2024-04-29", "2024-05-01"}


def test_one_more_act_is_not_the_act_already_told(pipeline):
    text = ("Gunmen killed six villagers in an attack on a market near the border on Monday, officials said. "
            "The attackers also burned dozens of homes in the village. "
            "The attack also wounded eleven people, a hospital official said.")
    attacks = [e for e in _events(pipeline, text) if e.type == "ASSAULT"]
    triggers = [[m.trigger.text for m in e.mentions] for e in attacks]
    # the burning is one more act; "the attack also wounded" is the same attack
    assert any("burned" in t for t in triggers) and not any("burned" in t and "killed" in t for t in triggers)
    assert any("killed" in t and "wounded" in t for t in triggers)


def test_details_of_an_act_in_its_sentence_are_that_act(pipeline):
    text = ("Police arrested four opposition activists on charges of plotting a coup on Monday, the ministry said. "
            "Two days of fighting between the army and the rebels ended on Sunday.")
    events = _events(pipeline, text)
    arrests = [e for e in events if e.type == "COERCE"]
    assert len(arrests) == 1 and "charges" in [m.trigger.text for m in arrests[0].mentions]
    assert not [e for e in events if e.type == "ACCUSE" and e.trigger.text == "charges"]
    fighting = [e for e in events if e.type == "ASSAULT"]
    assert len(fighting) == 1 and not [e for e in events if e.trigger.text == "ended"]


def test_an_act_after_another_is_not_its_detail(pipeline):
    text = "Police arrested twelve men after clashes with soldiers in the market on Friday."
    types = {e.type for e in _events(pipeline, text)}
    assert {"COERCE", "ASSAULT"} <= types


@dataclass
class _DatedAnn:
    places: list = field(default_factory=list)
    actors: list = field(default_factory=list)
    published: str | None = None


def test_undated_news_happened_on_the_story_day_not_the_publication_day():
    # Saturday's paper: "the governor said Friday he would reject the funds" leads; the undated
    # "the budget office denied his request" is Friday's news too
    lead = _ev(0, "REJECT", word="reject", date="2024-05-03", date_precision="day", date_evidence=0,
               actor=[ActorRef(1, "Karim", 0, 5)])
    undated = _ev(300, "ACCUSE", word="denied", date="2024-05-04", date_precision="day")
    old = _ev(600, "CONSULT", word="met", date="2024-05-04", date_precision="day", historical=True)
    events = merge_mentions([lead, undated, old], _DatedAnn(PLACES, ACTORS, "2024-05-04"))
    by_word = {e.trigger.text: e for e in events}
    assert by_word["denied"].date == "2024-05-03"
    assert by_word["met"].date == "2024-05-04"  # background keeps what it had
    # a story day far from publication (a weekly's look back) is not the day of its undated news
    far = _ev(0, "REJECT", word="reject", date="2024-04-20", date_precision="day", date_evidence=0)
    undated = _ev(300, "ACCUSE", word="denied", date="2024-05-04", date_precision="day")
    events = merge_mentions([far, undated], _DatedAnn(PLACES, ACTORS, "2024-05-04"))
    assert {e.trigger.text: e for e in events}["denied"].date == "2024-05-04"
