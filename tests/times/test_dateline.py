"""The one dateline reader (times/dateline.py) and the two places that take its date:
ingestion's publication signal and the times stage's inferred publication date."""

import pytest

from chronicle.ingest.published import dateline_date
from chronicle.times.dateline import read_dateline
from chronicle.times.publication import dateline_span, textual_publication_date


def test_place_date_and_agency_before_a_dash():
    line = read_dateline("MOMBASA, Feb. 9, 2019 (Coast Wire) -- Dock workers walked out at dawn.")
    assert (line.place, line.agency, line.year, line.month, line.day) == ("MOMBASA", "Coast Wire", 2019, 2, 9)
    assert line.evidence == "dateline: MOMBASA, Feb. 9, 2019 (Coast Wire)"


def test_a_city_with_its_state_and_no_year():
    text = "SAVANNAH, Ga., July 14 — The county board met behind closed doors."
    line = read_dateline(text)
    assert line.place == "SAVANNAH, Ga." and line.year is None and (line.month, line.day) == (7, 14)
    assert text[line.date_start:line.date_end] == "July 14"


def test_a_place_and_date_closing_their_own_line():
    line = read_dateline("TRIPOLI, 3 March 2015\nMilitiamen stormed the oil ministry.")
    assert (line.place, line.year, line.month, line.day) == ("TRIPOLI", 2015, 3, 3)


@pytest.mark.parametrize("text", [
    "Sunday, April 7, 2024\nNews\nFarmers blocked the highway.",  # a weekday before the date: a page's stamp
    "April 7, 2024\nFarmers blocked the highway.",  # a date alone on its line
    "April 7: farmers blocked the highway near the border.",  # a paragraph's label
    "Farmers who blocked the highway on April 7, 2024 went home.",  # a date inside the first sentence
    "",
])
def test_what_is_not_a_dateline(text):
    assert read_dateline(text) is None


def test_ingestion_takes_a_dateline_date_only_with_its_year():
    assert dateline_date("LIMA, Nov. 2, 2020 - Miners marched on the capital.").value == "2020-11-02"
    assert dateline_date("LIMA, Nov. 2 - Miners marched on the capital.") is None


def test_the_times_stage_infers_the_missing_year_from_the_text():
    text = "LIMA, Nov. 2 - Miners marched on the capital, a year after the 2019 strike ended."
    assert textual_publication_date(text) == ("2019-11-02", "dateline: LIMA, Nov. 2 (year 2019 from the text)")
    assert text[slice(*dateline_span(text))] == "Nov. 2"
