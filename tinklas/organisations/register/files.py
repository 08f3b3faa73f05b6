"""Reading the open-data files of Lithuania's Register of Legal Entities (Registrų centras,
CC BY 4.0): pipe-separated UTF-8 text, a header line naming the columns, a value holding quotes or
pipes put in quotes with its own quotes doubled (as csv does), dates as YYYY-MM-DD.

A file is recognised by its header, never by its name, and read as a stream, one row at a
time, so that a file of 40 MB never sits in memory, through tinklas.common.uploads: a line
longer than the upload limit (a file without line breaks, a quote never closed) or a row of
too many cells or characters stops the file. Each row comes out either parsed or as a
problem naming its line and field; what the rows mean is organisations/register/loading.py's.

Rows end at a line feed, with or without a carriage return before it (LF or CR LF, mixed in
one file as they come); a line break inside a quoted value is part of the value. A carriage
return anywhere else in a line, outside quotes, may end a row (files whose lines end in CR
alone) or be a stray character in a value: which one cannot be told, so the row is refused
in words saying what to do, and the rest of the file is still checked."""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime
import enum
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.utils.translation import gettext_noop

from tinklas.common import uploads
from tinklas.organisations.register.problems import Message

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


# Said of a line that a carriage return breaks outside quotes (see the module's docstring).
BROKEN_BY_CARRIAGE_RETURN = gettext_noop(
    "A carriage return (CR) stands inside the line, outside quotation marks, so it is not "
    "clear whether the row ends there. Save the file with line breaks only at the ends of "
    "rows (LF or CR LF), or put the value that holds the carriage return in quotation marks."
)
FIRST_LINE_BROKEN_BY_CARRIAGE_RETURN = gettext_noop(
    "The first line holds a carriage return (CR) before its end, as a file whose lines end "
    "in CR alone does. Save the file with line breaks LF or CR LF and load it again."
)
UNREADABLE_ROW = gettext_noop(
    "The row cannot be read as pipe-separated text: check its quotation marks."
)


@dataclass
class RegisterSource:
    """A file to load: its name for messages and a way to open it (as bytes), twice."""

    name: str
    open: Callable[[], contextlib.AbstractContextManager[IO[bytes]]]


class RegisterFileError(Exception):
    """The file as a whole cannot be read as a register file; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message  # a Message when it is the loader's own, to word it again


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
    message: Message
    # The row's company code when that much of it is right, so that a code given twice is
    # found in the same check as the row's other problem.
    code: str = ""


class FieldError(ValueError):
    """A value of a row that is wrong; the message names its column."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


class RememberedLines:
    """The lines of a file on their way to csv, remembering the last one given, to say why
    csv could not read a row (csv's own errors speak of Python)."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.last = ""
        self._lines = iter(lines)

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            self.last = line
            yield line

    def broken_by_carriage_return(self) -> bool:
        return "\r" in self.last.rstrip("\r\n")


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
            Message(
                gettext_noop(
                    "The first line is not a header of the register's files. Expected: "
                    "%(expected)s."
                ),
                {"expected": expected_headers()},
            )
        )
    return kind


def unreadable_header(lines: RememberedLines) -> RegisterFileError:
    if lines.broken_by_carriage_return():
        return RegisterFileError(Message(FIRST_LINE_BROKEN_BY_CARRIAGE_RETURN))
    return RegisterFileError(
        Message(gettext_noop("The first line cannot be read as pipe-separated text."))
    )


def header_kind(binary: IO[bytes]) -> FileKind:
    """The kind of file by its first line, without reading further (for a quick check of
    an upload before it is stored)."""
    first_line = binary.readline(MAX_HEADER_LENGTH)
    try:
        text = codecs.decode(first_line, "utf-8-sig")
    except UnicodeDecodeError:
        raise RegisterFileError(Message(gettext_noop("The file is not UTF-8 text."))) from None
    lines = RememberedLines([text.rstrip("\r\n")])
    try:
        return recognise(next(csv.reader(lines, delimiter="|"), []))
    except csv.Error:
        raise unreadable_header(lines) from None


def read_rows(binary: IO[bytes]) -> tuple[FileKind, Iterator[RegisterRow | RowProblem]]:
    """The kind of file and its rows, read one at a time. Raises RegisterFileError for an
    unknown header, text that is not UTF-8 or a line past the upload limits."""
    register_limits = limits()
    lines = RememberedLines(uploads.text_lines(binary, register_limits))
    reader = uploads.CsvRows(lines, register_limits, delimiter="|", quotechar='"', doublequote=True)
    try:
        header = next(reader, None)
    except csv.Error:
        raise unreadable_header(lines) from None
    except uploads.UploadRefused as error:
        raise RegisterFileError(str(error)) from None
    if header is None:
        raise RegisterFileError(Message(gettext_noop("The file is empty.")))
    kind = recognise(header)
    return kind, rows_of(reader, lines, kind)


def rows_of(
    reader: uploads.CsvRows, lines: RememberedLines, kind: FileKind
) -> Iterator[RegisterRow | RowProblem]:
    line_number = reader.line_num
    width = len(REGISTERED_HEADER if kind == FileKind.REGISTERED else DEREGISTERED_HEADER)
    while True:
        first_line = line_number + 1  # a quoted value may span lines: report where it starts
        try:
            values = next(reader, None)
        except csv.Error:
            # csv drops the rest of the line and starts afresh on the next one, so the
            # check goes on and lists every such line.
            line_number = reader.line_num
            broken = lines.broken_by_carriage_return()
            yield RowProblem(
                first_line, Message(BROKEN_BY_CARRIAGE_RETURN if broken else UNREADABLE_ROW)
            )
            continue
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
                Message(
                    gettext_noop("%(found)s fields instead of %(expected)s."),
                    {"found": len(values), "expected": width},
                ),
            )
            continue
        values = [value.strip() for value in values]
        try:
            yield parse_row(first_line, values, kind)
        except FieldError as error:
            code = values[0] if CODE.fullmatch(values[0]) else ""
            yield RowProblem(first_line, error.message, code)


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
        raise FieldError(
            Message(
                gettext_noop("ja_kodas: %(value)s is not a company code (digits only)."),
                {"value": code[:40]},
            )
        )
    if not name:
        raise FieldError(Message(gettext_noop("ja_pavadinimas: the name is empty.")))
    extract_date = date_in("formavimo_data", extract)
    if extract_date is None:
        raise FieldError(Message(gettext_noop("formavimo_data: the extract date is empty.")))
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
    """A date of the files (YYYY-MM-DD); None when empty. FieldError names the column."""
    if not value:
        return None
    try:
        if not DATE.fullmatch(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise FieldError(
            Message(
                gettext_noop("%(column)s: %(value)s is not a date (YYYY-MM-DD)."),
                {"column": column, "value": value[:40]},
            )
        ) from None
