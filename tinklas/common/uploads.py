"""Readers for files that people upload: Excel workbooks (XLSX), CSV and other text of rows,
zip archives. Every app reads its uploads through them.

Each reader checks the file against limits before it parses it and again while it reads, so
that a file of a few kilobytes cannot unpack into gigabytes or into millions of rows: a
workbook's archive is checked from its directory before openpyxl opens it (which holds every
shared string in memory), rows are streamed and counted whether blank or not, and text is
read in lines of bounded length. Past a limit a reader raises UploadRefused, whose message
names the limit and says what to do. The limits are settings (TINKLAS_UPLOAD_*, see
docs/operations.md); each kind of upload passes its own largest size."""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import IO, Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.xml.functions import iterparse  # the XML parser openpyxl reads sheets with

# Small parts of a workbook (its styles, a short sheet) are XML that compresses very well, so
# the ratio is only checked for members that unpack to more than this.
RATIO_CHECKED_FROM = 1024 * 1024
# A zip's directory takes 46 bytes per member plus its name and extras; a directory larger
# than this per member allowed cannot list a permitted number of members of sensible names,
# and Python's zipfile would read all of it into memory before anything could be counted.
DIRECTORY_BYTES_PER_MEMBER = 1024
# The end of a zip archive: the end-of-directory record, up to 64 KiB of comment before it
# and, in a zip64 archive, its own record and locator before that (APPNOTE.TXT 4.3.14-16).
END_RECORD = struct.Struct("<4s4H2LH")
END_SIGNATURE = b"PK\x05\x06"
ZIP64_LOCATOR = struct.Struct("<4sLQL")
ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
ZIP64_END_RECORD = struct.Struct("<4sQ2H2L4Q")
ZIP64_END_SIGNATURE = b"PK\x06\x06"
END_SEARCHED = END_RECORD.size + 0xFFFF + ZIP64_LOCATOR.size + ZIP64_END_RECORD.size
LINE_END = re.compile(r"\r\n|\r|\n")
# A formula element (<f>, <x:f>) in a sheet's XML, and how much XML is searched at a time.
FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
FORMULA_SCAN_BYTES = 1024 * 1024
# What openpyxl and zipfile raise for a damaged workbook, while opening it or reading rows
# (SyntaxError: xml.etree.ElementTree.ParseError).
BROKEN_WORKBOOK: tuple[type[Exception], ...] = (zipfile.BadZipFile, zlib.error, EOFError, OSError)
BROKEN_WORKBOOK += (InvalidFileException, KeyError, IndexError, ValueError, TypeError, SyntaxError)


class UploadRefused(Exception):
    """The file is refused as a whole; str() is the message for the person."""


class NotAnArchive(UploadRefused):
    """The file is not a zip archive at all (nor, then, a workbook)."""


@dataclass(frozen=True)
class Limits:
    """What one upload may hold. max_rows None: rows are not counted (a file streamed row by
    row into the database, whose size bounds them)."""

    max_bytes: int
    max_rows: int | None
    max_cells_per_row: int
    max_cell_characters: int
    max_line_characters: int
    max_archive_members: int
    max_member_bytes: int
    max_uncompressed_bytes: int
    max_compression_ratio: int


def upload_limits(max_bytes: int, **overrides: Any) -> Limits:
    """The limits in the settings, with the upload's own largest size and any override."""
    limits = Limits(
        max_bytes=max_bytes,
        max_rows=settings.TINKLAS_UPLOAD_MAX_ROWS,
        max_cells_per_row=settings.TINKLAS_UPLOAD_MAX_CELLS_PER_ROW,
        max_cell_characters=settings.TINKLAS_UPLOAD_MAX_CELL_CHARACTERS,
        max_line_characters=settings.TINKLAS_UPLOAD_MAX_LINE_CHARACTERS,
        max_archive_members=settings.TINKLAS_UPLOAD_MAX_ARCHIVE_MEMBERS,
        max_member_bytes=settings.TINKLAS_UPLOAD_MAX_MEMBER_BYTES,
        max_uncompressed_bytes=settings.TINKLAS_UPLOAD_MAX_UNCOMPRESSED_BYTES,
        max_compression_ratio=settings.TINKLAS_UPLOAD_MAX_COMPRESSION_RATIO,
    )
    return replace(limits, **overrides)


