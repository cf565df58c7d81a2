"""Where an event happened: a country acting is no setting, a demonym before a noun
of land is one, and a local story with no country name falls back to its state;
on sentences the project wrote."""

from chronicle.events.location import locate_event


def locate(ann, trigger_text):
    doc = ann.doc
    trigger = next(t for t in doc if t.text == trigger_text)
    index, precision = locate_event(ann, trigger.sent, trigger)
    return (None if index is None else ann.places[index]), precision


def test_a_country_doing_the_deed_gives_way_to_the_place_it_was_done_in(annotate):
    ann = annotate("Officials said Turkey shelled villages in Syria on Tuesday.")
    place, _ = locate(ann, "shelled")
    assert place.country_code == "SY"


def test_a_country_acting_alone_in_its_sentence_still_locates_the_event(annotate):
    ann = annotate("Yesterday Turkey shelled several villages.")
    place, _ = locate(ann, "shelled")
    assert place is not None and place.country_code == "TR"


def test_a_demonym_before_a_noun_of_land_says_where(annotate):
    ann = annotate("Troops burned Lebanese farmlands near the frontier on Monday.")
    lebanese = next(p for p in ann.places if p.text == "Lebanese")
    assert lebanese.mention_kind == "demonym" and not lebanese.associative
    place, _ = locate(ann, "burned")
    assert place is lebanese


def test_a_demonym_before_people_still_never_locates(annotate):
    ann = annotate("Lebanese diplomats protested on Monday.")
    assert all(p.associative for p in ann.places)
    place, _ = locate(ann, "protested")
    assert place is None


def test_a_local_story_without_its_country_s_name_falls_back_to_its_state(annotate):
    ann = annotate("The West Virginia legislature met on Monday. Lawmakers in Charleston debated the budget, "
                   "and Wheeling officials asked for road money. Later, the majority blocked the measure.")
    place, precision = locate(ann, "blocked")
    assert precision == "article-focus"
    assert (place.name, place.country_code) == ("West Virginia", "US")
