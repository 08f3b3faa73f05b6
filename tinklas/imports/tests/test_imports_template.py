"""The import template and its example, in CSV and XLSX, for anyone to download: the example
imports as it is."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tinklas.imports.members.columns import MEMBER_LIST
from tinklas.imports.models import ImportRun
from tinklas.imports.tests.builders import last_run, upload

pytestmark = pytest.mark.django_db


def download(client, file_format: str, example: bool = False):  # type: ignore[no-untyped-def]
    query = {"format": file_format, **({"example": "1"} if example else {})}
    return client.get(reverse("imports:template"), query)


def test_the_csv_template_has_the_header_and_a_byte_order_mark(client):
    response = download(client, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="member-list-template.csv"' in response["Content-Disposition"]
    assert response.content == ("\ufeff" + ",".join(MEMBER_LIST.keys) + "\r\n").encode()


def test_the_workbook_explains_every_column_and_lists_the_municipalities(client):
    response = download(client, "xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    members, columns, municipalities = workbook.worksheets
    assert [cell.value for cell in members[1]] == MEMBER_LIST.keys
    explained = {row[0]: row for row in columns.iter_rows(min_row=2, values_only=True)}
    assert explained["joined_on"][2] == "yes"
    assert "YYYY-MM-DD" in explained["joined_on"][4]
    assert [cell.value for cell in municipalities[1]] == [
        "Code",
        "Name (Lithuanian)",
        "Name (English)",
    ]
    assert ("LT-57", "Vilniaus miesto savivaldybė", "Vilnius city municipality") in set(
        municipalities.iter_rows(min_row=2, values_only=True)
    )


def test_an_unknown_format_is_refused_with_the_choices(client):
    response = download(client, "pdf")
    assert response.status_code == 400
    assert "Choose the format csv or xlsx." in response.content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_example_imports_without_errors(client, file_format):
    from tinklas.accounts.tests.factories import cluster_manager
    from tinklas.clusters.tests.factories import ClusterFactory

    cluster = ClusterFactory()
    client.force_login(cluster_manager(cluster))
    example = download(client, file_format, example=True).content

    upload(client, cluster, example, f"example.{file_format}")

    run = last_run()
    assert run.status == ImportRun.Status.CHECKED
    assert (run.new_rows, run.error_rows) == (3, 0), run.results


def test_the_documentation_describes_every_column():
    from pathlib import Path

    from django.conf import settings

    documentation = Path(settings.BASE_DIR, "docs", "import.md").read_text(encoding="utf-8")
    undocumented = [key for key in MEMBER_LIST.keys if f"| `{key}`" not in documentation]
    assert not undocumented
