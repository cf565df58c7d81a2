"""Demonyms, places inside the names of bodies, datelines and the article's own
geography, on sentences the project wrote."""

import json

from chronicle.places.evaluate import Tally, read_lgl
from chronicle.events.location import locate_event
from chronicle.record import Place


def found(ann, text):
    return [p for p in ann.places if p.text == text]


def one(ann, text):
    hits = found(ann, text)
    assert hits, f"{text!r} not in {[(p.text, p.name) for p in ann.places]}"
    return hits[0]


# -- demonyms and place adjectives ------------------------------------------------

def test_demonyms_are_listed_as_places_of_their_country_or_region(annotate):
    ann = annotate("Russian diplomats met South Ossetian leaders on Monday while Palestinians marched in protest.")
    russian, ossetian, palestinians = one(ann, "Russian"), one(ann, "South Ossetian"), one(ann, "Palestinians")
    assert (russian.country_code, russian.feature) == ("RU", "country")
    assert ossetian.name == "South Ossetia" and ossetian.country_code == "GE"
    assert palestinians.country_code == "PS"
    for p in (russian, ossetian, palestinians):
        assert p.mention_kind == "demonym" and p.associative


def test_a_two_word_demonym_is_one_mention_not_a_village(annotate):
    ann = annotate("Sri Lankan troops advanced on the rebels' last stronghold.")
    assert [(p.text, p.country_code, p.mention_kind) for p in ann.places] == [("Sri Lankan", "LK", "demonym")]


def test_names_as_written_are_marked_as_names(annotate):
    ann = annotate("Floods closed roads across Kenya on Tuesday.")
    assert one(ann, "Kenya").mention_kind == "name"


def test_demonym_words_that_say_nothing_of_a_place(annotate):
    ann = annotate("Monica French said the Native American exhibit opened. She spoke only Italian, "
                   "ate Mexican food and flew home on American Airlines.")
    assert not [p for p in ann.places if p.mention_kind == "demonym"], [(p.text, p.name) for p in ann.places]


def test_a_demonym_never_locates_an_event(annotate):
    ann = annotate("A tourist from Canada said Russian soldiers were killed near the border.")
    trigger = next(t for t in ann.doc if t.text == "killed")
    index, _precision = locate_event(ann, trigger.sent, trigger)
    assert index is None or ann.places[index].mention_kind != "demonym"


def test_demonyms_still_count_for_the_focus(annotate):
    ann = annotate("Filipino farmers protested against the new tariffs, a Filipino union said.")
    assert ann.notes["focus_country"] == "PH"


# -- places inside the names of bodies, buildings and events ------------------------

def test_a_county_heading_its_sheriffs_office_is_a_toponym_of_that_body(annotate):
    ann = annotate("Deputies from the Laurel County Sheriff's Office searched the woods on Friday.")
    laurel = one(ann, "Laurel County")
    assert laurel.feature == "admin2" and laurel.associative


def test_a_town_heading_a_college_and_a_city_closing_a_university(annotate):
    ann = annotate("Amherst College and the University of Cincinnati will share the grant.")
    assert one(ann, "Amherst").associative and one(ann, "Cincinnati").associative


def test_a_building_of_a_county_keeps_the_county_as_the_toponym(annotate):
    ann = annotate("The suspect was taken to the Henderson County Jail on Tuesday.")
    p = one(ann, "Henderson County")
    assert p.feature == "admin2" and p.associative


def test_a_city_council_is_the_council_of_the_city(annotate):
    ann = annotate("Dublin City Council approved the budget. Columbus and Franklin County will pay half.")
    dublin = one(ann, "Dublin")
    assert (dublin.country_code, dublin.admin1) == ("US", "Ohio")


def test_saints_of_a_church_are_not_towns(annotate):
    ann = annotate("A bomb went off outside the church of St. Peter and St. Paul during the St. Patrick's Day mass.")
    assert not [p for p in ann.places if p.text.startswith("St")], [(p.text, p.name) for p in ann.places]


def test_the_white_house_is_the_government_not_a_town(annotate):
    ann = annotate("The White House condemned the attack on Sunday.")
    assert not found(ann, "White House")


# -- datelines and abbreviations --------------------------------------------------

def test_an_upper_case_dateline_after_the_headline(annotate):
    ann = annotate("Storm damage mounts. CHARLESTON, S.C. \u2014 High winds tore roofs off homes on Tuesday.")
    charleston = one(ann, "CHARLESTON")
    assert (charleston.admin1, charleston.country_code) == ("South Carolina", "US")
    assert one(ann, "S.C.").name == "South Carolina"