def grouped(number: int) -> str:
    return number_format(number, force_grouping=True)


def check_size(size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise UploadRefused(
            _("The file is %(size)s; at most %(limit)s is accepted. Split it into smaller files.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limits.max_bytes)}
        )


# Zip archives


def too_many_members(limits: Limits) -> UploadRefused:
    return UploadRefused(
        _(
            "The archive holds more than %(limit)s files. Upload a file with fewer parts, "
            "or save the workbook again from the spreadsheet program."
        )
        % {"limit": grouped(limits.max_archive_members)}
    )


def declared_directory(source: IO[bytes]) -> tuple[int, int]:
    """The number of members and the size of the directory that the archive's end record
    declares, found as zipfile finds it, so that both can be checked before zipfile reads
    the directory."""
    size = source.seek(0, io.SEEK_END)
    start = max(0, size - END_SEARCHED)
    source.seek(start)
    tail = source.read()
    position = len(tail) - END_RECORD.size
    if tail[position : position + 4] != END_SIGNATURE:  # the end record carries a comment
        position = tail.rfind(END_SIGNATURE)
    if position < 0 or len(tail) - position < END_RECORD.size:
        raise NotAnArchive(_("The file is not a zip archive."))
    end = END_RECORD.unpack_from(tail, position)
    members, directory_size = end[4], end[5]
    locator_at = position - ZIP64_LOCATOR.size
    record_at = locator_at - ZIP64_END_RECORD.size
    if record_at >= 0 and tail[locator_at : locator_at + 4] == ZIP64_LOCATOR_SIGNATURE:
        # zip64: the counts stand in a record just before the locator, as zipfile reads it.
        record = ZIP64_END_RECORD.unpack_from(tail, record_at)
        if record[0] != ZIP64_END_SIGNATURE:
            raise NotAnArchive(_("The file is not a zip archive."))
        members, directory_size = record[7], record[8]
    return members, directory_size


def check_archive(source: IO[bytes], limits: Limits) -> list[zipfile.ZipInfo]:
    """The archive's members, once their number, sizes and compression ratios are within
    the limits. The sizes are those of the directory: zipfile never unpacks more than a
    member declares (it fails the checksum instead), so they bound what reading takes."""
    members, directory_size = declared_directory(source)
    allowed = limits.max_archive_members
    if members > allowed or directory_size > allowed * DIRECTORY_BYTES_PER_MEMBER:
        raise too_many_members(limits)
    source.seek(0)
    try:
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise NotAnArchive(_("The file is not a zip archive.")) from None
    if len(infos) > allowed:  # zipfile counts the directory's entries, not the declaration
        raise too_many_members(limits)
    total = 0
    for info in infos:
        if info.file_size > limits.max_member_bytes:
            raise UploadRefused(
                _(
                    "%(member)s in the file unpacks to %(size)s; at most %(limit)s per part "
                    "is accepted. Split the file, or remove what the import does not need."
                )
                % {
                    "member": info.filename[:100],
                    "size": filesizeformat(info.file_size),
                    "limit": filesizeformat(limits.max_member_bytes),
                }
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECKED_FROM and ratio > limits.max_compression_ratio:
            raise UploadRefused(
                _(
                    "%(member)s in the file unpacks to %(ratio)s times its packed size; at "
                    "most %(limit)s times is accepted. Save the file again from the "
                    "spreadsheet program, or as CSV."
                )
                % {
                    "member": info.filename[:100],
                    "ratio": grouped(int(ratio)),
                    "limit": grouped(limits.max_compression_ratio),
                }
            )
        total += info.file_size
    if total > limits.max_uncompressed_bytes:
        raise UploadRefused(
            _(
                "The file unpacks to %(size)s; at most %(limit)s is accepted. Split it into "
                "smaller files."
            )
            % {
                "size": filesizeformat(total),
                "limit": filesizeformat(limits.max_uncompressed_bytes),
            }
        )
    source.seek(0)
    return infos


def open_zip(source: IO[bytes], limits: Limits) -> zipfile.ZipFile:
    """An uploaded zip archive, opened once its directory is within the limits."""
    check_size(source.seek(0, io.SEEK_END), limits)
    check_archive(source, limits)
    return zipfile.ZipFile(source)


# Rows: the same limits for the rows of a workbook and of a text file


def check_row(cells: Sequence[Any], number: int, limits: Limits) -> None:
    """Refuses row `number` (1 for the first) past the limits on rows, cells and characters."""
    if limits.max_rows is not None and number > limits.max_rows:
        raise UploadRefused(
            _(
                "The file has more than %(limit)s rows, empty rows included. Delete the empty "
                "rows below the table, or split the file."
            )
            % {"limit": grouped(limits.max_rows)}
        )
    if len(cells) > limits.max_cells_per_row:
        raise UploadRefused(
            _(
                "Row %(row)s has more than %(limit)s cells. Delete the columns to the right "
                "of the table."
            )
            % {"row": grouped(number), "limit": grouped(limits.max_cells_per_row)}
        )
    for position, cell in enumerate(cells, start=1):
        if isinstance(cell, str) and len(cell) > limits.max_cell_characters:
            raise UploadRefused(
                _(
                    "Row %(row)s, column %(column)s holds %(count)s characters; a cell may "
                    "hold at most %(limit)s. Shorten it."
                )
                % {
                    "row": grouped(number),
                    "column": get_column_letter(min(position, 18_278)),  # openpyxl's last
                    "count": grouped(len(cell)),
                    "limit": grouped(limits.max_cell_characters),
                }
            )


def not_a_workbook() -> UploadRefused:
    return UploadRefused(
        _(
            "The file is not an Excel workbook (.xlsx). Save it as an Excel workbook or as CSV "
            "and upload it again."
        )
    )


def xlsx_rows(content: bytes, limits: Limits) -> Iterator[tuple[Any, ...]]:
    """The values of the first sheet's rows, streamed in openpyxl's read-only mode. Each row
    is as wide as its last cell (the sheet's declared dimension, which a file may set to
    16,384 columns, is ignored), and rows missing from the file come as empty ones, counted
    like the others."""
    check_size(len(content), limits)
    source = io.BytesIO(content)
    try:
        check_archive(source, limits)
    except NotAnArchive:
        raise not_a_workbook() from None
    try:
        workbook = load_workbook(source, read_only=True, data_only=True, keep_links=False)
    except BROKEN_WORKBOOK:
        raise not_a_workbook() from None
    try:
        sheet = workbook.worksheets[0]
        refuse_uncalculated_formulas(content, sheet._worksheet_path)
        sheet.reset_dimensions()
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            check_row(row, number, limits)
            yield tuple(row)
    except BROKEN_WORKBOOK:
        raise not_a_workbook() from None
    finally:
        workbook.close()


def refuse_uncalculated_formulas(content: bytes, path: str) -> None:
    """Refuses the sheet at `path` if a cell holds a formula but no value: a workbook written
    by a program and never opened in a spreadsheet has no results of its formulas, which
    openpyxl reads as empty cells. The archive is within the limits (check_archive), which
    bound this second reading; a search of the raw XML tells most sheets hold no formula."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        with archive.open(path) as source:
            overlap = b""  # a tag cut between two slices
            while not FORMULA_TAG.search(overlap + (chunk := source.read(FORMULA_SCAN_BYTES))):
                overlap = chunk[-64:]
                if not chunk:
                    return
        with archive.open(path) as source:
            cell = first_uncalculated(source)
    if cell:
        raise UploadRefused(
            _(
                "Cell %(cell)s holds a formula without a value: open the file in a spreadsheet "
                "program and save it, or paste the values instead of the formulas."
            )
            % {"cell": cell}
        )


def first_uncalculated(source: IO[bytes]) -> str:
    """The first cell ("D7") holding a formula but no value."""
    row_number, column = 0, 0  # a row or a cell without its reference is the next one
    for event, element in iterparse(source, events=("start", "end")):
        tag = element.tag.rsplit("}", 1)[-1]
        if event == "start" and tag == "row":
            row_number, column = int(element.get("r") or row_number + 1), 0
        elif event == "end" and tag == "c":
            letters = element.get("r", "").rstrip("0123456789")
            column = column_index_from_string(letters) if letters else column + 1
            parts = {child.tag.rsplit("}", 1)[-1]: child.text for child in element}
            # A formula whose result is text may have an empty one; any other needs a value.
            text_result = "v" in parts and element.get("t") == "str"
            if "f" in parts and not (parts.get("v") or text_result):
                return f"{get_column_letter(column)}{row_number}"
        elif event == "end" and tag == "row":
            element.clear()  # what is left of each row read is an empty element
    return ""


def line_too_long(line: int, limits: Limits) -> UploadRefused:
    return UploadRefused(
        _(
            "Line %(line)s is longer than %(limit)s characters. Each row of a text file ends "
            "with a line break and each quoted value with a quotation mark: check that this "
            "is the right file."
        )
        % {"line": grouped(line), "limit": grouped(limits.max_line_characters)}
    )


def string_lines(text: str, limits: Limits) -> Iterator[str]:
    """The lines of text held in memory, ending at \\n, \\r or \\r\\n as csv expects. Each is
    looked for within the limit (and room for the line break), so that text without line
    breaks is not copied as one giant line (io.StringIO would copy all of it, at four bytes
    a character)."""
    longest = limits.max_line_characters
    position, number = 0, 0
    while position < len(text):
        number += 1
        window_end = position + longest + 2
        found = LINE_END.search(text, position, window_end)
        end = found.end() if found else min(len(text), window_end)
        line = text[position:end]
        if len(line.rstrip("\r\n")) > longest:
            raise line_too_long(number, limits)
        yield line
        position = end


def text_lines(binary: IO[bytes], limits: Limits) -> Iterator[str]:
    """The lines of a UTF-8 file, read and decoded one at a time (a byte-order mark at the
    start is dropped), so that a large file never sits in memory and a byte that is not
    UTF-8 is reported at its line. Line ends stay, for csv."""
    longest = limits.max_line_characters
    # A character takes at most 4 bytes: this many bytes without a line break are too long.
    most_bytes = 4 * (longest + 2)
    number = 0
    while raw := binary.readline(most_bytes):
        number += 1
        if len(raw) == most_bytes and not raw.endswith(b"\n"):
            raise line_too_long(number, limits)
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise UploadRefused(_("Line %(line)s is not UTF-8 text.") % {"line": number}) from None
        if len(text.rstrip("\r\n")) > longest:
            raise line_too_long(number, limits)
        yield text


class CsvRows:
    """csv.reader over lines, each row checked against the limits as it is read. A quoted
    value may hold line breaks, so a row may take several lines: together they are held to
    the line limit too. csv.Error passes through, for the caller to name the row its way."""

    def __init__(self, lines: Iterable[str], limits: Limits, **options: Any) -> None:
        self.limits = limits
        self.rows_read = 0
        self._lines = iter(lines)
        self._row_characters = 0
        self._first_line = 1  # of the row being read, for the message
        self._reader = csv.reader(self._feed(), **options)

    @property
    def line_num(self) -> int:
        """Lines read so far, as csv.reader counts them."""
        return self._reader.line_num

    def _feed(self) -> Iterator[str]:
        for line in self._lines:
            self._row_characters += len(line.rstrip("\r\n"))
            if self._row_characters > self.limits.max_line_characters:
                raise line_too_long(self._first_line, self.limits)
            yield line

    def __iter__(self) -> CsvRows:
        return self

    def __next__(self) -> list[str]:
        self._row_characters = 0
        self._first_line = self._reader.line_num + 1
        row = next(self._reader)
        self.rows_read += 1
        check_row(row, self.rows_read, self.limits)
        return row
