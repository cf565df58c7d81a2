"""date_event: each event dated by the words of its own clause."""

import pytest

from chronicle.record import Article
from chronicle.stage import Annotations
from chronicle.times import TimeStage
from chronicle.events.dating import date_event


@pytest.fixture(scope="module")
def stage():
    return TimeStage()


@pytest.fixture(scope="module")
def dated(nlp, stage):
    """dated(text, published, trigger word) -> EventDating of the first token with that text."""

    def run(text, published, word):
        doc = nlp(text)
        ann = Annotations(article=Article(text=text), doc=doc, published=published)
        ann.times = stage(ann)
        tok = next(t for t in doc if t.text == word)
        result = date_event(ann, tok.sent, tok)
        return result, ann

    return run


def test_anniversary_piece_dates_the_old_killing_to_its_own_day(dated):
    text = ("Today is the seventh anniversary of the September 1, 2013, massacre in Camp Ashraf, "
            "where 52 residents were killed by soldiers.")
    for word in ("killed", "massacre"):
        d, ann = dated(text, "2020-09-01", word)
        assert (d.date, d.date_precision, d.historical) == ("2013-09-01", "day", True), word
        assert ann.times[d.time_index].text == "September 1, 2013"


def test_each_clause_takes_its_own_date(dated):
    text = "The protesters, who were arrested on Monday, marched again on Friday."
    marched, ann = dated(text, "2021-03-13", "marched")
    arrested, _ = dated(text, "2021-03-13", "arrested")
    assert marched.date == "2021-03-12"
    assert arrested.date == "2021-03-08"
    assert not marched.historical and not arrested.historical


def test_undated_current_report_takes_the_publication_date(dated):
    d, _ = dated("Police fired tear gas at the crowd outside the ministry.", "2021-03-10", "fired")
    assert (d.date, d.date_precision, d.time_index, d.historical) == ("2021-03-10", "day", None, False)


def test_past_perfect_is_background_without_a_date(dated):
    d, _ = dated("The militia had seized the town before the army arrived.", "2021-03-10", "seized")
    assert d.date is None and d.historical


def test_future_event_is_not_dated_by_publication(dated):
    d, _ = dated("The two ministers will sign the accord.", "2021-03-10", "sign")
    assert d.date is None and not d.historical


def test_islamic_month_gives_a_range_near_publication(dated):
    d, _ = dated("Protests during Muharram spread to Basra and Nasiriyah.", "2020-09-01", "spread")
    assert (d.date, d.date_end, d.historical) == ("2020-08-20", "2020-09-18", False)


def test_uprising_that_began_a_year_before_is_background(dated):
    d, _ = dated("The uprising began in October 2019 and toppled the cabinet.", "2020-09-01", "began")
    assert (d.date, d.date_precision, d.historical) == ("2019-10", "month", True)


def test_recent_week_is_news(dated):
    d, _ = dated("Troops were deployed to the border two weeks ago.", "2021-03-10", "deployed")
    assert (d.date, d.date_end, d.date_precision, d.historical) == ("2021-02-22", "2021-02-28", "day", False)


def test_centuries_ago_is_historical_at_year_precision(dated):
    d, _ = dated("The shrine was built almost 14 centuries ago.", "2020-09-01", "built")
    assert d.historical and d.date_precision == "year" and d.date.startswith("06")


def test_in_the_past_is_background_and_currently_is_now(dated):
    past, _ = dated("Such raids were common in the past.", "2021-03-10", "were")
    now, _ = dated("Activists are currently protesting outside parliament.", "2021-03-10", "protesting")
    assert past.historical and past.date is None
    assert (now.date, now.historical) == ("2021-03-10", False)


