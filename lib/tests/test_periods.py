import datetime as dt

import pytest

from lib.periods import previous_quarter, quarter_bounds, quarter_of


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2025, 1, 1), (2025, 1)),
        (dt.date(2025, 3, 31), (2025, 1)),
        (dt.date(2025, 4, 1), (2025, 2)),
        (dt.date(2025, 9, 30), (2025, 3)),
        (dt.date(2025, 10, 1), (2025, 4)),
        (dt.date(2025, 12, 31), (2025, 4)),
    ],
)
def test_it_names_the_quarter_of_a_day(day, expected):
    assert quarter_of(day) == expected


@pytest.mark.parametrize(
    ("year", "quarter", "first", "last"),
    [
        (2024, 1, dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
        (2024, 2, dt.date(2024, 4, 1), dt.date(2024, 6, 30)),
        (2024, 3, dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
        (2024, 4, dt.date(2024, 10, 1), dt.date(2024, 12, 31)),
    ],
)
def test_it_bounds_a_quarter_by_its_first_and_last_day(year, quarter, first, last):
    assert quarter_bounds(year, quarter) == (first, last)


@pytest.mark.parametrize("quarter", [0, 5])
def test_it_rejects_a_quarter_outside_one_to_four(quarter):
    with pytest.raises(ValueError):
        quarter_bounds(2025, quarter)


def test_the_quarter_before_the_first_is_last_years_fourth():
    assert previous_quarter(2025, 1) == (2024, 4)
    assert previous_quarter(2025, 3) == (2025, 2)
