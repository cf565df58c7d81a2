"""The tagger over the project's annotated sentences, and behaviours one by one."""

from pathlib import Path

import pytest

from chronicle.times.evaluate import evaluate_timex, load_annotated

FIXTURE = Path(__file__).parent / "fixtures" / "timex_sentences.yaml"
DOCS = load_annotated(FIXTURE)


def _find(times, text):
    hits = [t for t in times if text in t.text or t.text in text]
    assert hits, f"{text!r} not tagged in {[t.text for t in times]}"
    return hits[0]


@pytest.mark.parametrize("doc", DOCS, ids=[d.text[:50] for d in DOCS])
def test_annotated_sentence(doc, tag):
    times = tag(doc.text, doc.published)
    # wrappers around another expression (anchored offsets) are extra, as in evaluation
    times = [s for s in times if not any(o is not s and s.start <= o.start and o.end <= s.end for o in times)]
    for gold in doc.gold:
        overlapping = [t for t in times if t.start < gold.end and gold.start < t.end]
        assert overlapping, f"missed {gold.text!r}"
        t = overlapping[0]
        assert (t.type, t.value) == (gold.type, gold.value), gold.text
        assert doc.text[t.start: t.end] == t.text
        for attr in ("mod", "range_start", "range_end"):
            if getattr(gold, attr) is not None:
                assert getattr(t, attr) == getattr(gold, attr), (gold.text, attr)
    assert len(times) == len(doc.gold), [t.text for t in times]


def test_evaluation_reports_value_f1(nlp):
    result = evaluate_timex(DOCS, nlp=nlp)
    assert result["gold"] == sum(len(d.gold) for d in DOCS)
    assert 0.0 <= result["value_f1"] <= 1.0
    assert result["value_f1"] >= 0.9


def test_evaluation_counts_misses_and_wrong_values(nlp):
    from chronicle.times.evaluate import GoldTimex, TimexDoc

    text = "The vote was held on Friday."
    doc = TimexDoc(text=text, published="2021-03-10",
                   gold=[GoldTimex(21, 27, "DATE", "2021-03-12", "Friday"), GoldTimex(4, 8, "DATE", "2021", "vote")])
    result = evaluate_timex([doc], nlp=nlp)
    assert result["relaxed_recall"] == 0.5  # "vote" is no expression
    assert result["value_f1"] == 0.0  # Friday in a past clause is the 5th, not the 12th
    kinds = sorted(e["kind"] for e in result["errors"])
    assert kinds == ["missed", "value"]


def test_timeml_reader(tmp_path):
    from chronicle.times.evaluate import read_timeml

    tml = tmp_path / "doc.tml"
    tml.write_text(
        '<?xml version="1.0"?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-05" '
        'functionInDocument="CREATION_TIME">02/05/98</TIMEX3></DCT><TEXT>Sales fell <TIMEX3 tid="t1" '
        'type="DATE" value="1997">last year</TIMEX3> &amp; rose <TIMEX3 tid="t2" type="DATE" value="PRESENT_REF">now'
        '</TIMEX3>.</TEXT></TimeML>', encoding="utf-8")
    (doc,) = read_timeml(tml)
    assert doc.published == "1998-02-05"
    assert doc.text == "Sales fell last year & rose now."
    assert [(g.text, g.value) for g in doc.gold] == [("last year", "1997"), ("now", "PRESENT_REF")]


def test_offsets_index_the_text(tag):
    text = "Two days later, on 4 June 2011, troops — who had arrived in early May — left for three weeks."
    for t in tag(text, "2011-06-10"):
        assert text[t.start: t.end] == t.text


def test_tense_sets_direction_of_weekdays(tag):
    past = _find(tag("The committee met on Monday.", "2021-03-10"), "Monday")
    future = _find(tag("The committee will meet on Monday.", "2021-03-10"), "Monday")
    assert past.value == "2021-03-08"
    assert future.value == "2021-03-15"


def test_anniversary_takes_the_value_of_the_dated_event(tag):
    text = "Veterans marked the 50th anniversary of the 1971 war."
    anniversary = _find(tag(text, "2021-12-16"), "the 50th anniversary")
    assert anniversary.value == "2021"
    assert anniversary.anchor == "1971"


def test_anchored_offset_from_a_dated_event(tag):
    times = tag("Riots broke out three days after the March 3 vote.", "2021-03-10")
    derived = [t for t in times if t.text.startswith("three days after")]
    assert derived and derived[0].value == "2021-03-06" and derived[0].anchor == "2021-03-03"


def test_islamic_year_and_day(tag):
    times = tag("The decree is dated 10 Muharram 1442, in the year 1442 AH.", "2021-03-10")
    day = _find(times, "10 Muharram 1442")
    assert day.value == "2020-08-29"
    year = _find(times, "1442 AH")
    assert (year.range_start, year.range_end) == ("2020-08-20", "2021-08-09")  # 1442 is a 355-day year


def test_without_publication_date_relative_values_stay_unresolved(tag):
    times = tag("Protesters gathered on Friday in June and again in 2019.", None)
    assert [t.value for t in times] == ["XXXX-WXX-5", "XXXX-06", "2019"]



@pytest.mark.parametrize("text, published, expression, value", [
    # an aim set in the past may lie after the telling: the nearest such day
    ("The parties agreed to hold a runoff on April 9.", "2011-03-02", "April 9", "2011-04-09"),
    # a limit set in the past likewise
    ("The company extended its offer to Nov. 20.", "2010-11-02", "Nov. 20", "2010-11-20"),
    # a plain past still looks back
    ("The parties held a runoff on April 9.", "2011-03-02", "April 9", "2010-04-09"),
    ("The company closed its offer on Nov. 20.", "2010-11-02", "Nov. 20", "2009-11-20"),
])
def test_year_of_a_day_written_without_one(tag, text, published, expression, value):
    assert _find(tag(text, published), expression).value == value
