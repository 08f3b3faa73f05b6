"""The readers of uploaded files hold every file to the limits, each on its own: rows read
(blank ones too), cells per row, characters per cell, line length, and for zip archives
(workbooks included) members, unpacked sizes and compression ratio, checked before opening.
Past a limit the file is refused with a message naming it."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from tinklas.common import uploads
from tinklas.common.tests.workbooks import (
    empty_rows_bomb,
    inline_row,
    measured,
    shared_string_bomb,
    xlsx_file,
)

MB = 1024 * 1024


def limits(**overrides: object) -> uploads.Limits:
    return uploads.upload_limits(**{"max_bytes": 20 * MB, **overrides})


def rows_of_xlsx(content: bytes, **overrides: object) -> list[tuple[object, ...]]:
    return list(uploads.xlsx_rows(content, limits(**overrides)))


def rows_of_csv(text: str, **overrides: object) -> list[list[str]]:
    chosen = limits(**overrides)
    return list(uploads.CsvRows(uploads.string_lines(text, chosen), chosen))


def zip_of(members: dict[str, bytes]) -> io.BytesIO:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    output.seek(0)
    return output


def test_a_workbook_within_the_limits_gives_its_rows_as_wide_as_their_last_cell():
    content = xlsx_file(
        inline_row("name", "joined_on")
        + '<row><c t="s"><v>0</v></c><c><v>12</v></c></row><row/>'
        + '<row r="5"><c r="C5"><v>1</v></c></row>',
        shared_strings=["UAB Pienas"],
    )
    assert rows_of_xlsx(content) == [
        ("name", "joined_on"),
        ("UAB Pienas", 12),
        (),
        (),  # row 4 is missing from the file
        (None, None, 1),
    ]


def test_workbook_rows_are_counted_blank_or_not(settings):
    settings.TINKLAS_UPLOAD_MAX_ROWS = 5
    content = xlsx_file(inline_row("name") + inline_row("UAB Pienas") + "<row/>" * 4)
    with pytest.raises(uploads.UploadRefused) as refusal:
        rows_of_xlsx(content)
    assert str(refusal.value) == (
        "The file has more than 5 rows, empty rows included. Delete the empty rows below the "
        "table, or split the file."
    )
    assert len(rows_of_xlsx(xlsx_file(inline_row("name") + "<row/>" * 4))) == 5


def test_a_row_numbered_a_million_is_refused_at_the_row_limit_without_reading_a_million():
    # openpyxl fills the rows a file leaves out: one tiny row element stands for a million.
    content = xlsx_file(inline_row("name") + '<row r="1000000"><c r="A1000000"><v>1</v></c></row>')
    measurement = measured(lambda: rows_of_xlsx(content))
    assert "more than 100,000 rows" in str(measurement.error)
    assert measurement.seconds < 1


def test_a_workbook_row_reaching_past_the_cells_limit_is_refused(settings):
    settings.TINKLAS_UPLOAD_MAX_CELLS_PER_ROW = 26
    assert rows_of_xlsx(xlsx_file('<row><c r="Z1"><v>1</v></c></row>')) == [(None,) * 25 + (1,)]
    with pytest.raises(uploads.UploadRefused) as refusal:
        rows_of_xlsx(xlsx_file(inline_row("name") + '<row><c r="AA2"><v>1</v></c></row>'))
    assert str(refusal.value) == (
        "Row 2 has more than 26 cells. Delete the columns to the right of the table."
    )


def test_a_workbook_cell_longer_than_excel_allows_is_refused_with_its_place():
    fits = xlsx_file(inline_row("name", "x" * 32_767))
    assert len(rows_of_xlsx(fits)[0][1]) == 32_767
    with pytest.raises(uploads.UploadRefused) as refusal:
        rows_of_xlsx(xlsx_file(inline_row("name") + inline_row("UAB", "x" * 32_768)))
    assert str(refusal.value) == (
        "Row 2, column B holds 32,768 characters; a cell may hold at most 32,767. Shorten it."
    )


def test_an_archive_of_more_members_than_the_limit_is_refused_before_it_is_opened(settings):
    settings.TINKLAS_UPLOAD_MAX_ARCHIVE_MEMBERS = 10
    archive = zip_of({f"part{number}.xml": b"<a/>" for number in range(11)})
    with pytest.raises(uploads.UploadRefused, match="The archive holds more than 10 files"):
        uploads.check_archive(archive, limits())
    assert len(uploads.check_archive(zip_of({"part.xml": b"<a/>"}), limits())) == 1


def test_a_directory_larger_than_its_declared_members_is_refused_before_zipfile_reads_it():
    # zipfile reads every entry the directory holds, whatever count the end record declares:
    # 40,000 entries declared as one are refused from the directory's size alone.
    archive = zip_of({f"{number:05}": b"" for number in range(40_000)})
    data = bytearray(archive.getvalue())
    end = data.rfind(uploads.END_SIGNATURE)
    struct.pack_into("<2H", data, end + 8, 1, 1)
    declared_as_one = bytes(data)
    measurement = measured(lambda: uploads.check_archive(io.BytesIO(declared_as_one), limits()))
    assert "more than 1,000 files" in str(measurement.error)
    assert measurement.peak_bytes < 1 * MB  # zipfile would take 20 MB for 40,000 entries


def test_an_archive_that_unpacks_past_the_total_limit_is_refused(settings):
    settings.TINKLAS_UPLOAD_MAX_UNCOMPRESSED_BYTES = 1000
    archive = zip_of({"a.txt": b"a" * 600, "b.txt": b"b" * 600})
    with pytest.raises(uploads.UploadRefused) as refusal:
        uploads.check_archive(archive, limits())
    assert str(refusal.value) == (
        "The file unpacks to 1.2\xa0KB; at most 1000\xa0bytes is accepted. Split it into "
        "smaller files."
    )


def test_a_member_that_unpacks_past_its_limit_is_refused(settings):
    settings.TINKLAS_UPLOAD_MAX_MEMBER_BYTES = 1000
    with pytest.raises(uploads.UploadRefused) as refusal:
        uploads.check_archive(zip_of({"xl/sharedStrings.xml": b"a" * 1001}), limits())
    assert str(refusal.value).startswith(
        "xl/sharedStrings.xml in the file unpacks to 1001\xa0bytes; at most 1000\xa0bytes per "
        "part is accepted."
    )


def test_a_member_packed_past_the_ratio_is_refused_and_small_parts_are_not():
    small_but_packed = {"xl/styles.xml": b"<a/>" * 200_000}  # 800 KB, 1,000 times packed
    uploads.check_archive(zip_of(small_but_packed), limits())
    with pytest.raises(uploads.UploadRefused) as refusal:
        uploads.check_archive(zip_of({"xl/worksheets/sheet1.xml": b"<row/>" * 200_000}), limits())
    message = str(refusal.value)
    assert message.startswith("xl/worksheets/sheet1.xml in the file unpacks to ")
    assert message.endswith(
        " times its packed size; at most 100 times is accepted. Save the file again from the "
        "spreadsheet program, or as CSV."
    )


def test_a_file_that_is_no_archive_is_not_a_workbook():
    with pytest.raises(uploads.UploadRefused, match=r"not an Excel workbook \(\.xlsx\)"):
        rows_of_xlsx(b"name,joined_on\nUAB X,2025-01-01\n")
    with pytest.raises(uploads.NotAnArchive):
        uploads.open_zip(io.BytesIO(b"PK\x05\x06 too short"), limits())


def test_an_uploaded_zip_is_opened_only_within_its_limits(settings):
    with uploads.open_zip(zip_of({"data.csv": b"a,b\n"}), limits()) as archive:
        assert archive.read("data.csv") == b"a,b\n"
    with pytest.raises(uploads.UploadRefused, match="at most 100\xa0bytes is accepted"):
        uploads.open_zip(zip_of({"data.csv": b"a" * 200}), limits(max_bytes=100))


@pytest.mark.parametrize("bomb", [shared_string_bomb, empty_rows_bomb])
def test_a_workbook_bomb_of_a_few_kilobytes_is_refused_at_once_in_little_memory(bomb):
    content = bomb()
    assert len(content) < 20_000
    measurement = measured(lambda: rows_of_xlsx(content))
    assert isinstance(measurement.error, uploads.UploadRefused)
    assert "at most 100 times is accepted" in str(measurement.error)
    assert measurement.seconds < 1
    assert measurement.peak_bytes < 50 * MB


def test_csv_rows_are_counted_with_their_blank_lines(settings):
    settings.TINKLAS_UPLOAD_MAX_ROWS = 4
    assert rows_of_csv("name\nUAB Pienas\n\n\n") == [["name"], ["UAB Pienas"], [], []]
    with pytest.raises(uploads.UploadRefused, match="more than 4 rows, empty rows included"):
        rows_of_csv("name\nUAB Pienas\n\n\n\n")


def test_a_csv_row_of_more_cells_than_the_limit_is_refused(settings):
    settings.TINKLAS_UPLOAD_MAX_CELLS_PER_ROW = 3
    assert rows_of_csv("a,b,c\n") == [["a", "b", "c"]]
    with pytest.raises(uploads.UploadRefused, match="Row 2 has more than 3 cells"):
        rows_of_csv("a,b,c\n1,2,3,4\n")


def test_a_csv_cell_longer_than_the_limit_is_refused(settings):
    settings.TINKLAS_UPLOAD_MAX_CELL_CHARACTERS = 10
    with pytest.raises(uploads.UploadRefused) as refusal:
        rows_of_csv('name,code\n"UAB Pienas, Kaunas",1\n')
    assert str(refusal.value) == (
        "Row 2, column A holds 18 characters; a cell may hold at most 10. Shorten it."
    )


def test_csv_text_without_line_breaks_is_refused_at_the_line_limit_in_little_memory():
    text = "a," * 5_000_000  # 10 million characters, one line
    measurement = measured(lambda: rows_of_csv(text))
    assert str(measurement.error).startswith("Line 1 is longer than 100,000 characters.")
    assert measurement.peak_bytes < 5 * MB


def test_a_quoted_value_never_closed_is_refused_at_the_line_limit(settings):
    settings.TINKLAS_UPLOAD_MAX_LINE_CHARACTERS = 50
    text = 'name,note\nUAB Pienas,"never closed\n' + "short line\n" * 10
    with pytest.raises(uploads.UploadRefused, match="Line 2 is longer than 50 characters"):
        rows_of_csv(text)
    assert len(rows_of_csv("name,note\n" + 'UAB,"two\nlines"\n' * 10)) == 11


def test_a_file_over_its_size_is_refused_naming_the_limit():
    uploads.check_size(1000, limits(max_bytes=1000))
    with pytest.raises(uploads.UploadRefused) as refusal:
        uploads.check_size(1001, limits(max_bytes=1000))
    assert str(refusal.value) == (
        "The file is 1001\xa0bytes; at most 1000\xa0bytes is accepted. Split it into smaller files."
    )


def test_a_formula_without_its_value_is_refused_naming_its_cell():
    # As a program writes a workbook it never calculated: the formula, no result. Neither
    # the row nor the cell gives its reference here, so the position is counted.
    content = xlsx_file(
        inline_row("name", "headcount")
        + '<row><c t="inlineStr"><is><t>UAB Pienas</t></is></c><c><f>40+8</f><v/></c></row>'
    )
    with pytest.raises(uploads.UploadRefused) as refusal:
        rows_of_xlsx(content)
    assert str(refusal.value) == (
        "Cell B2 holds a formula without a value: open the file in a spreadsheet program and "
        "save it, or paste the values instead of the formulas."
    )


def test_a_formula_with_its_calculated_value_is_read_as_the_value():
    content = xlsx_file(
        inline_row("name", "headcount", "website")
        + '<row r="2"><c r="A2" t="inlineStr"><is><t>UAB Pienas</t></is></c>'
        + '<c r="B2"><f>40+8</f><v>48</v></c>'
        + '<c r="C2" t="str"><f>IF(A2="","","")</f><v></v></c></row>'  # an empty text result
    )
    assert rows_of_xlsx(content)[1] == ("UAB Pienas", 48, None)
