"""Reading the register's files: recognised by their header, quoted values as the register
writes them, empty dates, and problems named by line and field."""

import datetime
import io
import re

import pytest

from tinklas.common.tests.workbooks import measured
from tinklas.organisations.register.files import (
    FileKind,
    RegisterFileError,
    RegisterRow,
    RowProblem,
    header_kind,
    read_rows,
)
from tinklas.organisations.register.tests.register_data import (
    DEREGISTERED_HEADER,
    REGISTERED_HEADER,
)


def rows_of(text: str, *, bom: bool = False) -> tuple[FileKind, list[RegisterRow | RowProblem]]:
    kind, rows = read_rows(io.BytesIO(("\ufeff" if bom else "").encode() + text.encode()))
    return kind, list(rows)


def rows_of_binary(binary: io.BytesIO) -> list[RegisterRow | RowProblem]:
    binary.seek(0)
    return list(read_rows(binary)[1])


def test_each_file_is_recognised_by_its_header_whatever_its_name():
    assert header_kind(io.BytesIO(f"{REGISTERED_HEADER}\n".encode())) == FileKind.REGISTERED
    assert header_kind(io.BytesIO(f"{DEREGISTERED_HEADER}\r\n".encode())) == FileKind.DEREGISTERED
    with pytest.raises(RegisterFileError, match=r"Expected: ja_kodas\|ja_pavadinimas"):
        header_kind(io.BytesIO(b"code;name;address\n"))


def test_a_registered_row_is_read_with_its_dates():
    kind, rows = rows_of(
        f"{REGISTERED_HEADER}\n"
        "110003978|UAB Pienas|Kaunas, Savanorių pr. 271-403|1996-04-03|310|"
        "Uždaroji akcinė bendrovė|7|Likviduojamas|2025-01-02|2026-08-28\n"
    )
    assert kind == FileKind.REGISTERED
    (row,) = rows
    assert isinstance(row, RegisterRow)
    assert row.line == 2
    assert (row.code, row.name, row.address) == (
        "110003978",
        "UAB Pienas",
        "Kaunas, Savanorių pr. 271-403",
    )
    assert (row.status_code, row.status_name) == ("7", "Likviduojamas")
    assert row.registered_on == datetime.date(1996, 4, 3)
    assert row.status_since == datetime.date(2025, 1, 2)
    assert row.extract_date == datetime.date(2026, 8, 28)
    assert row.deregistered_on is None


def test_doubled_quotes_and_a_pipe_inside_quotes_are_one_value():
    _kind, rows = rows_of(
        f"{REGISTERED_HEADER}\n"
        '110003978|"Uždaroji akcinė bendrovė ""Lietkompexim"""|"Vilnius | centras"|'
        "1996-04-03|310|Uždaroji akcinė bendrovė|0|Teisinis statusas neįregistruotas|"
        "1996-04-03|2026-08-28\n"
    )
    (row,) = rows
    assert isinstance(row, RegisterRow)
    assert row.name == 'Uždaroji akcinė bendrovė "Lietkompexim"'
    assert row.address == "Vilnius | centras"


def test_empty_fields_and_dates_are_empty():
    values = ["110003978", "UAB Pienas", "", "", "", "", "", "", "", "2026-08-28"]
    _kind, rows = rows_of(f"{REGISTERED_HEADER}\n{'|'.join(values)}\n")
    (row,) = rows
    assert isinstance(row, RegisterRow)
    assert row.address == row.legal_form == row.status_name == ""
    assert row.registered_on is None and row.status_since is None


def test_a_byte_order_mark_and_a_missing_final_newline_change_nothing():
    text = (
        f"{DEREGISTERED_HEADER}\r\n"
        "110003978|UAB Pienas|Kaunas|1996-04-03|310|Uždaroji akcinė bendrovė|2024-05-06|2026-08-28"
    )
    kind, rows = rows_of(text, bom=True)
    assert kind == FileKind.DEREGISTERED
    (row,) = rows
    assert isinstance(row, RegisterRow)
    assert row.deregistered_on == datetime.date(2024, 5, 6)
    assert row.extract_date == datetime.date(2026, 8, 28)


def test_a_quoted_value_over_two_lines_is_reported_at_the_line_it_starts():
    _kind, rows = rows_of(
        f"{DEREGISTERED_HEADER}\n"
        '110003978|"UAB\nPienas"|Kaunas|1996-04-03|310|UAB|2024-05-06|2026-08-28\n'
        "110003979|UAB Duona|Kaunas|1996-04-03|310|UAB|2024-13-06|2026-08-28\n"
    )
    first, second = rows
    assert isinstance(first, RegisterRow) and first.name == "UAB\nPienas"
    assert isinstance(second, RowProblem)
    assert second.line == 4
    assert "isreg_data: 2024-13-06 is not a date (YYYY-MM-DD)" in second.message


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ("110003978|UAB Pienas|Kaunas|1996-04-03|310|UAB|2024-05-06", "7 fields instead of 8"),
        ("11000397X|UAB Pienas|Kaunas|1996-04-03|310|UAB|2024-05-06|2026-08-28", "ja_kodas"),
        ("110003978||Kaunas|1996-04-03|310|UAB|2024-05-06|2026-08-28", "the name is empty"),
        ("110003978|UAB Pienas|Kaunas|03.04.1996|310|UAB|2024-05-06|2026-08-28", "ja_reg_data"),
        ("110003978|UAB Pienas|Kaunas|1996-04-03|310|UAB|2024-05-06|", "extract date is empty"),
    ],
)
def test_a_bad_row_is_a_problem_naming_its_line_and_field(values, message):
    _kind, rows = rows_of(f"{DEREGISTERED_HEADER}\n\n{values}\n")
    (problem,) = rows
    assert isinstance(problem, RowProblem)
    assert problem.line == 3  # after the header and an empty line
    assert message in problem.message


