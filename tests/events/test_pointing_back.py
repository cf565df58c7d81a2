"""A passage that points back at a happening already told by the same word is that happening,
even when the parties or places read in it differ: a definite description ("the fighting")
and a headline's restatement of its lead. What the text itself says apart (its own date)
still parts them."""

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


def _mentions(events, event_type):
    return [[m.trigger.text for m in e.mentions] for e in events if e.type == event_type]


def test_the_fighting_near_a_border_is_the_fighting_told(code):
    events = code("Two days of fierce fighting between police and rebels in the hills of Chechnya left seven "
                  "dead on Sunday, officials said. Skirmishes are common in the region, but the fighting in a "
                  "valley near the border with Georgia was among the heaviest this year.")
    fights = _mentions(events, "ASSAULT")
    assert len([t for t in fights if "fighting" in t]) == 1


def test_a_headline_and_its_lead_are_one_statement(code):
    events = code("Rebel leaders welcome truce plan. "
                  "The leaders of the Movement for Justice, a rebel group in western Sudan, welcomed a plan "
                  "for a truce proposed by the mediators on Tuesday, a spokesman said.")
    support = _mentions(events, "SUPPORT")
    assert len(support) == 1 and {"welcome", "welcomed"} <= set(support[0])


def test_a_definite_description_with_a_date_of_its_own_stays_apart(code):
    events = code("Thousands of students protested in Lagos on Monday against higher fees. "
                  "The protest in Abuja on Thursday drew even larger crowds, organisers said.", published="2024-03-09")
    assert len([e for e in events if e.type == "PROTEST"]) == 2


def test_a_demand_voiced_in_a_protest_is_that_protest(code):
    events = code("Students attend a demonstration organised by the Free Campus movement demanding the return "
                  "of expelled lecturers.")
    protests = _mentions(events, "PROTEST")
    assert len(protests) == 1 and "demanding" in protests[0]
    assert not [e for e in events if e.type == "REQUEST"]


def test_a_call_about_a_protest_stays_a_request(code):
    events = code("The interior minister called for calm on Sunday after protesters blocked the main highway "
                  "into the capital.")
    assert [e for e in events if e.type == "REQUEST" and e.trigger.text == "called"]
