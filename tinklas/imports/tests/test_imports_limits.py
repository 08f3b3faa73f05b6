"""Member lists that would take the server down are refused at once: spreadsheet bombs of a
few kilobytes, rows read past the limit whether blank or not, cells and lines too long. The
message names the limit, and nothing is stored."""

from __future__ import annotations

import pytest

from tinklas.common.tests.workbooks import (
    empty_rows_bomb,
    inline_row,
    measured,
    shared_string_bomb,
    xlsx_file,
)
from tinklas.imports.members.columns import MEMBER_LIST
from tinklas.imports.models import ImportRun
from tinklas.imports.reading import UnreadableFile, read_table
from tinklas.imports.tests.builders import csv_file, last_run, refused, upload

pytestmark = pytest.mark.django_db
MB = 1024 * 1024
RATIO_REFUSED = "at most 100 times is accepted. Save the file again from the spreadsheet program"


@pytest.fixture
def cluster():
    from tinklas.clusters.tests.factories import ClusterFactory

    return ClusterFactory(name="Food cluster")


@pytest.fixture
def manager(client, cluster):
    from tinklas.accounts.tests.factories import cluster_manager

    user = cluster_manager(cluster)
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("bomb", "part"),
    [(shared_string_bomb, "xl/sharedStrings.xml"), (empty_rows_bomb, "xl/worksheets/sheet1.xml")],
)
def test_a_spreadsheet_bomb_is_refused_within_a_second_and_50_mb(bomb, part):
    content = bomb()
    assert len(content) < 20_000  # a few kilobytes for 8 MB of one letter or 1,000,000 rows
    measurement = measured(lambda: read_table(content, "xlsx", MEMBER_LIST))
    assert isinstance(measurement.error, UnreadableFile)
    assert str(measurement.error).startswith(f"{part} in the file unpacks to ")
    assert RATIO_REFUSED in str(measurement.error)
    assert measurement.seconds < 1
    assert measurement.peak_bytes < 50 * MB


@pytest.mark.parametrize("bomb", [shared_string_bomb, empty_rows_bomb])
def test_an_uploaded_bomb_is_answered_with_the_limit_and_nothing_is_stored(
    client, cluster, manager, bomb
):
    response = upload(client, cluster, bomb(), "members.xlsx")
    refused(response, RATIO_REFUSED)


def test_a_long_name_within_the_ratio_is_refused_at_the_characters_limit(client, cluster, manager):
    content = xlsx_file(
        inline_row("name", "joined_on") + '<row><c t="s"><v>0</v></c></row>',
        shared_strings=["a" * 40_000],
    )
    refused(
        upload(client, cluster, content, "members.xlsx"),
        "Row 2, column A holds 40,000 characters; a cell may hold at most 32,767. Shorten it.",
    )


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_blank_rows_count_towards_the_rows_read(client, cluster, manager, settings, file_format):
    settings.TINKLAS_UPLOAD_MAX_ROWS = 20
    rows = [{"name": "UAB Pienas", "joined_on": "2025-01-01"}]
    if file_format == "csv":
        content = csv_file(rows, header=["name", "joined_on"]) + b"\n" * 25
    else:
        body = inline_row("name", "joined_on") + inline_row("UAB Pienas", "2025-01-01")
        content = xlsx_file(body + "<row/>" * 25)
    response = upload(client, cluster, content, f"members.{file_format}")
    refused(response, "The file has more than 20 rows, empty rows included.")

    # The import's own limit still counts only the rows holding values.
    settings.TINKLAS_UPLOAD_MAX_ROWS = 100
    upload(client, cluster, content, f"members.{file_format}")
    assert last_run().total_rows == 1


def test_a_csv_row_of_too_many_cells_is_refused(client, cluster, manager, settings):
    settings.TINKLAS_UPLOAD_MAX_CELLS_PER_ROW = 5
    content = b"name,joined_on\nUAB Pienas,2025-01-01" + b"," * 10 + b"\n"
    refused(upload(client, cluster, content), "Row 2 has more than 5 cells.")


def test_a_csv_without_line_breaks_is_refused_at_the_line_limit(client, cluster, manager):
    content = b"name,joined_on\n" + b"UAB Pienas;" * 20_000
    refused(upload(client, cluster, content), "Line 2 is longer than 100,000 characters.")
    assert not ImportRun.objects.exists()
