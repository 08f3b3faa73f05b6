"""Dates as sources give them: a day, a month ("2014-10"), a year ("2011") or about a year
("c. 2006"). Stored as the period's first day beside its precision, so that "founded 2011"
stays a year everywhere it is shown and exported, and sorting and filtering still work on a
date."""

from __future__ import annotations

import datetime
import re

from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class DatePrecision(models.TextChoices):
    DAY = "day", gettext_lazy("day")
    MONTH = "month", gettext_lazy("month")
    YEAR = "year", gettext_lazy("year")
    ABOUT_YEAR = "about", gettext_lazy("about the year")


# Words written before a year to say it is approximate, folded to lowercase: English,
# Lithuanian ("apie", "apyt.") and the signs spreadsheets use.
ABOUT = r"(?:c\.?|ca\.?|circa|approx\.?|about|around|apie|apyt\.?|~)"
YEAR = r"(?P<year>\d{4})(?:\s*m\.?)?"
SHAPES = [
    (re.compile(rf"^{ABOUT}\s*{YEAR}$"), DatePrecision.ABOUT_YEAR),
    (re.compile(rf"^{YEAR}\s*\?$"), DatePrecision.ABOUT_YEAR),
    (re.compile(rf"^{YEAR}$"), DatePrecision.YEAR),
    (re.compile(r"^(?P<year>\d{4})[-./](?P<month>\d{1,2})\.?$"), DatePrecision.MONTH),
    (re.compile(r"^(?P<month>\d{1,2})[./](?P<year>\d{4})$"), DatePrecision.MONTH),
    (
        re.compile(r"^(?P<year>\d{4})[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})\.?$"),
        DatePrecision.DAY,
    ),
]
EARLIEST_YEAR = 1800


class PartialDateError(ValueError):
    """str() says what was wrong and what is expected."""


def expected_shapes() -> str:
    return _("a date as YYYY-MM-DD, a month as YYYY-MM, a year as YYYY, or c. YYYY")


def parse_partial_date(
    value: str | datetime.date, today: datetime.date | None = None
) -> tuple[datetime.date, DatePrecision]:
    """The period's first day and its precision. Raises PartialDateError for anything else,
    and for a period that begins after `today` (a founding or joining date in the future)."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        day, precision = value, DatePrecision.DAY
    else:
        day, precision = read_text(value)
    if today is not None and day > today:
        raise PartialDateError(_("%(value)s is in the future.") % {"value": value})
    return day, precision


def read_text(text: str) -> tuple[datetime.date, DatePrecision]:
    cleaned = " ".join(text.strip().lower().split())
    for pattern, precision in SHAPES:
        found = pattern.match(cleaned)
        if found is None:
            continue
        parts = found.groupdict()
        year = int(parts["year"])
        if year < EARLIEST_YEAR:
            break
        try:
            day = datetime.date(year, int(parts.get("month") or 1), int(parts.get("day") or 1))
        except ValueError:
            break
        return day, precision
    raise PartialDateError(
        _("%(value)s is not a date this field reads: give %(expected)s.")
        % {"value": text.strip() or _("An empty value"), "expected": expected_shapes()}
    )


def shown_partial_date(day: datetime.date | None, precision: str) -> str:
    """The date as a page shows it, in the page's language: a day in its full format, a
    month by name, a year alone, c. before an approximate year."""
    if day is None:
        return ""
    if precision == DatePrecision.ABOUT_YEAR:
        return _("c. %(year)s") % {"year": day.year}
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(day, "YEAR_MONTH_FORMAT")
    return formats.date_format(day, "DATE_FORMAT")


def iso_partial_date(day: datetime.date | None, precision: str) -> str:
    """The date in exports and the API: ISO 8601 cut to its precision ("2011", "2014-10",
    "2014-10-05"); an approximate year is its year (the precision column says so)."""
    if day is None:
        return ""
    if precision in (DatePrecision.YEAR, DatePrecision.ABOUT_YEAR):
        return f"{day.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


# From the most precise to the least.
PRECISION_ORDER: list[str] = [
    DatePrecision.DAY,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
    DatePrecision.ABOUT_YEAR,
]


def is_vaguer(
    known: datetime.date | None, known_precision: str, given: datetime.date, precision: str
) -> bool:
    """Whether `given` only repeats, less precisely, what is `known`: the same year given
    where a month or a day is known, the same month where a day is."""
    if known is None or PRECISION_ORDER.index(precision) <= PRECISION_ORDER.index(known_precision):
        return False
    if precision == DatePrecision.MONTH:
        return (known.year, known.month) == (given.year, given.month)
    return known.year == given.year
