"""Past happenings recounted as context (chronicle.events.background), on sentences written for
these tests: relative clauses on a noun and clauses of sequence recount the past; a clause hung on
a date takes that date."""

import pytest

from events_fixtures import nlp, pipeline  # noqa: F401 - session fixtures

from chronicle.events.background import framing_time, recounted_past
from chronicle.record import Article


def _token(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("sentence, word", [
    ("Ivanov, who has received asylum in Norway, spoke to reporters on Monday.", "received"),
    ("The return of the valley, which the army captured from the rebels, is not on the table.", "captured"),
    ("The operation came after villagers complained about the presence of armed men.", "complained"),
    ("The minister resigned on Friday, after parliament had rejected his budget twice.", "rejected"),
])
def test_recounted_past(nlp, sentence, word):
    assert recounted_past(_token(nlp(sentence), word))


@pytest.mark.parametrize("sentence, word", [
    ("Police arrested ten protesters in the capital on Monday.", "arrested"),
    ("The governor released a statement an hour after the ministry rejected his request.", "rejected"),
    ("Protesters, who marched through the city, will meet the mayor tomorrow.", "meet"),
    ("The minister said the talks would resume after the elections.", "resume"),
])
def test_news_is_not_recounted_past(nlp, sentence, word):
    assert not recounted_past(_token(nlp(sentence), word))


def _annotated(pipeline, text, published="2010-06-15"):
    from chronicle.stage import Annotations

    doc = next(pipeline._parsed(iter([pipeline.nlp(text, disable=pipeline._skipped_in_pipe)])))
    ann = Annotations(article=Article(text=text, published=published), doc=doc, published=published)
    for stage in pipeline.stages[:2]:  # places, times
        setattr(ann, stage.name, stage(ann))
    return ann


def test_a_when_clause_on_a_year_takes_that_year(pipeline):
    ann = _annotated(pipeline, "The dispute recalls 2004, when the government accused the mayor of fraud.")
    index = framing_time(ann, _token(ann.doc, "accused"))
    assert index is not None and ann.times[index].value == "2004"


def test_an_act_during_a_dated_war_takes_its_year(pipeline):
    ann = _annotated(pipeline, "Israel captured the plateau from Syria during the 1967 war.")
    index = framing_time(ann, _token(ann.doc, "captured"))
    assert index is not None and ann.times[index].value.startswith("1967")


def test_no_framing_date_for_news(pipeline):
    ann = _annotated(pipeline, "Rebels attacked a convoy near the border, the army said in 2010.")
    assert framing_time(ann, _token(ann.doc, "attacked")) is None


@pytest.mark.parametrize("sentence, word, shifted", [
    ("The ministry said ten people had been arrested in the raid.", "arrested", True),
    ("Officials told reporters the governor had resigned of his own accord.", "resigned", True),
    ("The army had seized the town two years before the ceasefire.", "seized", False),
    ("The ministry says ten people have been arrested.", "arrested", False),
])
def test_past_perfect_of_reported_speech(nlp, sentence, word, shifted):
    from chronicle.events.background import backshifted

    assert backshifted(_token(nlp(sentence), word)) == shifted


@pytest.mark.parametrize("sentence, word", [
    # a clause of sequence without a tense of its own
    ("The minister resigned on Monday after facing weeks of criticism from his party.", "facing"),
    # the happening the main event came after, named by a noun
    ("The two sides signed a truce following the army's offensive in the north.", "offensive"),
    # a past the verb itself calls done before the news
    ("The mayor already agreed to return the money, but the workers want more.", "agreed"),
    # a past set against a present state
    ("Some 300 soldiers are deployed in the province, even though local militias objected to their presence.",
     "objected"),
])
def test_more_ways_of_recounting_the_past(nlp, sentence, word):
    assert recounted_past(_token(nlp(sentence), word))


@pytest.mark.parametrize("sentence, word", [
    # a "where" clause on a place tells what happened there, not the place's own past
    ("The rebels withdrew to the port, where their fighters clashed with troops.", "clashed"),
    # a relative clause on a happening tells more of it, in its own time
    ("Officers sealed off the market after the incident, which drew protests from traders.", "drew"),
    # moments after is part of the news
    ("Police sealed off the square hours after the blast.", "blast"),
])
def test_clauses_that_stay_in_the_news(nlp, sentence, word):
    assert not recounted_past(_token(nlp(sentence), word))


def test_a_clause_nested_in_a_dated_frame_takes_its_date(pipeline):
    ann = _annotated(pipeline, "The quarrel recalls 1998, when the governor accused the unions of planning a strike "
                               "during talks that were broken off by the army.")
    index = framing_time(ann, _token(ann.doc, "broken"))
    assert index is not None and ann.times[index].value == "1998"


def test_an_act_at_a_dated_meeting_takes_the_meetings_day(pipeline):
    ann = _annotated(pipeline, "At the donors' conference on June 4, the government pledged new funds.")
    index = framing_time(ann, _token(ann.doc, "pledged"))
    assert index is not None and ann.times[index].value == "2010-06-04"


def test_an_act_during_a_named_war_takes_its_year(pipeline):
    ann = _annotated(pipeline, "The village was burned by troops during the 1971 Liberation War.")
    index = framing_time(ann, _token(ann.doc, "burned"))
    assert index is not None and ann.times[index].value.startswith("1971")


@pytest.mark.parametrize("sentence, word, response", [
    # what a happening came to: talks that failed are over
    ("Union leaders welcomed the collapse of the wage talks with the ministry.", "talks", "collapse"),
    # a happening already known, the topic of a response to it
    ("The cabinet met to discuss the court's indictment of the governor.", "indictment", "discuss"),
])
def test_a_happening_named_as_known_came_before_the_response(nlp, sentence, word, response):
    from chronicle.events.background import presupposed_happening

    found = presupposed_happening(_token(nlp(sentence), word))
    assert found is not None and found.text == response


@pytest.mark.parametrize("sentence, word", [
    ("Rebels launched the attack at dawn.", "attack"),  # the act itself, not a response to it
    ("The cabinet met to discuss an indictment of the governor.", "indictment"),  # not named as known
])
def test_a_happening_told_as_it_happens_is_not_presupposed(nlp, sentence, word):
    from chronicle.events.background import presupposed_happening

    assert presupposed_happening(_token(nlp(sentence), word)) is None


@pytest.mark.parametrize("text, word, over_years", [
    ("Over the past decade, gunmen have ambushed dozens of aid convoys in the valley.", "ambushed", True),
    ("In recent years the authorities detained hundreds of students.", "detained", True),
    ("Within the last few years, the junta was able to seize most of the mines.", "seize", True),
    ("The court jailed the editor for five years on Monday.", "jailed", False),
    ("Foreign donors have funded the dam for the past two decades.", "funded", True),
    ("Soldiers detained the students on Monday, the largest sweep in recent years.", "detained", False),
    ("The ministry will build ten new bases in the next two years.", "build", False),
])
def test_acts_told_over_past_years_are_no_one_day_happening(pipeline, text, word, over_years):
    from chronicle.events.background import told_over_years

    ann = _annotated(pipeline, text)
    assert told_over_years(ann, _token(ann.doc, word)) is over_years


def test_an_act_told_over_past_years_is_background_with_no_day(pipeline):
    record = pipeline.process("Over the past decade, gunmen have ambushed dozens of aid convoys in the valley.",
                              published="2010-06-15")
    ambush = next(e for e in record.events if e.trigger and e.trigger.text == "ambushed")
    assert ambush.historical and ambush.date is None
