"""Workbooks written by a script and never opened in a spreadsheet hold formulas without their
values: such a file is refused with the cell named, never read as if the cell were empty."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tinklas.accounts.tests.factories import cluster_manager
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.imports.tests.builders import (
    HEADER,
    company_code,
    last_run,
    refused,
    row_result,
    xlsx_file,
)
from tinklas.organisations.models import Organisation

pytestmark = pytest.mark.django_db

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def cluster():
    return ClusterFactory(name="Food cluster")


@pytest.fixture
def manager(client, cluster):
    user = cluster_manager(cluster)
    client.force_login(user)
    return user


def member_rows(municipality: object) -> list[list[object]]:
    """Six members (rows 2 to 7), the last one's municipality as given (column D)."""
    rows = []
    for number in range(1, 7):
        row = {
            "name": f"UAB Narys {number}",
            "company_code": company_code(f"3000000{number}"),
            "municipality": municipality if number == 6 else "LT-57",
            "joined_on": "2025-01-01",
        }
        rows.append([row.get(column) for column in HEADER])
    return rows


def upload_workbook(client, cluster, content: bytes):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("imports:cluster", args=[cluster.slug]),
        {"file": SimpleUploadedFile("members.xlsx", content)},
    )


def calculated(content: bytes, value: str) -> bytes:
    """The workbook as a spreadsheet saves it: each formula with its result."""
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            part = source.read(name)
            if name == SHEET:
                part = re.sub(rb'<c r="(\w+)"><f>', rb'<c r="\1" t="str"><f>', part)
                part = part.replace(b"<v />", f"<v>{value}</v>".encode())
            archive.writestr(name, part)
    return output.getvalue()


def test_a_formula_never_calculated_is_refused_naming_its_cell(client, cluster, manager):
    assert HEADER.index("municipality") == 3  # column D
    response = upload_workbook(client, cluster, xlsx_file(member_rows('="LT-"&57')))

    refused(
        response,
        "Cell D7 holds a formula without a value: open the file in a spreadsheet program and "
        "save it, or paste the values instead of the formulas.",
    )
    assert not Organisation.objects.exists()


def test_a_formula_saved_with_its_value_is_read_as_the_value(client, cluster, manager):
    content = calculated(xlsx_file(member_rows('="LT-"&57')), "LT-57")
    upload_workbook(client, cluster, content)

    run = last_run()
    assert (run.new_rows, run.error_rows) == (6, 0)
    assert row_result(run, 7)["fate"] == "new"
    client.post(reverse("imports:commit", args=[run.pk]))
    assert Organisation.objects.get(name="UAB Narys 6").municipality.code == "LT-57"
