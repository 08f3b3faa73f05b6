"""add_months keeps the day of the month, clamped to the month's end."""

import datetime

import pytest

from tinklas.common.dates import add_months


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ((2026, 1, 15), 1, (2026, 2, 15)),
        ((2026, 1, 31), 1, (2026, 2, 28)),
        ((2024, 1, 31), 1, (2024, 2, 29)),
        ((2026, 3, 31), 1, (2026, 4, 30)),
        ((2026, 3, 31), -1, (2026, 2, 28)),
        ((2024, 2, 29), 12, (2025, 2, 28)),
        ((2024, 2, 29), 48, (2028, 2, 29)),
        ((2024, 2, 29), -12, (2023, 2, 28)),
        ((2026, 12, 31), 12, (2027, 12, 31)),
        ((2026, 11, 30), 2, (2027, 1, 30)),
        ((2026, 1, 15), -1, (2025, 12, 15)),
        ((2026, 1, 15), -13, (2024, 12, 15)),
        ((2026, 5, 27), 0, (2026, 5, 27)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(datetime.date(*day), months) == datetime.date(*expected)


def test_century_rule_for_leap_years():
    # 2100 is not a leap year, 2000 was.
    assert add_months(datetime.date(2100, 1, 31), 1) == datetime.date(2100, 2, 28)
    assert add_months(datetime.date(2000, 1, 31), 1) == datetime.date(2000, 2, 29)
