"""One happening told by several acts in one sentence, or named again in another tense, is one
event (identity.py): a protest and the force that put it down, an accusation and the deeds it
charges, "the talks" told again after "negotiations". Written for these tests, parsed by spaCy."""

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


def _mentioned(event):
    return [m.trigger.text for m in event.mentions]


def _holding(events, word):
    return [e for e in events if word in _mentioned(e)]




def test_a_protest_smashed_by_police_is_one_event_with_both_passages(code):
    events = code("Rights groups recalled the student marches that were smashed by riot police in the capital in 2011.")
    (smashed,) = _holding(events, "smashed")
    assert "marches" in _mentioned(smashed)
    assert not [e for e in events if e is not smashed and e.type == "PROTEST"]


def test_a_protest_with_no_force_against_it_stays_a_protest(code):
    events = code("Thousands of teachers rallied outside parliament on Monday, and police arrested two "
                  "journalists in another city.")
    assert any(e.type == "PROTEST" for e in events)


def test_what_an_accusation_charges_is_its_content(code):
    # (the parser hangs "by offering" on "accused"; the charge is still what "of" brings in)
    events = code("Opposition leaders accused the governor of breaking election law by offering support to a "
                  "rival candidate on local radio.")
    (accusation,) = _holding(events, "accused")
    assert accusation.type == "ACCUSE"
    assert "offering" in _mentioned(accusation)
    assert len(_holding(events, "offering")) == 1


def test_an_act_beside_an_accusation_stays_its_own(code):
    events = code("Opposition leaders accused the governor of fraud and threatened to expel him from the party.")
    assert any(e.type == "THREATEN" and "accused" not in _mentioned(e) for e in events)


def test_the_talks_told_again_in_the_past_tense_are_the_negotiations(code):
    events = code("Officials in Kampala welcomed the collapse of the negotiations between Uganda and the rebels "
                  "on Monday. \"Many of us were glad to hear that the talks between Uganda and the rebels had "
                  "broken down,\" one official said.")
    consults = [e for e in events if e.type == "CONSULT"]
    assert len(consults) == 1
    assert {"negotiations", "talks"} <= set(_mentioned(consults[0]))


def test_the_shooting_named_again_is_a_mention_of_it_not_lost(code):
    events = code("Gunmen opened fire on a police patrol in the old town on Sunday, wounding four officers. "
                  "The shooting came hours after the mayor resigned.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    assert "shooting" in _mentioned(assaults[0])


def test_a_refusal_and_the_answer_to_it_are_two_acts_of_two_speakers(code):
    # both name the governor, but as the speaker of one and the target of the other
    events = code("Governor Ruth Lee rejects federal cash after second rebuff. Governor Ruth Lee said Friday she "
                  "would not take the money. Budget director Tom Reyes denied her request to use the money for "
                  "school debt on Thursday.")
    rejections = [e for e in events if e.type == "REJECT" and not e.negated and not e.hypothetical]
    assert {"rejects", "denied"} <= {e.trigger.text for e in rejections}
    assert not any({"rejects", "denied"} <= set(_mentioned(e)) for e in rejections)


def test_one_speakers_refusal_told_twice_is_one_act(code):
    events = code("Governor Ruth Lee rejected the federal cash on Friday. Lee rejected the money because it would "
                  "add to the state's debt, her office said.")
    rejections = [e for e in events if e.type == "REJECT"]
    assert len(rejections) == 1


def test_two_agreements_by_different_parties_stay_two(code):
    # the Serbian minister is of the same kind and country as "Belgrade", the alliance's counterpart:
    # that is no reason to take the ministers' commitment for the alliance's agreement
    events = code("NATO agreed to resume military contacts with Belgrade, officials said. Serbian Foreign Minister "
                  "Ivan Markovic and Hungarian Foreign Minister Peter Kovacs committed the two countries to build "
                  "a new pipeline.")
    agreements = [e for e in events if e.type == "AGREE"]
    assert len(agreements) == 2


def test_the_shooting_told_bare_in_a_present_sentence_is_the_shooting_of_1994(code):
    # "the shooting" has nothing of its own; its sentence's tense is not its own time frame
    events = code("Union organiser Mark Ross was shot dead in a factory parking lot in 1994. Police never found "
                  "the gun. A grey van was seen circling the lot minutes before the shooting, a guard said.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    assert {"shot", "shooting"} <= set(_mentioned(assaults[0]))
    assert assaults[0].trigger.text == "shot" and assaults[0].date == "1994"
