"""Dates as sources give them: a day, a month, a year or about a year, kept with their
precision and shown and exported as precisely as they are known."""

import datetime

import pytest
from django.utils import translation

from tinklas.common.partial_dates import (
    DatePrecision,
    PartialDateError,
    iso_partial_date,
    parse_partial_date,
    shown_partial_date,
)

TODAY = datetime.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("2011", datetime.date(2011, 1, 1), DatePrecision.YEAR),
        (" 2011 m. ", datetime.date(2011, 1, 1), DatePrecision.YEAR),
        ("c. 2006", datetime.date(2006, 1, 1), DatePrecision.ABOUT_YEAR),
        ("ca 2006", datetime.date(2006, 1, 1), DatePrecision.ABOUT_YEAR),
        ("Circa 2006", datetime.date(2006, 1, 1), DatePrecision.ABOUT_YEAR),
        ("apie 2006", datetime.date(2006, 1, 1), DatePrecision.ABOUT_YEAR),
        ("~2006", datetime.date(2006, 1, 1), DatePrecision.ABOUT_YEAR),
        ("2006?", datetime.date(2006, 1, 1), DatePrecision.ABOUT_YEAR),
        ("2014-10", datetime.date(2014, 10, 1), DatePrecision.MONTH),
        ("2014.10", datetime.date(2014, 10, 1), DatePrecision.MONTH),
        ("10/2014", datetime.date(2014, 10, 1), DatePrecision.MONTH),
        ("2014-10-05", datetime.date(2014, 10, 5), DatePrecision.DAY),
        ("2014.10.05", datetime.date(2014, 10, 5), DatePrecision.DAY),
        ("2014/1/5", datetime.date(2014, 1, 5), DatePrecision.DAY),
    ],
)
def test_the_shapes_sources_use_are_read_with_their_precision(text, day, precision):
    assert parse_partial_date(text, TODAY) == (day, precision)


def test_a_spreadsheet_date_is_a_day():
    assert parse_partial_date(datetime.datetime(2019, 3, 4, 0, 0), TODAY) == (
        datetime.date(2019, 3, 4),
        DatePrecision.DAY,
    )


@pytest.mark.parametrize(
    "text", ["around the nineties", "2014-13", "2014-02-30", "1799", "20111", "", "spring 2011"]
)
def test_what_is_not_a_date_is_refused_with_the_shapes_expected(text):
    with pytest.raises(PartialDateError, match="YYYY-MM-DD, a month as YYYY-MM, a year"):
        parse_partial_date(text, TODAY)


def test_a_year_in_the_future_is_refused():
    with pytest.raises(PartialDateError, match="2027 is in the future"):
        parse_partial_date("2027", TODAY)
    assert parse_partial_date("2026", TODAY)[1] == DatePrecision.YEAR  # begins before today


@pytest.mark.parametrize(
    ("precision", "english", "lithuanian", "iso"),
    [
        (DatePrecision.YEAR, "2011", "2011", "2011"),
        (DatePrecision.ABOUT_YEAR, "c. 2011", "apie 2011", "2011"),
        (DatePrecision.MONTH, "October 2011", "2011 m. spalis", "2011-10"),
        (DatePrecision.DAY, "Oct. 5, 2011", "2011 m. spalio 5 d.", "2011-10-05"),
    ],
)
def test_a_date_is_shown_and_exported_as_precisely_as_it_is_known(
    precision, english, lithuanian, iso
):
    day = datetime.date(2011, 10, 5 if precision == DatePrecision.DAY else 1)
    with translation.override("en"):
        assert shown_partial_date(day, precision) == english
    with translation.override("lt"):
        assert shown_partial_date(day, precision) == lithuanian
    assert iso_partial_date(day, precision) == iso
