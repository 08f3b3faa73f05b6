"""Workbooks written part by part, for tests of the upload readers: the few XML parts openpyxl
needs, so that a file holding a bomb stays a few kilobytes; and a measure of the time and
memory that reading a file takes."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def inline_row(*values: str) -> str:
    cells = "".join(f'<c t="inlineStr"><is><t>{escape(value)}</t></is></c>' for value in values)
    return f"<row>{cells}</row>"


def xlsx_file(sheet_data: str, shared_strings: list[str] | None = None) -> bytes:
    """A workbook of one sheet whose <sheetData> is `sheet_data`, with a shared-strings part
    when `shared_strings` is given (cells refer to them as <c t="s"><v>0</v></c>)."""
    overrides = {
        "/xl/workbook.xml": f"{SPREADSHEET}.sheet.main+xml",
        "/xl/worksheets/sheet1.xml": f"{SPREADSHEET}.worksheet+xml",
    }
    relationships = {"worksheet": "worksheets/sheet1.xml"}
    if shared_strings is not None:
        overrides["/xl/sharedStrings.xml"] = f"{SPREADSHEET}.sharedStrings+xml"
        relationships["sharedStrings"] = "sharedStrings.xml"
    content_types = "".join(
        f'<Override PartName="{part}" ContentType="{kind}"/>' for part, kind in overrides.items()
    )
    workbook_relationships = "".join(
        f'<Relationship Id="rId{number}" Type="{RELATIONSHIPS}/{kind}" Target="{target}"/>'
        for number, (kind, target) in enumerate(relationships.items(), start=1)
    )
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{CONTENT_TYPES}">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{content_types}</Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" '
            f'Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>'
            '<sheet name="Members" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{workbook_relationships}'
            "</Relationships>",
        )
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{MAIN}"><sheetData>{sheet_data}</sheetData></worksheet>',
        )
        if shared_strings is not None:
            strings = "".join(f"<si><t>{escape(text)}</t></si>" for text in shared_strings)
            archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{strings}</sst>')
    return output.getvalue()


def shared_string_bomb(characters: int = 8_000_000) -> bytes:
    """A member list whose one organisation's name is a shared string of millions of one
    letter: a few kilobytes packed."""
    return xlsx_file(
        inline_row("name", "joined_on")
        + '<row><c t="s"><v>0</v></c><c t="inlineStr"><is><t>2025-01-01</t></is></c></row>',
        shared_strings=["a" * characters],
    )


def empty_rows_bomb(rows: int = 1_000_000) -> bytes:
    """A member list of one organisation followed by a million empty rows."""
    return xlsx_file(
        inline_row("name", "joined_on") + inline_row("UAB Pienas", "2025-01-01") + "<row/>" * rows
    )


@dataclass
class Measurement:
    error: Exception | None  # what reading raised
    seconds: float
    peak_bytes: int  # Python's memory growth at its highest while reading


def attempt(read: Callable[[], object]) -> Exception | None:
    try:
        read()
    except Exception as error:
        return error
    return None


def measured(read: Callable[[], object]) -> Measurement:
    """Reads once timed, then once traced (tracing slows Python down several times)."""
    started = time.perf_counter()
    error = attempt(read)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    try:
        attempt(read)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return Measurement(error, seconds, peak)