def test_text_that_is_not_utf8_is_refused_with_its_line():
    text = f"{DEREGISTERED_HEADER}\n" + "110003978|UAB Ąžuolas|Kaunas\n" * 3
    _kind, rows = read_rows(io.BytesIO(text.encode()[:-20] + "Ąžuolas\n".encode("cp1257")))
    with pytest.raises(RegisterFileError, match="Line 4 is not UTF-8 text"):
        list(rows)


def test_a_file_without_line_breaks_is_refused_at_the_line_limit_in_little_memory():
    binary = io.BytesIO(f"{DEREGISTERED_HEADER}\n".encode() + b"110003978|" * 500_000)
    measurement = measured(lambda: rows_of_binary(binary))
    assert isinstance(measurement.error, RegisterFileError)
    assert str(measurement.error).startswith("Line 2 is longer than 100,000 characters.")
    assert measurement.peak_bytes < 2 * 1024 * 1024  # the file is 5 MB


def test_a_quote_never_closed_is_refused_at_the_line_limit(settings):
    settings.TINKLAS_UPLOAD_MAX_LINE_CHARACTERS = 200
    text = f"{DEREGISTERED_HEADER}\n" + '110003978|"UAB Pienas|Kaunas\n' + "1996-04-03|310\n" * 50
    with pytest.raises(RegisterFileError, match="Line 2 is longer than 200 characters"):
        rows_of(text)


def test_a_field_longer_than_a_cell_may_be_is_refused(settings):
    settings.TINKLAS_UPLOAD_MAX_CELL_CHARACTERS = 20
    with pytest.raises(RegisterFileError, match="Row 2, column B holds 26 characters"):
        rows_of(
            f"{DEREGISTERED_HEADER}\n"
            "110003978|UAB Pienas ir kiti pieninė|Kaunas|1996-04-03|310|UAB|2024-05-06|2026-08-28"
        )


def deregistered_row(
    name: str = "UAB Pienas", address: str = "Kaunas", registered: str = "1996-04-03"
) -> str:
    return f"110003978|{name}|{address}|{registered}|310|UAB|2024-05-06|2026-08-28"


def test_rows_ending_in_lf_and_cr_lf_mixed_in_one_file_are_read_at_their_lines():
    _kind, rows = rows_of(
        DEREGISTERED_HEADER
        + "\r\n"
        + deregistered_row()
        + "\n"
        + deregistered_row("UAB Duona")
        + "\r\n"
        + deregistered_row("UAB Sūris")
        + "\r\r\n"  # a carriage return too many before the line feed: still the row's end
        + deregistered_row('"UAB\r\nMedus"')  # a line break inside quotes: part of the value
        + "\r\n"
        + deregistered_row("UAB Grūdai")
    )
    assert [(row.line, row.name, row.extract_date) for row in rows] == [  # type: ignore[union-attr]
        (2, "UAB Pienas", datetime.date(2026, 8, 28)),
        (3, "UAB Duona", datetime.date(2026, 8, 28)),
        (4, "UAB Sūris", datetime.date(2026, 8, 28)),
        (5, "UAB\r\nMedus", datetime.date(2026, 8, 28)),
        (7, "UAB Grūdai", datetime.date(2026, 8, 28)),
    ]


def test_a_carriage_return_inside_a_line_is_refused_in_plain_words_and_the_check_goes_on():
    _kind, rows = rows_of(
        "\n".join(
            [
                DEREGISTERED_HEADER,
                deregistered_row(),
                deregistered_row(address="Kaunas\rVilnius"),
                deregistered_row(registered="1996-04-33"),
            ]
        )
    )
    good, broken, later = rows
    assert isinstance(good, RegisterRow)
    assert isinstance(broken, RowProblem) and broken.line == 3
    assert broken.message.startswith("A carriage return (CR) stands inside the line")
    assert "Save the file with line breaks only at the ends of rows (LF or CR LF)" in (
        broken.message
    )
    assert "new-line character" not in broken.message  # never Python's own words
    assert isinstance(later, RowProblem) and later.line == 4
    assert later.message == "ja_reg_data: 1996-04-33 is not a date (YYYY-MM-DD)."


def test_a_file_whose_lines_end_in_a_carriage_return_alone_is_refused_saying_so():
    text = "\r".join([DEREGISTERED_HEADER, deregistered_row(), deregistered_row("UAB Duona")])
    expected = "The first line holds a carriage return (CR) before its end"
    with pytest.raises(RegisterFileError, match=re.escape(expected)):
        header_kind(io.BytesIO(text.encode()))
    with pytest.raises(RegisterFileError, match=re.escape(expected)):
        rows_of(text)
