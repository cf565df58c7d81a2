"""The events stage end to end on sentences the project wrote."""

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures

from chronicle.events.ontology import ACLED_PARENT, PLOVER_TYPES


def test_protest_is_coded_with_mode_acled_and_cameo(code):
    events = code("Thousands of teachers marched through the capital on Monday to demand higher wages.")
    assert events, "a march by teachers is a protest event"
    top = events[0]
    assert top.type == "PROTEST"
    assert top.mode == "demo"
    assert top.acled_event_type == "Protests"
    assert top.acled_sub_event_type == "Peaceful protest"
    assert top.cameo_root == "14"


def test_trigger_and_sentence_offsets_point_at_the_text(pipeline):
    text = "Talks on the border dispute ended without result. Rebels shelled the northern town overnight."
    record = pipeline.process(text, published="2024-01-02")
    assert record.events
    for ev in record.events:
        assert record.text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        assert ev.sentence.start <= ev.trigger.start < ev.trigger.end <= ev.sentence.end
        assert ev.type in PLOVER_TYPES
        assert 0.0 <= ev.confidence <= 1.0
        if ev.acled_sub_event_type:
            assert ACLED_PARENT[ev.acled_sub_event_type] == ev.acled_event_type


def test_non_political_stories_yield_no_events(code):
    assert code("The striker scored twice as the home team beat their rivals 3-1 in the league on Sunday.") == []
    assert code("Heavy rain and a powerful storm hit the coast on Tuesday, and forecasters expect more flooding.") == []
    assert code("Shares rose sharply on Wednesday as investors welcomed strong quarterly earnings.") == []


def test_outlets_loaded_words_are_not_events(code):
    text = ("The regime's warmongering policies and its deadly presence in the region worry the people, "
            "the outlet wrote of the terrorist proxy groups.")
    assert [e.type for e in code(text)] == []


def test_most_salient_event_first(code):
    text = ("Government troops shelled rebel positions near the city on Saturday, killing six fighters. "
            "The foreign minister later said the army would keep up the pressure.")
    events = code(text)
    assert events[0].type == "ASSAULT"
    assert events[0].acled_sub_event_type == "Shelling/artillery/missile attack"


def test_article_story_first_and_background_and_claims(pipeline):
    """An article written for this test: a protest story with a past massacre and a report's claims."""
    text = (
        "Thousands of residents of southern Yemen marched through Aden on Friday against the government's "
        "handling of the currency crisis. The marchers carried portraits of relatives. "
        "Officials have long blamed outside powers for the unrest. "
        "Today is the fifth anniversary of the March 3, 2019, massacre in the port, where 40 dockworkers were "
        "killed by militiamen. According to the union's report, the militia also tortured detainees in the port."
    )
    record = pipeline.process(text, published="2024-03-03")
    events = record.events
    assert events[0].type == "PROTEST" and events[0].mode == "demo"
    massacre = next(e for e in events if e.trigger.text == "massacre")
    assert massacre.type == "ASSAULT"
    tortured = next(e for e in events if e.trigger.text == "tortured")
    assert tortured.type == "ASSAULT" and tortured.mode == "torture"
    assert tortured.attributed_to and "report" in tortured.attributed_to


def test_loaded_words_around_a_real_event_code_only_the_event(code):
    text = "The regime's terrorist proxy groups and their deadly presence were on show as militiamen shot two activists."
    events = code(text)
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].trigger.text == "shot"
