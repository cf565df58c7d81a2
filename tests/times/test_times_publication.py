"""textual_publication_date on sentences the project wrote."""

import pytest

from chronicle.times.publication import textual_publication_date


@pytest.mark.parametrize(
    "text, expected_date, evidence_part",
    [
        ("Today is the seventh anniversary of the September 1, 2013, massacre at the camp.",
         "2020-09-01", "seventh anniversary of the September 1, 2013, massacre"),
        ("Survivors gathered in the square. Today marks the 10th anniversary of the 4 June 2011 shooting.",
         "2021-06-04", "10th anniversary of the 4 June 2011 shooting"),
        ("Today marks one year since the March 3, 2019 vote that removed the cabinet.",
         "2020-03-03", "one year since the March 3, 2019 vote"),
        ("Five years ago today, on 12 July 2016, soldiers seized the bridge.",
         "2021-07-12", "Five years ago today, on 12 July 2016"),
        ("Six months have passed since the January 12, 2021 bombing, and today families still wait.",
         "2021-07-12", "Six months have passed since the January 12, 2021 bombing"),
        ("Today, Tuesday, March 3, 2020, voters in the capital go to the polls.",
         "2020-03-03", "Today, Tuesday, March 3, 2020"),
        ("Oct. 5, 2021 — The coalition government collapsed on Tuesday night.",
         "2021-10-05", "Oct. 5, 2021"),
        ("KABUL, Afghanistan, 15 August 2021 -- Fighters entered the city.",
         "2021-08-15", "KABUL, Afghanistan, 15 August 2021"),
        ("BAGHDAD, March 3 (Reuters) - Protesters returned to the square they first occupied in 2019 "
         "and which police cleared in 2021.", "2021-03-03", "BAGHDAD, March 3 (Reuters)"),
        ("Published on 2022-11-08\nThe minister resigned after a week of strikes.",
         "2022-11-08", "Published on 2022-11-08"),
        ("NAIROBI, June 2, 2022 /Chronicle Wire/ -- Teachers ended their strike.",
         "2022-06-02", "NAIROBI, June 2, 2022 /Chronicle Wire/"),
        ("Survivors laid wreaths. Today marks the 30th anniversary of the shelling of the market on "
         "February 5, 1994, and the square was full.", "2024-02-05",
         "30th anniversary of the shelling of the market on February 5, 1994"),
    ],
)
def test_publication_date_from_the_words(text, expected_date, evidence_part):
    found = textual_publication_date(text)
    assert found is not None
    iso, evidence = found
    assert iso == expected_date
    assert evidence_part in evidence


def test_anniversary_leap_day_is_clamped_to_a_real_day():
    iso, _ = textual_publication_date("Today is the first anniversary of the February 29, 2020 raid.")
    assert iso == "2021-02-28"


@pytest.mark.parametrize(
    "text",
    [
        "",
        # a scraped date widget on its own line is not a dateline
        "Saturday, September 23, 2023\nHome news\nProtesters marched again.",
        # an anniversary not said of today does not date the article
        "The seventh anniversary of the September 1, 2013, massacre fell last week.",
        # a dateline without a year and no year anywhere in the text
        "BAGHDAD, March 3 (Reuters) - Protesters gathered near the bridge.",
        # today, but the sentence carries no dated event
        "Today the parliament meets to vote on the budget.",
    ],
)
def test_no_publication_date_without_evidence(text):
    assert textual_publication_date(text) is None