def test_a_date_on_a_noun_dates_that_noun_not_the_clause(dated):
    text = "Survivors of the 2013 massacre marched through Baghdad."
    massacre, _ = dated(text, "2020-09-01", "massacre")
    assert (massacre.date, massacre.date_precision, massacre.historical) == ("2013", "year", True)
    marched, _ = dated(text, "2020-09-01", "marched")
    assert (marched.date, marched.historical) == ("2020-09-01", False)
    # a date on the verb's own subject does date the verb
    attack, _ = dated("Friday's attack killed 20 people.", "2021-03-10", "killed")
    assert attack.date == "2021-03-05"


def test_relative_clause_keeps_its_own_time_and_not_the_main_clause(dated):
    text = "The imam, who fought for justice and was killed almost 14 centuries ago, is mourned during Muharram."
    fought, ann = dated(text, "2020-09-01", "fought")
    assert fought.historical and ann.times[fought.time_index].text == "almost 14 centuries ago"
    mourned, ann = dated(text, "2020-09-01", "mourned")
    assert ann.times[mourned.time_index].text == "Muharram" and not mourned.historical


def test_since_keeps_the_start_at_its_precision_and_runs_to_publication(dated):
    d, _ = dated("Protests have continued since October 2019 in the capital.", "2020-09-01", "continued")
    assert (d.date, d.date_precision, d.date_end, d.historical) == ("2019-10", "month", "2020-09", False)


def test_from_to_range_gives_both_ends(dated):
    d, _ = dated("The governor ruled the province from 2010 to 2012.", "2021-03-10", "ruled")
    assert (d.date, d.date_precision, d.date_end, d.historical) == ("2010", "year", "2012", True)


@pytest.mark.parametrize("dateline", ["SANAA, Jan 18 —", "NAIROBI, Kenya, January 18 (Reuters) -", "Jan. 18, 2022 --"])
def test_the_datelines_day_is_the_day_of_writing_not_the_events(dated, dateline):
    text = f"{dateline} An air strike hit a crowded market in the northern province on Monday, killing nine civilians."
    hit, ann = dated(text, "2022-01-18", "hit")
    assert (hit.date, hit.date_precision) == ("2022-01-17", "day")
    assert ann.times[hit.time_index].text == "Monday"


def test_a_sentence_dated_only_by_its_dateline_takes_the_publication_day(dated):
    text = "SANAA, Jan 18 — Rebels shelled the city's outskirts, residents said."
    shelled, _ = dated(text, "2022-01-18", "shelled")
    assert shelled.date == "2022-01-18" and shelled.time_index is None and not shelled.historical


def test_a_date_after_the_opening_is_not_a_dateline(dated):
    text = "Protesters said on Jan 18 - the day the law passed - that police beat them."
    beat, ann = dated(text, "2022-01-20", "said")
    assert beat.date == "2022-01-18" and ann.times[beat.time_index].text == "Jan 18"


def test_an_event_framed_by_a_duration_is_coded_without_a_failure():
    """A clause hung on a stretch of time that names no calendar date ("a third straight day
    of marches") still yields its event, undated rather than lost or misdated."""
    from chronicle.pipeline import Pipeline

    text = ("Thousands of students marched through the capital for a third straight day of protests "
            "on Sunday after the court freed the officer. The marches began on Friday.")
    record = Pipeline().process(text, published="2024-05-12")
    assert record.error is None
    assert any(e.type == "PROTEST" for e in record.events)


def test_what_came_before_a_dated_event_is_background_in_its_month(dated):
    d, _ = dated("The minister resigned on Monday after facing weeks of criticism from his party.",
                 "2021-03-10", "criticism")
    assert d.historical and (d.date, d.date_precision) == ("2021-03", "month")
    resigned, _ = dated("The minister resigned on Monday after facing weeks of criticism from his party.",
                        "2021-03-10", "resigned")
    assert (resigned.date, resigned.historical) == ("2021-03-08", False)


def test_moments_after_keeps_the_days_date(dated):
    d, _ = dated("Police fired tear gas on Monday, an hour after protesters blocked the road.",
                 "2021-03-10", "blocked")
    assert (d.date, d.historical) == ("2021-03-08", False)


