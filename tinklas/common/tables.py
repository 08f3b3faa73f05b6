"""Tables of rows written as CSV (by tinklas.common.csv_files), XLSX or JSON. A table is a list
of columns, each a stable English key, a translated header, a description and a function giving
the value of a row; every format and the open-data README are written from the same definition."""

from __future__ import annotations

import datetime
import json
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any, Generic, TypeVar, cast

from django.db.models import Choices, ForeignKey, Model, QuerySet
from django.utils.functional import Promise
from django.utils.text import capfirst
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tinklas.common.csv_files import LIST_SEPARATOR, Cell

RowType = TypeVar("RowType", bound=Model)
# What a column's function may give: lists are joined with "; " in CSV and XLSX and stay
# arrays in JSON; dates are written as YYYY-MM-DD. CSV is written by common/csv_files.py, the
# platform's one CSV writer, which neutralises formulas.
Value = Cell
Text = str | Promise

# Rows are read from the database in chunks of this size, each chunk with its prefetches, so
# that neither the number of queries per row nor the memory grows with the table. Under 1,000:
# a prefetch of a translated model (regions, clusters, activities) is written as one
# condition per distinct value, and SQLite refuses expressions more than 1,000 deep.
CHUNK_SIZE = 500


@dataclass(frozen=True)
class Column(Generic[RowType]):
    key: str  # stable English name: JSON keys, open-data CSV headers
    header: Text  # translated, for CSV and XLSX downloads
    value: Callable[[RowType], Value]
    description: Text
    width: int = 18  # XLSX column width in characters


@dataclass(frozen=True)
class Table(Generic[RowType]):
    name: str  # file name without extension
    title: Text  # XLSX sheet title
    description: Text
    columns: list[Column[RowType]]
    # Adds the joins and prefetches the columns read, so that the queries do not grow with rows.
    prepare: Callable[[QuerySet[RowType], datetime.date], QuerySet[RowType]] = field(
        default=lambda queryset, today: queryset
    )
    # Reads small vocabularies (regions, activities, clusters) once per download and returns
    # what attaches them to each chunk of rows: cheaper than joining or prefetching them again
    # for every chunk.
    shared: Callable[[], Callable[[list[RowType]], None]] | None = None

    def headers(self) -> list[str]:
        return [str(column.header) for column in self.columns]

    def column_keys(self) -> list[str]:
        return [column.key for column in self.columns]

    def rows(self, queryset: QuerySet[RowType], today: datetime.date) -> Iterator[list[Value]]:
        items = self.prepare(queryset, today).iterator(chunk_size=CHUNK_SIZE)
        attach = self.shared() if self.shared else None
        for chunk in chunks(items, CHUNK_SIZE):
            if attach:
                attach(chunk)
            for item in chunk:
                yield [column.value(item) for column in self.columns]


def chunks(items: Iterable[RowType], size: int) -> Iterator[list[RowType]]:
    chunk: list[RowType] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def attach_shared(items: Sequence[Model], name: str, shared: dict[Any, Any]) -> None:
    """Sets each item's foreign key `name` to the object read once into `shared` (by primary
    key), as select_related would, without a query."""
    if not items:
        return
    related_field = cast(ForeignKey[Any, Any], items[0]._meta.get_field(name))
    for item in items:
        related_field.set_cached_value(item, shared.get(getattr(item, related_field.attname)))


def joined(values: Iterable[object]) -> list[str]:
    """A column value listing several things (fields, clusters), empty ones left out."""
    return [str(value) for value in values if value]


def choice_label(choices: type[Choices], value: object) -> str:
    """The label of a stored choice, capitalised; "" when none is stored. Much cheaper per row
    than get_FOO_display(), which rebuilds a lookup of every choice on each call."""
    if value in ("", None):
        return ""
    try:
        return capfirst(str(choices(value).label)) or ""
    except ValueError:  # a value no longer among the choices
        return str(value)


def json_value(value: Value) -> object:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def json_pieces(keys: list[str], rows: Iterable[list[Value]]) -> Iterator[str]:
    """A JSON array of objects, one line per object, sent as it is read."""
    yield "["
    separator = "\n"
    for row in rows:
        item = {key: json_value(value) for key, value in zip(keys, row, strict=True)}
        yield separator + json.dumps(item, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def xlsx_cell(sheet: Any, value: Value) -> Any:
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        if text.startswith("="):
            # Written as text: openpyxl would otherwise store it as a formula.
            cell = WriteOnlyCell(sheet, text)
            cell.data_type = "s"
            return cell
        return text
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def xlsx_file(table: Table[Any], rows: Iterable[list[Value]]) -> IO[bytes]:
    """The workbook in a temporary file, rewound. Write-only mode keeps one row in memory."""
    workbook = Workbook(write_only=True)
    # Sheet titles are limited to 31 characters and some punctuation.
    sheet = workbook.create_sheet(re.sub(r"[\[\]:*?/\\]", " ", str(table.title))[:31])
    headers = table.headers()
    for index, (column, header) in enumerate(zip(table.columns, headers, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(column.width, len(header) + 2)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the response that sends it)
    workbook.save(file)
    file.seek(0)
    return file
