"""Reading an uploaded import file (a member list, a cluster list): CSV in any of the usual
encodings and delimiters, or an Excel workbook, into rows of cells under the keys of the
import's columns. A file that cannot be imported as a whole (too large, not a table, unknown
columns...) raises UnreadableFile with a message that says what to do. The files are read
through tinklas.common.uploads, which holds them to the limits on rows, cells, characters
and (for workbooks) the unpacked archive."""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tinklas.common import uploads
from tinklas.imports.columns import ColumnSet

Cell = str | int | float | Decimal | datetime.date | datetime.datetime | None

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_ROWS = 10_000
DELIMITERS = [",", ";", "\t"]
# Before Unicode, Windows saved text in one code page per alphabet; spreadsheets still do
# when asked for plain "CSV". The network's country decides which one a file that is not
# UTF-8 is read in.
CODE_PAGES = {
    "cp1250": ["PL", "CZ", "SK", "HU", "RO", "SI", "HR", "AL", "BA", "RS"],
    "cp1251": ["BG", "MK", "UA", "BY", "RU"],
    "cp1253": ["GR", "CY"],
    "cp1254": ["TR"],
    "cp1257": ["LT", "LV", "EE"],
}
WESTERN_CODE_PAGE = "cp1252"


class UnreadableFile(Exception):
    """The file cannot be imported at all; str() is the message for the person."""


@dataclass
class SourceRow:
    number: int  # as a spreadsheet shows it: the header is row 1
    values: dict[str, Cell]
    extra_cells: int = 0  # filled cells beyond the header


@dataclass
class Table:
    columns: list[str]  # the keys, in the file's order
    rows: list[SourceRow] = field(default_factory=list)


def max_bytes() -> int:
    return int(getattr(settings, "TINKLAS_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_rows() -> int:
    return int(getattr(settings, "TINKLAS_IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS))


def limits() -> uploads.Limits:
    """The limits of every upload, with the import's own largest file."""
    return uploads.upload_limits(max_bytes=max_bytes())


def check_size(size: int) -> None:
    if size > max_bytes():
        raise UnreadableFile(
            _(
                "The file is %(size)s; files up to %(limit)s can be imported. Split it into "
                "smaller files."
            )
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes())}
        )


def format_of(file_name: str) -> str:
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if extension in {"csv", "txt"}:
        return "csv"
    if extension == "xlsx":
        return "xlsx"
    raise UnreadableFile(
        _("Upload a CSV file (.csv) or an Excel workbook (.xlsx); %(name)s is neither.")
        % {"name": file_name}
    )


def legacy_code_page(country: str) -> str:
    for code_page, countries in CODE_PAGES.items():
        if country in countries:
            return code_page
    return WESTERN_CODE_PAGE


def decode(content: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without a byte-order mark), UTF-16 with its
    mark (spreadsheets' "Unicode text"), or else the country's Windows code page."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in content:
        try:
            return content.decode("utf-8-sig")
        except UnicodeDecodeError:
            code_page = legacy_code_page(settings.TINKLAS_COUNTRY)
            try:
                return content.decode(code_page)
            except UnicodeDecodeError:
                pass
    raise UnreadableFile(
        _(
            "The file's text could not be read: it is neither UTF-8 nor Windows text. "
            'Save it as "CSV UTF-8" and upload it again.'
        )
    )


def outside_quotes(line: str) -> str:
    return "".join(part for index, part in enumerate(line.split('"')) if index % 2 == 0)


def delimiter_of(first_line: str) -> str:
    """The delimiter the header uses: commas, or the semicolons spreadsheets write where the
    decimal separator is a comma, or tabs."""
    bare = outside_quotes(first_line)
    counts = {delimiter: bare.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def normalise_cell(value: Any) -> Cell:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float | Decimal | datetime.date):
        return value
    return str(value).strip() or None


def csv_records(content: bytes, limits: uploads.Limits) -> Iterator[list[Any]]:
    if zipfile.is_zipfile(io.BytesIO(content)):
        raise UnreadableFile(
            _("The file is an Excel workbook: give it a name ending in .xlsx, or save it as CSV.")
        )
    uploads.check_size(len(content), limits)
    text = decode(content)
    # Only as much as a line may hold: a file without line breaks is not copied whole.
    first_line = text[: limits.max_line_characters + 2].split("\n", 1)[0]
    reader = uploads.CsvRows(
        uploads.string_lines(text, limits), limits, delimiter=delimiter_of(first_line)
    )
    try:
        yield from reader
    except csv.Error as error:
        raise UnreadableFile(
            _("Row %(row)s cannot be read as CSV (%(reason)s).")
            % {"row": reader.line_num, "reason": error}
        ) from None


def read_header(cells: Iterable[Any], columns: ColumnSet) -> list[str]:
    """The column keys; raises UnreadableFile naming unknown, repeated and missing columns."""
    headers = [str(cell).strip() if cell is not None else "" for cell in cells]
    while headers and not headers[-1]:
        headers.pop()  # spreadsheets often save empty columns after the last one
    keys: list[str] = []
    unknown: list[str] = []
    repeated: list[str] = []
    for position, header in enumerate(headers, start=1):
        key = columns.column_for_header(header) if header else None
        if key is None:
            unknown.append(header or _("column %(number)s without a name") % {"number": position})
        elif key in keys:
            repeated.append(header)
        keys.append(key or "")
    problems = []
    if unknown:
        problems.append(
            _("Unknown columns: %(columns)s. Remove them or name them as in the template.")
            % {"columns": ", ".join(unknown)}
        )
    if repeated:
        problems.append(_("Columns given twice: %(columns)s.") % {"columns": ", ".join(repeated)})
    missing = [key for key in columns.required_keys if key not in keys]
    if missing:
        problems.append(
            _("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    if problems:
        raise UnreadableFile(" ".join(problems))
    return keys


def read_table(content: bytes, file_format: str, columns: ColumnSet) -> Table:
    """The header's column keys and every row that holds a value. The reader refuses the
    file past the limits of uploads (rows read, blank ones too; cells; characters); the
    import's own limit counts only the rows that hold values."""
    if not content.strip():
        raise UnreadableFile(_("The file is empty."))
    try:
        return table_of(content, file_format, columns, limits())
    except uploads.UploadRefused as error:
        raise UnreadableFile(str(error)) from None


def table_of(content: bytes, file_format: str, columns: ColumnSet, limits: uploads.Limits) -> Table:
    records: Iterator[Iterable[Any]] = (
        uploads.xlsx_rows(content, limits)
        if file_format == "xlsx"
        else csv_records(content, limits)
    )
    header = next(records, None)
    if header is None or not any(normalise_cell(cell) for cell in header):
        raise UnreadableFile(
            _("The first row must name the columns, as in the template; it is empty.")
        )
    table = Table(columns=read_header(header, columns))
    limit = max_rows()
    for number, record in enumerate(records, start=2):
        cells = [normalise_cell(cell) for cell in record]
        if not any(cell is not None for cell in cells):
            continue  # blank lines between rows or after the last one
        if len(table.rows) == limit:
            raise UnreadableFile(
                _("The file has more than %(limit)s rows; import at most %(limit)s rows at a time.")
                % {"limit": number_format(limit, force_grouping=True)}
            )
        values = {key: cell for key, cell in zip(table.columns, cells, strict=False) if key}
        extra = sum(1 for cell in cells[len(table.columns) :] if cell is not None)
        table.rows.append(SourceRow(number, values, extra))
    if not table.rows:
        raise UnreadableFile(_("The file has column names but no rows."))
    return table
