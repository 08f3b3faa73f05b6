"""The import template, generated from the column definitions: CSV (UTF-8 with a byte-order
mark, so that spreadsheets show accented letters right) or an Excel workbook with a sheet
explaining the columns and one listing the municipalities. The example variant holds a few
rows built from the site's own data (its country, municipalities and NACE codes)."""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from tinklas.common.csv_files import csv_bytes
from tinklas.common.form_layout import language_field_names
from tinklas.imports.columns import COLUMNS, KEYS
from tinklas.organisations.identifiers import clean_company_code
from tinklas.organisations.models import NACE_REVISION
from tinklas.taxonomy.models import NaceActivity, Region

# Columns a spreadsheet must keep as text: codes with leading zeros or dots.
TEXT_COLUMNS = {"company_code", "vat_code", "main_nace_code"}
DATE_COLUMNS = {"joined_on", "left_on"}


def example_company_code(country: str, first_digits: str) -> str:
    """A code the country's validator accepts: the first digits and a fitting last one."""
    for last in "0123456789":
        try:
            return clean_company_code(country, first_digits + last)
        except ValidationError:
            continue
    return ""


def example_rows() -> list[dict[str, Any]]:
    country = settings.TINKLAS_COUNTRY
    municipalities = list(
        Region.objects.filter(kind=Region.Kind.MUNICIPALITY, country=country).order_by("code")[:2]
    )
    classes = NaceActivity.objects.filter(revision=NACE_REVISION, level=NaceActivity.Level.CLASS)
    # Operation of dairies, for the example dairy; any class where the site has no such code.
    activities = list(classes.filter(code="10.51").values_list("code", flat=True)) or list(
        classes.order_by("code").values_list("code", flat=True)[:1]
    )
    first = municipalities[0] if municipalities else None
    second = municipalities[-1] if municipalities else None
    return [
        {
            "name": _("Example Dairy"),
            "kind": "company",
            "country": country,
            "company_code": example_company_code(country, "30000010"),
            "municipality": first.code if first else "",
            "address": _("Example street 1"),
            "website": "https://dairy.example.org",
            "headcount": 48,
            "annual_turnover": 7_300_000,
            "balance_sheet_total": 5_100_000,
            "founded_year": 2009,
            "main_nace_code": activities[0] if activities else "",
            "role": "member",
            "joined_on": datetime.date(2024, 5, 1),
        },
        {
            "name": _("Example Research Institute"),
            "kind": "research",
            "country": country,
            "company_code": example_company_code(country, "19000020"),
            "municipality": second.name if second else "",
            "role": "founding",
            "joined_on": datetime.date(2020, 5, 27),
        },
        {
            "name": _("Example Software"),
            "kind": "company",
            "country": country,
            "company_code": example_company_code(country, "30000030"),
            "role": "member",
            "joined_on": datetime.date(2021, 1, 1),
            "left_on": datetime.date(2026, 1, 1),
        },
    ]


def template_rows(example: bool) -> list[list[Any]]:
    rows = example_rows() if example else []
    return [[row.get(key, "") for key in KEYS] for row in rows]


def template_csv(example: bool) -> bytes:
    return csv_bytes(KEYS, template_rows(example))


def template_xlsx(example: bool) -> bytes:
    workbook = Workbook()
    members = workbook.active
    members.title = _("Members")[:31]
    members.append(KEYS)
    for position, key in enumerate(KEYS, start=1):
        letter = get_column_letter(position)
        members.column_dimensions[letter].width = max(14, len(key) + 4)
        if key in TEXT_COLUMNS:
            members.column_dimensions[letter].number_format = "@"
        members.cell(row=1, column=position).font = Font(bold=True)
    for row in template_rows(example):
        members.append(row)
    for row_cells in members.iter_rows(min_row=2):
        for cell in row_cells:
            key = KEYS[cell.column - 1]
            if key in TEXT_COLUMNS:
                cell.number_format = "@"
            elif key in DATE_COLUMNS:
                cell.number_format = "yyyy-mm-dd"
    members.freeze_panes = "A2"

    explained = workbook.create_sheet(_("Columns")[:31])
    explained.append([_("Column"), _("Title"), _("Required"), _("Meaning"), _("Accepted values")])
    for column in COLUMNS:
        explained.append(
            [
                column.key,
                str(column.title),
                _("yes") if column.required else "",
                str(column.meaning),
                str(column.accepted),
            ]
        )
    for letter, width in zip("ABCDE", (22, 28, 10, 50, 70), strict=True):
        explained.column_dimensions[letter].width = width
    for cell in explained[1]:
        cell.font = Font(bold=True)
    for row_cells in explained.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    municipalities = workbook.create_sheet(_("Municipalities")[:31])
    # Either the code or the name in any language identifies a municipality.
    names = language_field_names("name")
    municipalities.append(
        [
            _("Code"),
            *(
                _("Name (%(language)s)") % {"language": get_language_info(code)["name_translated"]}
                for code, _language in settings.LANGUAGES
            ),
        ]
    )
    for values in Region.objects.filter(kind=Region.Kind.MUNICIPALITY).values_list("code", *names):
        municipalities.append(list(values))
    municipalities.column_dimensions["A"].width = 12
    for position in range(2, len(names) + 2):
        municipalities.column_dimensions[get_column_letter(position)].width = 40
    for cell in municipalities[1]:
        cell.font = Font(bold=True)

    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
