"""The platform's one CSV writer. Every CSV file the platform produces — the directory
downloads, the open-data archive, the import templates, the audit log — is written here, so
that no download can forget to neutralise text a spreadsheet would run as a formula. A test
(common/tests/test_csv_files.py) keeps csv.writer out of every other module.

Files start with a byte-order mark, so that spreadsheets read them as UTF-8 (Lithuanian letters
otherwise come out garbled in Excel), and end lines with CRLF, as RFC 4180 writes them."""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import IO

# What a cell may hold: lists are joined with "; ", dates written as YYYY-MM-DD (times in ISO
# 8601), decimals without trailing zeros, booleans as true and false.
Cell = str | bool | int | Decimal | datetime.date | list[str] | None

CONTENT_TYPE = "text/csv; charset=utf-8"
BYTE_ORDER_MARK = "\ufeff"
LIST_SEPARATOR = "; "
# Streamed CSV is sent in pieces of about this many characters rather than line by line.
STREAM_PIECE = 64 * 1024

# Text a spreadsheet would run as a formula (or, for tab and carriage return, read past to one).
# "+" and "-" followed by digits only (a phone number, a negative figure) are left alone.
FORMULA_START = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s().-]*$))")


def spreadsheet_safe(text: str) -> str:
    """Text that cannot be run as a formula when the file is opened in a spreadsheet: an
    apostrophe before a leading =, @, tab, carriage return, + or -, as spreadsheets themselves
    mark literal text."""
    return "'" + text if FORMULA_START.match(text) else text


def decimal_text(value: Decimal) -> str:
    """1.50 as "1.5", 2.00 as "2"."""
    return f"{value.normalize():f}"


def cell_text(value: Cell) -> str:
    """A cell as written. Only text is neutralised: numbers and dates cannot be formulas."""
    if value is None:
        return ""
    if isinstance(value, list):
        return spreadsheet_safe(LIST_SEPARATOR.join(value))
    if isinstance(value, datetime.date):  # a datetime too
        return value.isoformat()
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, bool):  # before int, which it is too: "true", as JSON writes it
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # str() also for a lazily translated label handed in where text was meant.
    return spreadsheet_safe(str(value))


class _Echo:
    """A file whose write() returns the line, so that csv.writer formats without buffering."""

    def write(self, text: str) -> str:
        return text


def csv_lines(header: Sequence[Cell], rows: Iterable[Sequence[Cell]]) -> Iterator[str]:
    """The file line by line, the byte-order mark before the header; rows are read as the
    lines are asked for, so that a download of any size keeps one row in memory."""
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield BYTE_ORDER_MARK + writer.writerow([cell_text(value) for value in header])
    for row in rows:
        yield writer.writerow([cell_text(value) for value in row])


def csv_pieces(header: Sequence[Cell], rows: Iterable[Sequence[Cell]]) -> Iterator[str]:
    """The file in pieces of about STREAM_PIECE characters, for a streamed response: sending
    each line on its own costs more than writing it."""
    piece: list[str] = []
    size = 0
    for line in csv_lines(header, rows):
        piece.append(line)
        size += len(line)
        if size >= STREAM_PIECE:
            yield "".join(piece)
            piece, size = [], 0
    yield "".join(piece)


def write_csv(file: IO[str], header: Sequence[Cell], rows: Iterable[Sequence[Cell]]) -> int:
    """Writes the file to an open text file (opened with newline=""); returns the number of
    data rows."""
    count = -1  # the header is not a row
    for line in csv_lines(header, rows):
        file.write(line)
        count += 1
    return count


def csv_bytes(header: Sequence[Cell], rows: Iterable[Sequence[Cell]]) -> bytes:
    """A small file whole, encoded as UTF-8."""
    return "".join(csv_lines(header, rows)).encode("utf-8")
