"""Every CSV file the platform writes goes through one writer, which keeps text from running as
a formula when the file is opened in a spreadsheet."""

from __future__ import annotations

import ast
import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path

from tinklas.common import csv_files

SOURCES = Path(__file__).resolve().parents[2]  # tinklas/
WRITER = Path(csv_files.__file__).resolve()
CSV_WRITERS = {"writer", "DictWriter"}


def platform_modules() -> list[Path]:
    """The platform's own code; tests may write CSV to feed the import as a person would."""
    return [
        path
        for path in sorted(SOURCES.rglob("*.py"))
        if "tests" not in path.relative_to(SOURCES).parts and path.resolve() != WRITER
    ]


def writers_in(source: str) -> list[int]:
    """Lines that make a csv.writer or csv.DictWriter (however csv was imported)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in CSV_WRITERS
            and isinstance(node.value, ast.Name)
            and node.value.id == "csv"
        ):
            lines.append(node.lineno)
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "csv"
            and any(alias.name in CSV_WRITERS for alias in node.names)
        ):
            lines.append(node.lineno)
    return lines


def test_no_module_but_the_common_writer_writes_csv():
    assert len(platform_modules()) > 100  # the scan really reads the sources
    offenders = {
        f"{path.relative_to(SOURCES)}:{line}"
        for path in platform_modules()
        for line in writers_in(path.read_text(encoding="utf-8"))
    }
    assert offenders == set(), "write CSV with tinklas.common.csv_files"
    # A CSV response's content type, too, is spelled once, where the files are written.
    spelled = {
        str(path.relative_to(SOURCES))
        for path in platform_modules()
        if "text/csv;" in path.read_text(encoding="utf-8")
    }
    assert spelled == set()


def test_text_that_a_spreadsheet_would_run_is_written_as_text():
    header = ["name", "phone", "figure", "joined", "fields"]
    rows = [
        ['=HYPERLINK("http://evil.example","x")', "+370 600 12345", Decimal("1.50"), None, []],
        ["@SUM(A1)", "+1+cmd|' /C calc'!A0", -5, datetime.date(2024, 5, 1), ["-2+3", "ICT"]],
        ["\tTab", "\rReturn", "-12.5", "", ["ICT", "=x"]],
        ["UAB Pienas - Vilnius", "-", 0, "", ["ICT"]],
    ]
    text = csv_files.csv_bytes(header, rows).decode("utf-8")
    assert text.startswith("\ufeffname,phone,")
    assert text.endswith("\r\n")
    read = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert read[1] == ['\'=HYPERLINK("http://evil.example","x")', "+370 600 12345", "1.5", "", ""]
    assert read[2] == ["'@SUM(A1)", "'+1+cmd|' /C calc'!A0", "-5", "2024-05-01", "'-2+3; ICT"]
    assert read[3] == ["'\tTab", "'\rReturn", "-12.5", "", "ICT; =x"]
    assert read[4] == ["UAB Pienas - Vilnius", "-", "0", "", "ICT"]
