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


def test_the_other_side_of_a_war_is_not_where_it_was_fought(annotate):
    ann = annotate("Voters across Georgia went to the polls on Sunday. Anger at the president has grown "
                   "since a short war with Russia last summer.")
    place, precision = locate(ann, "war")
    assert place is not None and place.country_code == "GE"
    assert precision == "article-focus"


def test_a_country_leading_a_coalition_does_not_place_its_invasion(annotate):
    ann = annotate("Iraq's parliament met in Baghdad on Monday. Violence has fallen to the levels seen soon "
                   "after the U.S.-led invasion began.")
    place, _ = locate(ann, "invasion")
    assert place is not None and place.country_code == "IQ"


def test_a_country_qualifying_the_forces_that_act_is_a_party_not_a_setting(annotate):
    ann = annotate("Police in Kenya said the border town was calm on Friday. The unrest ended after a crackdown "
                   "by the Tanzania and Uganda militaries.")
    place, precision = locate(ann, "crackdown")
    assert (place.country_code, precision) == ("KE", "article-focus")


def test_a_place_named_after_the_act_still_wins_over_its_parties(annotate):
    ann = annotate("Officials said protests against Israel were held in Amman on Friday.")
    place, precision = locate(ann, "protests")
    assert (place.name, precision) == ("Amman", "clause")


def test_a_party_named_alone_still_gives_a_guess(annotate):
    ann = annotate("Talks with Iran resumed on Monday.")
    place, _ = locate(ann, "Talks")
    assert place is not None and place.country_code == "IR"


def test_a_country_owning_the_force_that_speaks_does_not_place_what_it_reports(annotate):
    ann = annotate("Markets reopened across Iraq on Sunday. Attacks have fallen, the U.S. military said, since "
                   "a truce was declared.")
    place, _ = locate(ann, "declared")
    assert place is not None and place.country_code == "IQ"


def test_a_state_named_in_its_governor_s_title_still_places_what_the_governor_does(annotate):
    ann = annotate("Alaska Gov. Sarah Palin rejected the federal money on Thursday.")
    place, precision = locate(ann, "rejected")
    assert (place.name, precision) == ("Alaska", "clause")