def test_a_perfect_told_from_a_reference_time_is_news(dated):
    d, _ = dated("As of Tuesday evening, the army had evacuated six villages.", "2021-03-10", "evacuated")
    assert (d.date, d.historical) == ("2021-03-09", False)
    older, _ = dated("On Tuesday the army had evacuated six villages.", "2021-03-10", "evacuated")
    assert older.historical


def test_earlier_this_month_frames_background(dated):
    d, _ = dated("Earlier this month, a coalition of unions staged a strike at the port.", "2021-03-25", "staged")
    assert d.historical and d.date == "2021-03"


def test_a_scheduled_act_is_a_plan(dated):
    d, _ = dated("The talks will run until Friday, when the treaty is to be signed.", "2021-03-10", "signed")
    assert d.future and not d.historical


def test_currently_does_not_date_a_past_concession(dated):
    d, _ = dated("Some 300 soldiers are currently deployed in the province, although local militias "
                 "objected to their presence.", "2021-03-10", "objected")
    assert d.historical and d.date is None


def test_a_later_day_does_not_date_a_finished_act(dated):
    # the parse may hang a clause's date on the wrong verb; a day after publication cannot date "has criticized"
    d, _ = dated("The writer - whose new play opens on Friday - has criticized a law on protests.",
                 "2021-03-10", "criticized")
    assert d.date != "2021-03-12" and not d.future


def test_a_relative_clause_on_a_happening_takes_the_happenings_date(dated):
    text = "Police questioned witnesses to the 2015 bombing, which killed nine people."
    d, _ = dated(text, "2021-03-10", "killed")
    assert d.historical and d.date == "2015"


def test_undated_past_takes_the_storys_named_day(dated):
    text = ("Hundreds of mourners gathered in the town yesterday. The bishop told them the killers "
            "would not win. Traders closed their shops.")
    d, _ = dated(text, "2021-03-10", "told")
    assert (d.date, d.historical) == ("2021-03-09", False)
    present, _ = dated("Hundreds of mourners gathered in the town yesterday. The bishop says the killers "
                       "will not win.", "2021-03-10", "says")
    assert present.date == "2021-03-10"


def test_a_day_named_in_a_description_is_not_the_storys_day(dated):
    text = "The activist, who was detained on Monday, spoke to reporters. Supporters marched to the court."
    d, _ = dated(text, "2021-03-10", "marched")
    assert d.date == "2021-03-10"


def test_years_after_leaves_the_earlier_act_undated(dated):
    d, _ = dated("The minister resigned on Monday, two years after the army took the town.", "2021-03-10", "took")
    assert d.historical and d.date is None


def test_a_statement_after_a_meeting_is_made_on_it(dated):
    d, _ = dated("The envoy said on Monday after the meeting that progress was made.", "2021-03-10", "meeting")
    assert (d.date, d.historical) == ("2021-03-08", False)


def test_days_after_is_a_stretch_not_the_same_story(dated):
    text = "The suspect crossed the border on Friday, days after a sniper killed a doctor in his kitchen."
    d, _ = dated(text, "2021-03-10", "killed")
    assert d.historical and d.date is None
    same, _ = dated("Police sealed the street on Friday, hours after a sniper killed a doctor.", "2021-03-10", "killed")
    assert (same.date, same.historical) == ("2021-03-05", False)


def test_an_act_inside_a_relative_clause_on_a_dated_speech_takes_its_year(dated):
    text = ("The senator recalled that in 2004 the mayor made a speech which amounted to accusing him of fraud.")
    d, _ = dated(text, "2021-03-10", "accusing")
    assert d.historical and d.date == "2004"


def test_without_a_publication_date_news_stays_undated(dated):
    # a malformed `published` ("17 Decembe") reaches dating as None: no day is guessed
    text = "Mourners gathered in the town on Monday. The bishop told them the killers would not win."
    for word in ("gathered", "told"):
        d, _ = dated(text, None, word)
        assert d.date is None and not d.historical, word


# -- an undated act placed after a past the article has already told -----------------------------

