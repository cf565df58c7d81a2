"""The country table: the words news uses for countries resolve to one record."""

import pytest

from chronicle.countries import all_countries, country_by_iso2, country_by_iso3, country_for_word


@pytest.mark.parametrize(
    "word, iso2",
    [
        ("Iraq", "IQ"), ("Iraqi", "IQ"), ("Iraqis", "IQ"), ("iraqi", "IQ"),
        ("U.S.", "US"), ("US", "US"), ("USA", "US"), ("America", "US"), ("Americans", "US"),
        ("the United States", "US"), ("Britain", "GB"), ("British", "GB"), ("UK", "GB"),
        ("the Emirates", "AE"), ("Emirati", "AE"), ("Ivory Coast", "CI"), ("Côte d'Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"), ("Ivorian", "CI"), ("Syrian", "SY"), ("Iranian", "IR"),
        ("Persia", "IR"), ("Filipinos", "PH"), ("Burma", "MM"), ("Dutch", "NL"), ("Holland", "NL"),
        ("North Korean", "KP"), ("Swiss", "CH"), ("Danes", "DK"), ("Türkiye", "TR"), ("Turkish", "TR"),
        ("Dominican", "DO"), ("DRC", "CD"), ("Swaziland", "SZ"), ("Palestinian", "PS"), ("Kosovo", "XK"),
    ],
)
def test_country_words(word, iso2):
    country = country_for_word(word)
    assert country is not None, word
    assert country.iso2 == iso2


@pytest.mark.parametrize("word", ["us", "it", "Washington", "Kurdish", "protesters", "", "Wale"])
def test_words_that_are_not_countries(word):
    assert country_for_word(word) is None


def test_codes_and_fields():
    iraq = country_by_iso2("iq")
    assert iraq is country_by_iso3("IRQ")
    assert iraq.name == "Iraq" and iraq.capital == "Baghdad" and iraq.geonameid == 99237
    assert "Iraqi" in iraq.demonyms
    # a representative central point, not the capital
    assert 30 < iraq.lat < 36 and 40 < iraq.lon < 47
    us = country_by_iso2("US")
    assert us.iso3 == "USA" and "U.S." in us.names and 35 < us.lat < 42 and -105 < us.lon < -90


def test_every_country_is_complete():
    countries = all_countries()
    assert len(countries) >= 249
    assert len({c.iso3 for c in countries}) == len(countries)
    for c in countries:
        assert c.names and c.names[0] == c.name
        assert -90 <= c.lat <= 90 and -180 <= c.lon <= 180
        assert len(c.iso3) == 3
