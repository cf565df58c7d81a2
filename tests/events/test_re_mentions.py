"""An event named again later in its article ("the attack", "the demonstration") is the
same event, not a second one; a later event of its own (its own place, participants,
or a new type) stays."""

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


def _triggers(events, event_type):
    return [e.trigger.text for e in events if e.type == event_type]


def test_the_attack_named_again_is_not_a_second_attack(code):
    events = code("A rocket hit a crowded market in the northern town on Monday, killing two people, "
                  "a hospital official said. The attack came a day after talks between the parties collapsed.")
    assert _triggers(events, "ASSAULT") == ["hit"]


def test_a_demonstration_named_again_is_one_protest(code):
    events = code("Several thousand farmers rallied outside parliament, demanding lower fuel prices. "
                  "The demonstration ended peacefully in the evening.")
    assert _triggers(events, "PROTEST") == ["rallied"]


def test_a_first_mention_with_the_is_an_event(code):
    events = code("The attack on the convoy killed four soldiers near the border on Tuesday, the army said.")
    assert "ASSAULT" in {e.type for e in events}


def test_a_second_attack_with_its_own_details_stays(code):
    events = code("Gunmen killed three police officers at a checkpoint in the north on Monday. "
                  "The attack on a convoy near the capital on Tuesday killed four soldiers.")
    assert len([e for e in events if e.type == "ASSAULT"]) >= 2


def test_the_fighting_named_in_a_side_phrase_is_the_fighting_told(code):
    # the parties of the sentence ("the governor", "the minister") are not the re-mentioned fighting's own
    events = code("Two days of heavy fighting between the army and rebels in the hills ended on Sunday. "
                  "Underscoring the seriousness of the fighting, state television showed a meeting on Friday "
                  "between President Ivan Petrov and the regional governor, Ali Musayev.")
    assert _triggers(events, "ASSAULT") == ["fighting"]
    (fighting,) = [e for e in events if e.type == "ASSAULT"]
    assert fighting.trigger.start < 20