def test_an_upper_case_dateline_after_the_byline_date(annotate):
    ann = annotate("By Jane Roe, March 3, 2009 NEWARK -- The county opened a new shelter.")
    assert one(ann, "NEWARK").country_code == "US"


def test_an_upper_case_acronym_is_still_not_a_town(annotate):
    ann = annotate("The FAO said the harvest failed.")
    assert not found(ann, "FAO")


# -- the article's own geography ---------------------------------------------------

def test_a_town_and_the_county_that_holds_it_choose_each_other(annotate):
    ann = annotate("A Palestine man was arrested Tuesday at an Anderson County home, the sheriff said.")
    palestine, county = one(ann, "Palestine"), one(ann, "Anderson County")
    assert (palestine.country_code, palestine.admin1) == ("US", "Texas")
    assert county.admin1 == "Texas"


def test_a_small_town_beats_a_capital_when_its_county_is_named(annotate):
    ann = annotate("The Paris Police Department said the driver was taken to the Edgar County jail.")
    paris = one(ann, "Paris")
    assert (paris.country_code, paris.admin1) == ("US", "Illinois")


# -- the LGL scorer -----------------------------------------------------------------

def test_lgl_reader_sets_aside_toponyms_without_a_point(tmp_path):
    text = "Crews repaved Main St. in Lufkin, Texas."
    record = {"id": "x", "text": text, "toponyms": [
        {"text": "Main St.", "start": 14, "end": 22, "lat": None, "lon": None},
        {"text": "Lufkin", "start": 26, "end": 32, "lat": 31.34, "lon": -94.73},
        {"text": "Texas", "start": 34, "end": 39, "lat": 31.25, "lon": -99.25}]}
    path = tmp_path / "lgl.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [(read_text, gold)] = read_lgl(path)
    assert read_text == text and [g.get("ignore", False) for g in gold] == [True, False, False]
    tally = Tally()
    # a prediction on the ignored street is neither right nor spurious; one far off counts as found, not resolved
    tally.add(gold, [Place(text="Main St.", start=14, end=22, name="Main Street", lat=31.3, lon=-94.7),
                     Place(text="Lufkin", start=26, end=32, name="Lufkin", lat=31.34, lon=-94.73),
                     Place(text="Texas", start=34, end=39, name="Texas", lat=40.0, lon=-120.0)])
    scores = tally.scores(1)
    assert scores["toponym_precision"] == 1.0 and scores["toponym_recall"] == 1.0
    assert scores["within_161km"] == 0.5 and scores["mentions"] == 2


# -- where an event happened ---------------------------------------------------------

def test_where_a_person_comes_from_never_locates_an_event(annotate):
    ann = annotate("Five people died in the castle siege, among them a tourist from Canada, police said.")
    canada = one(ann, "Canada")
    assert canada.associative
    trigger = next(t for t in ann.doc if t.text == "died")
    index, _precision = locate_event(ann, trigger.sent, trigger)
    assert index is None or ann.places[index].country_code != "CA"


def test_a_local_story_happens_at_its_dateline(annotate):
    ann = annotate("Fire destroys barn. TUPELO, Miss. \u2014 Flames destroyed a barn on Tuesday, firefighters said. "
                   "Nobody was hurt.")
    trigger = next(t for t in ann.doc if t.text == "hurt")
    index, precision = locate_event(ann, trigger.sent, trigger)
    assert precision == "dateline"
    assert ann.places[index].text == "TUPELO" and ann.places[index].admin1 == "Mississippi"


def test_an_organisation_spelled_like_a_town_is_not_the_town(annotate):
    # "Hamas" is one of the alternate spellings of a large German town; the model reads it as an organisation
    ann = annotate("Officials said Hamas seized power in the Gaza Strip through a coup.")
    assert not found(ann, "Hamas"), [(p.text, p.name) for p in ann.places]
    assert one(ann, "Gaza Strip").country_code == "PS"


def test_a_firm_the_model_calls_an_organisation_before_spokesman_is_not_a_village(annotate):
    # "Chevron" is also a Belgian village; "a Chevron spokesman" speaks for the firm
    ann = annotate("A Chevron spokesman said the refinery would reopen on Monday.")
    assert not found(ann, "Chevron"), [(p.text, p.name) for p in ann.places]
