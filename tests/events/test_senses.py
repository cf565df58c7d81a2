"""Uses of trigger words that report no event of the lexicon's type (chronicle.events.senses),
on real spaCy parses of sentences written for these tests; each rule is checked both ways."""

import pytest

from events_fixtures import code, nlp, pipeline  # noqa: F401 - session fixtures

from chronicle.events.senses import excluded_reading


def _reading(nlp, sentence, word, event_type):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    return excluded_reading(token, event_type)


@pytest.mark.parametrize("sentence, word, event_type", [
    ("The council will vote on the budget in March, officials said.", "March", "PROTEST"),
    ("Floods closed roads in Grant County on Tuesday.", "Grant", "AID"),
    ("Jane Doe, the officer in charge of the border unit, said the road was open.", "charge", "ACCUSE"),
    ("The two firms are demonstrating their faith in the region by building new offices.", "demonstrating", "PROTEST"),
    ("The recession struck just weeks after the merger was completed.", "struck", "ASSAULT"),
    ("When the financial crisis struck, the bank was already weak.", "struck", "PROTEST"),
    ("The investor group took over the bakery chain last year.", "took", "ASSAULT"),
    ("She took over as chief executive in January.", "took", "ASSAULT"),
    ("The gang committed several robberies in the port city.", "committed", "AGREE"),
    ("The ministry released a statement on the talks on Friday.", "released", "RETREAT"),
    ("Water poured out of an old coal mine near the highway.", "mine", "ASSAULT"),
    ("Keen gardeners gather every spring for the flower show.", "gather", "PROTEST"),
    ("The two countries are locked in a trade battle over steel tariffs.", "battle", "ASSAULT"),
    ("The mayor vowed to continue the fight against poverty in the city.", "fight", "ASSAULT"),
    ("The official asked not to be named because he was not authorised to speak.", "asked", "REQUEST"),
])
def test_not_an_event_of_that_type(nlp, sentence, word, event_type):
    assert _reading(nlp, sentence, word, event_type) is not None


@pytest.mark.parametrize("sentence, word, event_type", [
    ("Thousands of people march through the capital every year on Labour Day.", "march", "PROTEST"),
    ("Prosecutors filed a charge of fraud against the former minister.", "charge", "ACCUSE"),
    ("Hundreds of students demonstrated outside the parliament on Monday.", "demonstrated", "PROTEST"),
    ("An air strike hit a school in the north of the province.", "hit", "ASSAULT"),
    ("Bus drivers struck for higher pay on Tuesday.", "struck", "PROTEST"),
    ("Rebels took over the town after two days of fighting.", "took", "ASSAULT"),
    ("The government committed troops to the peacekeeping mission.", "committed", "AGREE"),
    ("Militants released two hostages on Sunday.", "released", "RETREAT"),
    ("A soldier was killed when his vehicle struck a mine on the road to the border.", "mine", "ASSAULT"),
    ("Protesters gathered outside the embassy to denounce the arrests.", "gathered", "PROTEST"),
    ("The battle for the city lasted three weeks, the army said.", "battle", "ASSAULT"),
    ("The union asked the government to raise wages.", "asked", "REQUEST"),
])
def test_still_an_event(nlp, sentence, word, event_type):
    assert _reading(nlp, sentence, word, event_type) is None


@pytest.mark.parametrize("sentence, word, event_type, excluded", [
    ("The country has no missiles capable of reaching the coast.", "missiles", "ASSAULT", True),
    ("Militants fired two rockets at the town on Sunday.", "rockets", "ASSAULT", False),
    ("A bomb that exploded near the bus killed four people.", "bomb", "ASSAULT", False),
    ("The new law bars the city from closing the shelters.", "bars", "COERCE", True),
    ("The resolution calls for a referendum on the border.", "calls", "REQUEST", True),
    ("The mayor calls for a referendum on the border.", "calls", "REQUEST", False),
    ("The treaty requires members to restrict arms sales.", "restrict", "COERCE", True),
    ("Police restricted access to the square on Friday.", "restricted", "COERCE", False),
])
def test_things_and_documents(nlp, sentence, word, event_type, excluded):
    assert (_reading(nlp, sentence, word, event_type) is not None) == excluded


def test_what_a_law_named_before_says(nlp):
    assert _reading(nlp, "Since 2000 the state has had a marriage act, which bars officials from recognising such unions.",
                    "bars", "COERCE") is not None


def test_a_danger_faced_and_a_story_told_are_no_events(code):
    faced = code("The minister said the country understands the scale of the threat that faces its northern province.")
    assert not [e for e in faced if e.type == "THREATEN" and e.trigger.text == "threat"]
    plot = code("The new film tells the story of a farmer who meets a wounded soldier and hides him from the army.")
    assert not [e for e in plot if e.trigger.text in ("meets", "hides")]
    # a threat made is still one; a series of attacks is still attacks
    made = code("The rebel commander issued a threat to shell the port if the navy did not withdraw.")
    assert [e for e in made if e.type == "THREATEN"]
    series = code("A series of attacks on police posts killed nine officers in the south on Monday.")
    assert [e for e in series if e.type == "ASSAULT" and not e.hypothetical and not e.negated]


def test_a_question_asked_is_no_request(code):
    question = code('"Who gave the order to fire?" the opposition leader asked.')
    assert not [e for e in question if e.type == "REQUEST" and e.trigger.text == "asked"]
    whether = code("The senator asked whether the army had been told about the raid.")
    assert not [e for e in whether if e.type == "REQUEST" and e.trigger.text == "asked"]
    # asking someone to act, or asking for something, is a request
    told = code("The opposition leader asked the army to withdraw from the university campus.")
    assert [e for e in told if e.type == "REQUEST" and e.trigger.text == "asked"]
    wanted = code("The families asked for the return of the bodies of the miners.")
    assert [e for e in wanted if e.type == "REQUEST" and e.trigger.text == "asked"]


def test_what_a_reform_aims_at_is_no_request(code):
    events = code("The proposed electoral reforms seek to cut the number of seats in the upper house.")
    assert not [e for e in events if e.type == "REQUEST" and not e.hypothetical]
