"""The cells of one member-list row read as the values of an organisation and its
membership, with a message naming the column for every cell that cannot be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tinklas.clusters.models import Membership
from tinklas.imports.members.columns import MEMBER_LIST, MEMBERSHIP_COLUMNS
from tinklas.imports.reading import Cell, SourceRow
from tinklas.imports.values import (
    CellError,
    Vocabularies,
    as_text,
    parse_choice,
    parse_country,
    parse_date,
    parse_website,
    parse_whole_number,
)
from tinklas.organisations.identifiers import clean_company_code, clean_vat_code
from tinklas.organisations.models import Organisation

WHOLE_NUMBER_FIELDS = ["headcount", "annual_turnover", "balance_sheet_total", "founded_year"]
TEXT_FIELDS = ["name", "legal_form", "address"]


@dataclass
class ParsedRow:
    number: int
    organisation: dict[str, Any] = field(default_factory=dict)  # model field → value
    membership: dict[str, Any] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column key, message)

    @property
    def country(self) -> str:
        return str(self.organisation.get("country") or settings.TINKLAS_COUNTRY)


def read_organisation_cell(key: str, cell: Cell, country: str, vocabularies: Vocabularies) -> Any:
    if key in TEXT_FIELDS:
        return as_text(cell)
    if key in WHOLE_NUMBER_FIELDS:
        return parse_whole_number(cell)
    if key == "kind":
        return parse_choice(cell, Organisation.Kind)
    if key == "country":
        return parse_country(cell)
    if key == "company_code":
        return clean_company_code(country, as_text(cell))
    if key == "vat_code":
        return clean_vat_code(as_text(cell), country)
    if key == "municipality":
        return vocabularies.municipality(cell, country)
    if key == "website":
        return parse_website(cell)
    if key == "main_nace_code":
        return vocabularies.activity(cell)
    raise KeyError(key)


def parse_row(row: SourceRow, vocabularies: Vocabularies) -> ParsedRow:
    parsed = ParsedRow(row.number)
    if row.extra_cells:
        parsed.errors.append(
            ("", _("This row has more cells than the first row has column names."))
        )
    country_cell = row.values.get("country")
    if country_cell is not None:
        try:
            parsed.organisation["country"] = parse_country(country_cell)
        except CellError as error:
            parsed.errors.append(("country", str(error)))
    membership_keys = {column.key for column in MEMBERSHIP_COLUMNS}
    for key, cell in row.values.items():
        if cell is None or key == "country":
            continue
        try:
            if key in membership_keys:
                value: Any = (
                    parse_choice(cell, Membership.Role) if key == "role" else parse_date(cell)
                )
                parsed.membership[key] = value
            else:
                value = read_organisation_cell(key, cell, parsed.country, vocabularies)
                parsed.organisation[MEMBER_LIST.by_key[key].field] = value
        except CellError as error:
            parsed.errors.append((key, str(error)))
        except ValidationError as error:
            parsed.errors.append((key, " ".join(error.messages)))
    # A row with a company code may leave the name to the register of legal entities: the
    # row processor asks the register, and says so when it has no entity of the code.
    if not parsed.organisation.get("name") and not row.values.get("company_code"):
        parsed.errors.append(("name", _("Give the organisation's name.")))
    return parsed
