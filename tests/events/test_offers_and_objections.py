"""Readings that depend on how an act is put. Being "prepared" or "ready" to act offers it (AGREE
for a concession, THREATEN for a measure held over someone); planning to impose a measure
threatens it; vowing to fight is a threat even when the parser hangs "to fight" as an adverbial.
An objection voiced by one body ("the ministry protested the arrest") is an accusation, a crowd
that protests demonstrates. Letting a rally go ahead is a concession. Sentences written for
these tests."""

import pytest

from events_fixtures import code, pipeline  # noqa: F401 - session fixtures


def _first_type(events):
    return events[0].type if events else None


@pytest.mark.parametrize("text, event_type", [
    ("The president said he is prepared to lift the ban on the banned party.", "AGREE"),
    ("The government announced that it is prepared to impose martial law in the province.", "THREATEN"),
    ("Greece plans to impose restrictions on its labour market for new members.", "THREATEN"),
    ("The rebels have sworn to fight until they gain control of the villages.", "THREATEN"),
    ("Farmers said they would blockade the capital from Monday to demand an end to the reform.", "THREATEN"),
    ("The authorities have been pressuring the bus workers to cancel the strike.", "REQUEST"),
    ("The minister allowed the opposition leader to hold a rally in the city.", "CONCEDE"),
])
def test_offers_threats_and_concessions(code, text, event_type):
    assert _first_type(code(text)) == event_type


@pytest.mark.parametrize("text, event_type", [
    ("A human rights group protested on Wednesday against the treatment of refugees.", "ACCUSE"),
    ("The foreign ministry protested the arrest of its diplomat.", "ACCUSE"),
    ("Thousands of students protested in the capital on Monday.", "PROTEST"),
    ("Farmers protested outside parliament against the new tax.", "PROTEST"),
])
def test_one_voice_objects_a_crowd_demonstrates(code, text, event_type):
    assert _first_type(code(text)) == event_type


@pytest.mark.parametrize("text, event_type", [
    # a hostile act held over a condition is a threat, whatever the verb
    ("The union may halt its mediation efforts if the parties refuse to cooperate.", "THREATEN"),
    ("The ministry said it will cut aid to the region if the attacks continue.", "THREATEN"),
    # getting ready to resume an attack mobilises for it
    ("The army prepared to resume shelling rebel-held villages as talks stalled.", "MOBILIZE"),
    # a reminder that someone must act is a demand
    ("The president issued a stern reminder to the neighbouring state that it must cooperate with the inspectors.",
     "REQUEST"),
    # relief handed over is aid, not a release
    ("Volunteer doctors handed over 500 kg of medicine to the local hospital.", "AID"),
    ("The two delegations reached a consensus to exchange information on water resources.", "AGREE"),
    ("Border guards sexually abused migrants at the crossing, a rights group charged on Saturday.", "ASSAULT"),
])
def test_conditions_preparations_and_goods(code, text, event_type):
    assert _first_type(code(text)) == event_type


@pytest.mark.parametrize("text, event_type", [
    # a wish for another's act appeals for it; a wish for one's own act is intent
    ("The two envoys said they hoped that the parliament would soon ratify the treaty.", "REQUEST"),
    ("The minister said he hoped he would visit the capital next year.", "AGREE"),
])
def test_a_wish_for_anothers_act_is_a_request(code, text, event_type):
    assert _first_type(code(text)) == event_type