_TOLD_BEFORE = ("Farmers blocked the ring road on Saturday. The council was chosen in a runoff on March 2. "
                "After the runoff, the new council refused to cut the diesel tax.")


def test_an_act_after_a_happening_dated_before_the_story_is_background_in_its_month(dated):
    d, ann = dated(_TOLD_BEFORE, "2021-03-14", "refused")
    assert d.historical and (d.date, d.date_precision) == ("2021-03", "month")
    assert ann.times[d.time_index].text == "March 2"
    lead, _ = dated(_TOLD_BEFORE, "2021-03-14", "blocked")
    assert (lead.date, lead.historical) == ("2021-03-13", False)


def test_an_act_after_a_happening_of_the_storys_own_days_is_news(dated):
    text = ("Riot police clashed with farmers on Saturday near the ring road. "
            "After the clashes, the interior minister resigned.")
    d, _ = dated(text, "2021-03-14", "resigned")
    assert (d.date, d.historical) == ("2021-03-13", False)


_GOES_ON = ("Thousands of teachers marched in the capital on Friday. The general seized power in 2015 after a "
            "disputed vote. His successor promised free elections but broke the promise. "
            "Police said the march was peaceful.")


def test_a_main_clause_going_on_from_a_sentence_dated_long_before_is_background(dated):
    for word in ("promised", "broke"):
        d, _ = dated(_GOES_ON, "2021-03-13", word)
        assert d.historical and (d.date, d.date_precision) == ("2015", "year"), word


def test_a_statement_after_a_dated_past_is_still_the_reporters_news(dated):
    said, _ = dated(_GOES_ON, "2021-03-13", "said")
    assert (said.date, said.historical) == ("2021-03-12", False)
    text = "Thousands of teachers marched in the capital on Friday. Police arrested six of them near the palace."
    arrested, _ = dated(text, "2021-03-13", "arrested")
    assert (arrested.date, arrested.historical) == ("2021-03-12", False)


def test_a_gerund_after_clause_without_a_stretch_is_the_same_story(dated):
    text = "The former premier joined the march after ignoring a house arrest order in his home town."
    d, _ = dated(text, "2021-03-10", "ignoring")
    assert (d.date, d.historical) == ("2021-03-10", False)
    dated_main, _ = dated("The former premier joined the march on Monday after ignoring a house arrest order.",
                          "2021-03-10", "ignoring")
    assert (dated_main.date, dated_main.historical) == ("2021-03-08", False)


def test_a_headlines_present_tells_the_storys_day(dated):
    text = ("Nurses strike over unpaid wages. Hundreds of nurses walked out of the city hospital on Friday. "
            "The union says talks will resume.")
    march, _ = dated(text, "2021-03-15", "strike")
    assert (march.date, march.historical) == ("2021-03-12", False)
    says, _ = dated(text, "2021-03-15", "says")  # the present of the body is the day of writing
    assert says.date == "2021-03-15"


def test_a_happening_named_as_known_is_background_no_finer_than_the_responses_month(dated):
    text = "Farmers blocked the ring road on Saturday. Union leaders have welcomed the collapse of the wage talks."
    d, _ = dated(text, "2021-03-14", "talks")
    assert d.historical and (d.date, d.date_precision) == ("2021-03", "month")


def test_an_act_after_a_happening_told_by_its_verb_takes_its_date(dated):
    text = ("Police arrested five men in the capital on Monday. The group bombed a market in 2007. "
            "Its leader escaped to the hills after the bombing.")
    d, ann = dated(text, "2021-03-10", "escaped")
    assert d.historical and d.date == "2007" and ann.times[d.time_index].text == "2007"


def test_a_reaction_after_a_dated_past_is_the_storys_news(dated):
    text = ("Police arrested five men in the capital on Monday. The group bombed a market in 2007 and fled abroad. "
            "Officers blamed the men for a string of robberies.")
    d, _ = dated(text, "2021-03-10", "blamed")
    assert (d.date, d.historical) == ("2021-03-08", False)
