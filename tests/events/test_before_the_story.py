"""Background told as context is historical with its own date: what its own words date before
the story's news (the leading news's own day, or a month that ended before publication),
and a verb that shares a past perfect's "had" ("had accused him ... and threatened")."""

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


def _by_trigger(events, word):
    return [e for e in events if any(m.trigger.text == word for m in e.mentions)]


def test_what_happened_a_week_before_the_lead_is_background(code):
    events = code("The governor of the northern province resigned on Saturday after a week of protests, "
                  "officials said. On March 1, he denied reports that he would quit.",
                  published="2024-03-10")
    resigned, denied = _by_trigger(events, "resigned"), _by_trigger(events, "denied")
    assert resigned and not resigned[0].historical
    assert denied and denied[0].historical and denied[0].date == "2024-03-01"
    news_first = [e.historical for e in events]
    assert news_first == sorted(news_first)


def test_a_roundup_of_the_last_days_stays_news(code):
    events = code("Police arrested twelve students in the capital on Saturday, officials said. "
                  "On Thursday, soldiers killed three rebels in a raid on a camp near the border.",
                  published="2024-03-10")
    arrests = [e for e in events if e.type == "COERCE"]
    raids = [e for e in events if e.type == "ASSAULT" and e.date == "2024-03-07"]
    assert arrests and not arrests[0].historical
    assert raids and not any(e.historical for e in raids)


def test_last_month_is_background_without_a_dated_lead(code):
    events = code("Thousands of teachers rallied outside the parliament last month to demand higher pay, "
                  "and the union says it is ready to strike.", published="2024-03-10")
    rallies = [e for e in events if e.type == "PROTEST" and e.date == "2024-02"]
    assert rallies and all(e.historical for e in rallies)


def test_a_conjunct_shares_the_past_perfect(code):
    events = code("Party leaders had accused the mayor of fraud and threatened to expel him from the party, "
                  "so he resigned on Friday.", published="2024-03-10")
    threats = _by_trigger(events, "threatened")
    assert threats and all(e.historical for e in threats)
