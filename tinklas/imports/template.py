"""The import template, generated from the column definitions: CSV (UTF-8 with a byte-order
mark, so that spreadsheets show accented letters right) or an Excel workbook with a sheet
explaining the columns and one listing the municipalities, for each kind of import. The
example variant holds the kind's example rows."""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from tinklas.common.csv_files import csv_bytes
from tinklas.common.form_layout import language_field_names
from tinklas.imports.kinds import ImportKind
from tinklas.taxonomy.models import Region


def template_rows(kind: ImportKind, example: bool) -> list[list[Any]]:
    rows = kind.example_rows() if example else []
    return [[row.get(key, "") for key in kind.columns.keys] for row in rows]


def template_csv(kind: ImportKind, example: bool) -> bytes:
    return csv_bytes(kind.columns.keys, template_rows(kind, example))


def template_xlsx(kind: ImportKind, example: bool) -> bytes:
    keys = kind.columns.keys
    workbook = Workbook()
    members = workbook.active
    members.title = str(kind.sheet_title)[:31]
    members.append(keys)
    for position, key in enumerate(keys, start=1):
        letter = get_column_letter(position)
        members.column_dimensions[letter].width = max(14, len(key) + 4)
        if key in kind.text_columns:
            members.column_dimensions[letter].number_format = "@"
        members.cell(row=1, column=position).font = Font(bold=True)
    for row in template_rows(kind, example):
        members.append(row)
    for row_cells in members.iter_rows(min_row=2):
        for cell in row_cells:
            key = keys[cell.column - 1]
            if key in kind.text_columns:
                cell.number_format = "@"
            elif key in kind.date_columns:
                cell.number_format = "yyyy-mm-dd"
    members.freeze_panes = "A2"

    explained = workbook.create_sheet(_("Columns")[:31])
    explained.append([_("Column"), _("Title"), _("Required"), _("Meaning"), _("Accepted values")])
    for column in kind.columns:
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
