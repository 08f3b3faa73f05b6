"""Reading the cells of an imported row: dates, numbers, choices, countries, web addresses,
municipalities and NACE codes, each with a message that says what is expected. An empty cell
is no value: it never clears what is registered. What each kind of import makes of its
columns is in members/values.py and clusters/values.py."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pycountry
from django.conf import settings
from django.db.models import Choices
from django.utils import translation
from django.utils.translation import gettext as _

from tinklas.imports.municipalities import Municipalities, ambiguity
from tinklas.imports.reading import Cell
from tinklas.organisations.models import NACE_REVISION
from tinklas.search.analyzer import fold
from tinklas.taxonomy.models import NaceActivity, Region

YEAR_FIRST = re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})")
DAY_OR_MONTH_FIRST = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
WHOLE_NUMBER = re.compile(r"\d+(?:[.,]0+)?")
# Spaces and apostrophes some spreadsheets put between thousands.
THOUSANDS = re.compile(r"[\s\u00a0\u202f']")


class CellError(Exception):
    """A cell that cannot be read; str() says why."""


def as_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return str(cell).strip()


def parse_date(cell: Cell) -> datetime.date:
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    text = as_text(cell)
    match = YEAR_FIRST.fullmatch(text)
    if match:
        try:
            return datetime.date(int(match[1]), int(match[3]), int(match[4]))
        except ValueError:
            raise CellError(
                _("%(value)s is not a date of the calendar.") % {"value": text}
            ) from None
    if DAY_OR_MONTH_FIRST.fullmatch(text):
        raise CellError(
            _(
                "%(value)s could be read with the day or the month first: write dates as "
                "YYYY-MM-DD, such as 2024-05-01."
            )
            % {"value": text}
        )
    raise CellError(
        _("%(value)s is not a date: write dates as YYYY-MM-DD, such as 2024-05-01.")
        % {"value": text}
    )


def parse_whole_number(cell: Cell) -> int:
    if isinstance(cell, int):
        number = cell
    elif isinstance(cell, Decimal | float) and cell == int(cell):
        number = int(cell)
    else:
        text = THOUSANDS.sub("", as_text(cell))
        if not WHOLE_NUMBER.fullmatch(text.lstrip("-")):
            raise CellError(
                _("%(value)s is not a whole number; write it as digits, such as 1250000.")
                % {"value": as_text(cell)}
            )
        number = int(re.split(r"[.,]", text)[0])
    if number < 0:
        raise CellError(_("The number cannot be negative."))
    return number


def parse_choice(cell: Cell, choices: type[Choices]) -> str:
    """A choice's value, or its name in any language of the site, in any letter case."""
    wanted = fold(as_text(cell))
    for value, label in choices.choices:
        names = {fold(str(value))}
        for code, _language in settings.LANGUAGES:
            with translation.override(code):
                names.add(fold(str(label)))
        if wanted in names:
            return str(value)
    raise CellError(
        _("%(value)s is not one of: %(choices)s.")
        % {"value": as_text(cell), "choices": ", ".join(str(value) for value in choices.values)}
    )


def parse_country(cell: Cell) -> str:
    code = as_text(cell).upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise CellError(
            _("%(value)s is not a two-letter ISO 3166-1 country code, such as LT.")
            % {"value": as_text(cell)}
        )
    return code


def parse_website(cell: Cell) -> str:
    address = as_text(cell)
    # As the site's forms do: an address typed without a scheme means https.
    return address if "://" in address else f"https://{address}"


class Vocabularies:
    """The municipalities and NACE codes of the site, read once per import."""

    def __init__(self) -> None:
        self.municipalities = Municipalities(Region.objects.filter(kind=Region.Kind.MUNICIPALITY))
        # A file names the same few municipalities on many rows: each text is read once.
        self.read_municipalities: dict[tuple[str, str | None], list[Region]] = {}
        self.addresses: dict[tuple[str, str | None], Region | None] = {}
        self.activities = {
            activity.code: activity
            for activity in NaceActivity.objects.filter(revision=NACE_REVISION)
        }

    def municipality(self, cell: Cell, country: str | None = None) -> Region:
        """The municipality a cell names, of `country` when one is given: by its code, or
        by its name as people write it (municipalities.py); a name that fits several is
        refused with each of them named."""
        text = as_text(cell)
        key = (text, country)
        if key not in self.read_municipalities:
            self.read_municipalities[key] = self.municipalities.candidates(text, country)
        found = self.read_municipalities[key]
        if len(found) > 1:
            raise CellError(ambiguity(text, found))
        if not found:
            raise CellError(self.no_municipality(text, country or settings.TINKLAS_COUNTRY))
        return found[0]

    def no_municipality(self, text: str, country: str) -> str:
        example = self.municipalities.example(country)
        if example is None:
            return _(
                "No municipalities of %(country)s are registered on the site: leave the cell empty."
            ) % {"country": country}
        return _(
            "No municipality %(value)s: give its ISO 3166-2 code, such as %(code)s, or its "
            "name, such as %(name)s."
        ) % {"value": text, "code": example.code, "name": example.name}

    def municipality_in_address(self, address: str, country: str | None = None) -> Region | None:
        """The municipality an address names, if it names exactly one."""
        key = (address, country)
        if key not in self.addresses:
            self.addresses[key] = self.municipalities.in_address(address, country)
        return self.addresses[key]

    def activity(self, cell: Cell) -> NaceActivity:
        text = as_text(cell)
        if isinstance(cell, float | Decimal):
            # A spreadsheet that took "62.10" for a number keeps 62.1.
            text = f"{cell:.2f}" if f"{cell:.2f}" in self.activities else text
        activity = self.activities.get(text)
        if activity is None:
            raise CellError(_("No such NACE Rev. 2.1 code: %(codes)s.") % {"codes": text})
        return activity
