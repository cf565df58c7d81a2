"""Event location: the most specific place of the trigger's clause, its sentence, or the article focus."""

import pytest

from chronicle.events.location import locate_event


def token_at(ann, phrase):
    start = ann.text.index(phrase)
    return next(t for t in ann.doc if t.idx == start)


def locate(ann, phrase):
    trigger = token_at(ann, phrase)
    index, precision = locate_event(ann, trigger.sent, trigger)
    return (ann.places[index] if index is not None else None), precision


def test_noun_trigger_takes_the_place_in_its_own_phrase(annotate):
    ann = annotate(
        "Iraq faces a hard winter. The protests held in Iraq's southern provinces showed anger at Iran's meddling."
    )
    place, precision = locate(ann, "protests held")
    assert precision == "clause"
    assert place.name == "southern Iraq"


def test_most_specific_place_of_the_clause(annotate):
    ann = annotate("Police fired tear gas at protesters in Basra, Iraq, on Friday.")
    place, precision = locate(ann, "fired")
    assert (place.text, precision) == ("Basra", "clause")


def test_place_of_a_nested_clause_is_only_sentence_level(annotate):
    ann = annotate("The minister, who visited Mosul last week, said the talks went well.")
    place, precision = locate(ann, "said")
    assert place.text == "Mosul" and precision == "sentence"


def test_falls_back_to_the_focus_country_never_another_sentence(annotate):
    ann = annotate(
        "Kenya's election commission met in Nairobi on Monday. Kenyan officials said a bomb killed two soldiers."
    )
    place, precision = locate(ann, "killed")
    assert precision == "article-focus"
    assert place.text == "Kenya" and place.feature == "country"


def test_no_place_at_all(annotate):
    ann = annotate("Officials said a bomb killed two soldiers.")
    assert locate(ann, "killed") == (None, None)


def test_associative_places_do_not_locate_events(annotate):
    ann = annotate("The U.S. Army said its soldiers were attacked.")
    place, precision = locate(ann, "attacked")
    assert place is None or not place.associative


@pytest.mark.timeout(60)
def test_sentence_without_a_verb_root_still_locates(annotate):
    # spaCy hands out a new Token object per access, so the walk up to the clause head
    # must stop at the root by position; a headline-like fragment has a noun root.
    ann = annotate("Clashes in Basra. Police arrested dozens.")
    place, precision = locate(ann, "Clashes")
    assert place is not None and place.text == "Basra"
    assert precision in ("clause", "sentence")
