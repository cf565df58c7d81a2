"""Plans and patterns are no happenings: an event its own words date after publication is
planned ("rallies next month"), one said to recur is a pattern ("nightly raids"), an act named
as a possibility or a capacity is not done ("the likelihood of a lawsuit", "a place to land").
Sentences written for these tests."""

import pytest

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


def _asserted(events, word):
    return [e for e in events if e.trigger.text == word and not e.negated and not e.hypothetical]


def test_an_event_dated_after_publication_is_planned(pipeline):
    from chronicle.record import Article

    text = ("Police detained four opposition organisers on Monday, days before the anti-government rallies "
            "planned for next month. The union will strike on June 20, its leader said.")
    record = pipeline.process(Article(text=text, published="2024-05-08"))
    by_word = {e.trigger.text: e for e in record.events}
    assert not by_word["detained"].hypothetical
    assert "rallies" not in by_word or by_word["rallies"].hypothetical
    assert "strike" not in by_word or by_word["strike"].hypothetical


def test_a_past_act_with_a_misread_later_date_stays_asserted(pipeline):
    from chronicle.record import Article

    # the past tense wins over a date resolved after publication
    record = pipeline.process(Article(text="Riot police arrested twelve students on Friday outside the ministry.",
                                      published="2024-05-08"))
    assert [e for e in record.events if e.trigger.text == "arrested" and not e.hypothetical]


@pytest.mark.parametrize("text, word", [
    ("Villagers have lived for years with the almost nightly stream of raids by the militia.", "raids"),
    ("Residents described daily shelling of the old town by government forces.", "shelling"),
])
def test_a_recurring_pattern_is_no_event(code, text, word):
    assert not _asserted(code(text), word)


@pytest.mark.parametrize("text, word", [
    ("The senator said the vote raises the likelihood of a lawsuit against the state.", "lawsuit"),
    ("The rebels are in no position to attack the garrison this year.", "attack"),
])
def test_a_possibility_or_a_capacity_is_no_event(code, text, word):
    assert not _asserted(code(text), word)


def test_one_raid_is_still_an_event(code):
    assert _asserted(code("Militiamen raided the village on Sunday night, the governor said."), "raided")


def test_a_stance_held_is_no_event(code):
    # a present-tense relative clause on a group describes where it stands
    held = code("Ana Ruiz, who leads a residents' group that opposes the new highway, spoke at the rally on Sunday.")
    assert not [e for e in held if e.type == "REJECT"]
    # the same verb as the group's act is one
    act = code("The residents' group opposed the new highway at a council hearing on Sunday.")
    assert [e for e in act if e.type == "REJECT"]


def test_what_demonstrators_say_in_a_later_sentence_is_their_protest(pipeline):
    from chronicle.record import Article

    text = ("Hundreds of farmers marched through the capital on Monday against the new land law. "
            "The protesters demanded the resignation of the agriculture minister. "
            "Police watched from side streets and made no arrests.")
    events = pipeline.process(Article(text=text, published="2024-05-08")).events
    protests = [e for e in events if e.type == "PROTEST"]
    assert len(protests) == 1
    assert "demanded" in [m.trigger.text for m in protests[0].mentions]
    assert not [e for e in events if e.type == "REQUEST" and not e.hypothetical]
