"""Calendar arithmetic: the tabular Islamic calendar and Gregorian offsets."""

from datetime import date

import pytest

from chronicle.times import calendar as cal
from chronicle.times.values import duration, value_range


@pytest.mark.parametrize(
    "year, month, first",
    [
        (1441, 9, date(2020, 4, 24)),   # Ramadan 1441
        (1442, 1, date(2020, 8, 20)),   # Muharram 1442
        (1445, 9, date(2024, 3, 11)),   # Ramadan 1445
        (1, 1, date(622, 7, 19)),       # the epoch (16 July 622 Julian)
    ],
)
def test_islamic_month_starts(year, month, first):
    assert cal.islamic_month_range(year, month)[0] == first


def test_islamic_year_of_round_trips_over_many_years():
    for year in range(1300, 1500, 7):
        for month in (1, 6, 12):
            first, last = cal.islamic_month_range(year, month)
            assert cal.islamic_year_of(first) == year
            assert cal.islamic_year_of(last) == year
            assert 29 <= (last - first).days + 1 <= 30


def test_islamic_years_have_354_or_355_days():
    lengths = {(cal.islamic_year_range(y)[1] - cal.islamic_year_range(y)[0]).days + 1 for y in range(1400, 1460)}
    assert lengths == {354, 355}


def test_month_offsets_clamp_to_month_end():
    assert cal.add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert cal.add_years(date(2020, 2, 29), 1) == date(2021, 2, 28)
    assert cal.shift(date(2021, 3, 10), "week", -2) == date(2021, 2, 24)


@pytest.mark.parametrize(
    "value, first, last, precision",
    [
        ("2013-09-01", date(2013, 9, 1), date(2013, 9, 1), "day"),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "month"),
        ("2020-Q3", date(2020, 7, 1), date(2020, 9, 30), "month"),
        ("2021-W10", date(2021, 3, 8), date(2021, 3, 14), "day"),
        ("199", date(1990, 1, 1), date(1999, 12, 31), "year"),
        ("2020-WI", date(2020, 12, 1), date(2021, 2, 28), "month"),
    ],
)
def test_value_ranges(value, first, last, precision):
    assert value_range(value) == (first, last, precision)


def test_value_range_rejects_non_dates():
    assert value_range("PRESENT_REF") is None
    assert value_range("P3D") is None


def test_duration_values():
    assert duration(3, "day") == "P3D"
    assert duration(24, "hour") == "PT24H"
    assert duration(None, "month") == "PXM"
    assert duration(1.5, "year") == "P1.5Y"
    assert duration(1, "decade") == "P1DE"
