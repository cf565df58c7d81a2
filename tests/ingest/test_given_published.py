"""A malformed `published` given with the input is no date: the record says so and the text's own
evidence dates the article (truncated strings as scrapers and spreadsheets leave them)."""

import pytest

from chronicle.ingest import read_article
from chronicle.ingest.dates import parse_given_date


@pytest.mark.parametrize("given, iso", [
    ("2011-05-04", "2011-05-04"),
    ("2011-05-04T08:30:00+02:00", "2011-05-04"),
    ("May 4, 2011", "2011-05-04"),
    ("4 May 2011", "2011-05-04"),
    ("Wed, 04 May 2011 08:30:00 +0000", "2011-05-04"),
    ("4 Ma", None),
    ("May 4, 20", None),
    ("May 4", None),
    ("2011", None),
    ("2011-05-0x", None),
    ("yesterday", None),
])
def test_given_dates_are_read_strictly(given, iso):
    assert parse_given_date(given) == iso


TEXT = "NAIROBI, May 3, 2011 -- Police dispersed a crowd of traders outside the city hall on Tuesday."


def test_a_truncated_date_gives_way_to_the_dateline_with_a_note():
    article = read_article(TEXT, published="3 Ma")
    assert article.published == "2011-05-03"
    assert "dateline" in article.published_evidence
    assert "'3 Ma' is not a date" in article.published_evidence


def test_a_truncated_year_is_not_guessed():
    article = read_article("Police dispersed a crowd of traders outside the city hall.", published="May 4, 20")
    assert article.published is None
    assert article.published_evidence == "input published 'May 4, 20' is not a date"


def test_a_good_date_is_the_input_date():
    article = read_article(TEXT, published="2011-05-04")
    assert article.published == "2011-05-04" and article.published_evidence == "input"
