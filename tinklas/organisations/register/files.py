"""Reading the open-data files of Lithuania's Register of Legal Entities (Registrų centras,
CC BY 4.0): pipe-separated UTF-8 text, a header line naming the columns, a value holding quotes or
pipes put in quotes with its own quotes doubled (as csv does), dates as YYYY-MM-DD.

A file is recognised by its header, never by its name, and read as a stream, one row at a
time, so that a file of 40 MB never sits in memory, through tinklas.common.uploads: a line
longer than the upload limit (a file without line breaks, a quote never closed) or a row of
too many cells or characters stops the file. Each row comes out either parsed or as a
problem naming its line and field; what the rows mean is organisations/register/loading.py's."""

from __future__ import annotations

import codecs
import csv
import datetime
import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from tinklas.common import uploads

REGISTERED_HEADER = (
    "ja_kodas",
    "ja_pavadinimas",
    "adresas",
    "ja_reg_data",
    "form_kodas",
    "form_pavadinimas",
    "stat_kodas",
    "stat_pavadinimas",
    "stat_data_nuo",
    "formavimo_data",
)
DEREGISTERED_HEADER = (
    "ja_kodas",
    "ja_pavadinimas",
    "adresas",
    "ja_reg_data",
    "form_kodas",
    "form_pavadinimas",
    "isreg_data",
    "formavimo_data",
)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CODE = re.compile(r"\d{1,20}")
# A header longer than this is not one of the register's.
MAX_HEADER_LENGTH = 1000


class FileKind(enum.StrEnum):
    REGISTERED = "registered"  # JAR_IREGISTRUOTI.csv
    DEREGISTERED = "deregistered"  # JAR_ISREGISTRUOTI.csv


HEADERS = {REGISTERED_HEADER: FileKind.REGISTERED, DEREGISTERED_HEADER: FileKind.DEREGISTERED}


class RegisterFileError(Exception):
    """The file as a whole cannot be read as a register file; the message says why."""


@dataclass(frozen=True, slots=True)
class RegisterRow:
    line: int
    code: str
    name: str
    address: str
    registered_on: datetime.date | None
    legal_form_code: str
    legal_form: str
    status_code: str
    status_name: str
    status_since: datetime.date | None
    deregistered_on: datetime.date | None
    extract_date: datetime.date


@dataclass(frozen=True, slots=True)
class RowProblem:
    line: int
    message: str


def expected_headers() -> str:
    return " / ".join("|".join(header) for header in HEADERS)


def limits() -> uploads.Limits:
    """The limits of every upload, without a limit on rows: the files hold 230,000 and are
    streamed into the database, so their size bounds them."""
    return uploads.upload_limits(max_bytes=settings.TINKLAS_REGISTER_MAX_BYTES, max_rows=None)


def recognise(header: list[str]) -> FileKind:
    kind = HEADERS.get(tuple(column.strip().lower() for column in header))
    if kind is None:
        raise RegisterFileError(
            _("The first line is not a header of the register's files. Expected: %(expected)s.")
            % {"expected": expected_headers()}
        )
    return kind


def header_kind(binary: IO[bytes]) -> FileKind:
    """The kind of file by its first line, without reading further (for a quick check of
    an upload before it is stored)."""
    first_line = binary.readline(MAX_HEADER_LENGTH)
    try:
        text = codecs.decode(first_line, "utf-8-sig")
    except UnicodeDecodeError:
        raise RegisterFileError(_("The file is not UTF-8 text.")) from None
    return recognise(next(csv.reader([text.rstrip("\r\n")], delimiter="|"), []))


def read_rows(binary: IO[bytes]) -> tuple[FileKind, Iterator[RegisterRow | RowProblem]]:
    """The kind of file and its rows, read one at a time. Raises RegisterFileError for an
    unknown header, text that is not UTF-8 or quoting that cannot be read."""
    register_limits = limits()
    reader = uploads.CsvRows(
        uploads.text_lines(binary, register_limits),
        register_limits,
        delimiter="|",
        quotechar='"',
        doublequote=True,
    )
    try:
        header = next(reader, None)
    except csv.Error:
        raise RegisterFileError(
            _("The first line cannot be read as pipe-separated text.")
        ) from None
    except uploads.UploadRefused as error:
        raise RegisterFileError(str(error)) from None
    if header is None:
        raise RegisterFileError(_("The file is empty."))
    kind = recognise(header)
    return kind, rows_of(reader, kind)


def rows_of(reader: uploads.CsvRows, kind: FileKind) -> Iterator[RegisterRow | RowProblem]:
    line_number = reader.line_num
    width = len(REGISTERED_HEADER if kind == FileKind.REGISTERED else DEREGISTERED_HEADER)
    while True:
        first_line = line_number + 1  # a quoted value may span lines: report where it starts
        try:
            values = next(reader, None)
        except csv.Error as error:
            raise RegisterFileError(
                _("Line %(line)s cannot be read: %(reason)s.")
                % {"line": first_line, "reason": error}
            ) from None
        except uploads.UploadRefused as error:
            raise RegisterFileError(str(error)) from None
        if values is None:
            return
        line_number = reader.line_num
        if not values:
            continue  # an empty line, as at the end of some files
        if len(values) != width:
            yield RowProblem(
                first_line,
                _("%(found)s fields instead of %(expected)s.")
                % {"found": len(values), "expected": width},
            )
            continue
        try:
            yield parse_row(first_line, [value.strip() for value in values], kind)
        except ValueError as error:
            yield RowProblem(first_line, str(error))


def parse_row(line: int, values: list[str], kind: FileKind) -> RegisterRow:
    if kind == FileKind.REGISTERED:
        (code, name, address, registered, form_code, form, status_code, status_name) = values[:8]
        status_since = date_in("stat_data_nuo", values[8])
        deregistered_on = None
        extract = values[9]
    else:
        (code, name, address, registered, form_code, form) = values[:6]
        status_code, status_name = "", ""
        deregistered_on = date_in("isreg_data", values[6])
        status_since = deregistered_on
        extract = values[7]
    if not CODE.fullmatch(code):
        raise ValueError(
            _("ja_kodas: %(value)s is not a company code (digits only).") % {"value": code[:40]}
        )
    if not name:
        raise ValueError(_("ja_pavadinimas: the name is empty."))
    extract_date = date_in("formavimo_data", extract)
    if extract_date is None:
        raise ValueError(_("formavimo_data: the extract date is empty."))
    return RegisterRow(
        line=line,
        code=code,
        name=name,
        address=address,
        registered_on=date_in("ja_reg_data", registered),
        legal_form_code=form_code,
        legal_form=form,
        status_code=status_code,
        status_name=status_name,
        status_since=status_since,
        deregistered_on=deregistered_on,
        extract_date=extract_date,
    )


def date_in(column: str, value: str) -> datetime.date | None:
    """A date of the files (YYYY-MM-DD); None when empty. ValueError names the column."""
    if not value:
        return None
    try:
        if not DATE.fullmatch(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            _("%(column)s: %(value)s is not a date (YYYY-MM-DD).")
            % {"column": column, "value": value[:40]}
        ) from None
