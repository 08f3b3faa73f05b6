"""Files as people really save them, and files that cannot be imported: each is read right
or refused with a message that says what to do, and nothing is written."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from tinklas.clusters.models import Membership
from tinklas.imports.forms import ImportForm
from tinklas.imports.reading import UnreadableFile, check_size
from tinklas.imports.tests.builders import (
    company_code,
    csv_file,
    last_run,
    refused,
    row_result,
    upload,
)
from tinklas.organisations.models import Organisation

pytestmark = pytest.mark.django_db

LITHUANIAN_LETTERS = "ąčęėįšųūž ĄČĘĖĮŠŲŪŽ"


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


def test_semicolons_are_read_as_delimiters(client, cluster, manager):
    content = "name;company_code;joined_on\nUAB Kabliataškis;{};2025-01-01\n".format(
        company_code("30000001")
    )
    upload(client, cluster, content.encode())
    result = row_result(last_run(), 2)
    assert (result["fate"], result["name"]) == ("new", "UAB Kabliataškis")


def test_a_byte_order_mark_is_ignored(client, cluster, manager):
    upload(client, cluster, "\ufeffname,joined_on\nUAB Žymė,2025-01-01\n".encode())
    assert row_result(last_run(), 2)["fate"] == "new"


def test_windows_1257_text_keeps_its_lithuanian_letters(client, cluster, manager):
    content = f"name,joined_on\nUAB {LITHUANIAN_LETTERS},2025-01-01\n".encode("cp1257")
    upload(client, cluster, content)
    run = last_run()
    assert row_result(run, 2)["name"] == f"UAB {LITHUANIAN_LETTERS}"
    client.post(reverse("imports:commit", args=[run.pk]))
    assert Organisation.objects.filter(name=f"UAB {LITHUANIAN_LETTERS}").exists()


def test_text_in_no_known_encoding_is_refused(client, cluster, manager):
    # 0x81 and 0x83 are undefined in Windows-1257 and invalid UTF-8.
    response = upload(client, cluster, b"name,joined_on\nUAB \x81\x83,2025-01-01\n")
    refused(response, "Save it as &quot;CSV UTF-8&quot; and upload it again.")


def test_missing_and_unknown_columns_are_named(client, cluster, manager):
    response = upload(client, cluster, b"name,phone,e-mail\nUAB X,+370,x@example.org\n")
    refused(
        response, "Unknown columns: phone, e-mail. Remove them or name them as in the template."
    )
    assert "Required columns are missing: joined_on." in response.content.decode()


def test_titles_in_a_language_of_the_site_name_the_columns(client, cluster, manager):
    upload(client, cluster, b"Name,Company code,Joined on\nUAB X,,2025-01-01\n")
    assert row_result(last_run(), 2)["fate"] == "new"


def test_invalid_codes_are_reported_by_row_and_column(client, cluster, manager):
    valid = company_code("30000002")
    wrong_check_digit = valid[:8] + str((int(valid[8]) + 1) % 10)
    content = csv_file(
        [
            {
                "name": "UAB Gera",
                "company_code": valid,
                "joined_on": "2025-01-01",
            },
            {"name": "UAB Bloga", "company_code": wrong_check_digit, "joined_on": "2025-01-01"},
        ]
    )
    upload(client, cluster, content)
    run = last_run()
    assert row_result(run, 3)["errors"] == [
        {
            "column": "company_code",
            "message": "The check digit of this Lithuanian company code is wrong.",
        }
    ]
    assert not run.may_commit
    assert not Organisation.objects.exists()


def test_dates_with_the_year_first_are_read_and_ambiguous_ones_refused(client, cluster, manager):
    content = csv_file(
        [
            {"name": "UAB Brūkšnys", "joined_on": "2024/05/01"},
            {"name": "UAB Dviprasmis", "joined_on": "01/05/2024"},
        ]
    )
    upload(client, cluster, content)
    run = last_run()
    assert row_result(run, 2)["fate"] == "new"
    assert row_result(run, 3)["errors"] == [
        {
            "column": "joined_on",
            "message": "01/05/2024 could be read with the day or the month first: write dates "
            "as YYYY-MM-DD, such as 2024-05-01.",
        }
    ]


def test_a_row_naming_an_organisation_twice_is_an_error(client, cluster, manager):
    content = csv_file(
        [
            {"name": "UAB Kartas", "joined_on": "2025-01-01"},
            {"name": "uab KARTAS", "joined_on": "2025-02-01"},
        ]
    )
    upload(client, cluster, content)
    assert row_result(last_run(), 3)["errors"] == [
        {"column": "name", "message": "Row 2 already names this organisation."}
    ]


def test_an_empty_file_is_refused(client, cluster, manager):
    refused(upload(client, cluster, b""), "The file is empty.")
    refused(
        upload(client, cluster, b"name,joined_on\n\n"), "The file has column names but no rows."
    )


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    upload_of_100_mb = SimpleUploadedFile("big.csv", b"name,joined_on\n")
    upload_of_100_mb.size = 100 * 1024 * 1024
    form = ImportForm(data={}, files={"file": upload_of_100_mb})
    assert not form.is_valid()
    assert form.errors["file"] == [
        "The file is 100.0\xa0MB; files up to 20.0\xa0MB can be imported. "
        "Split it into smaller files."
    ]
    with pytest.raises(UnreadableFile):
        check_size(20 * 1024 * 1024 + 1)


def test_an_upload_over_the_limit_is_refused_with_the_limit(client, cluster, manager, settings):
    settings.TINKLAS_IMPORT_MAX_BYTES = 1000
    rows = [{"name": f"UAB Įmonė {number}", "joined_on": "2025-01-01"} for number in range(200)]
    refused(upload(client, cluster, csv_file(rows)), "files up to 1000\xa0bytes can be imported")


def test_more_rows_than_the_limit_are_refused(client, cluster, manager, settings):
    settings.TINKLAS_IMPORT_MAX_ROWS = 5
    rows = [{"name": f"UAB Įmonė {number}", "joined_on": "2025-01-01"} for number in range(6)]
    refused(upload(client, cluster, csv_file(rows)), "import at most 5 rows at a time")


def test_a_file_that_is_not_a_workbook_is_refused(client, cluster, manager):
    response = upload(client, cluster, b"name,joined_on\nUAB X,2025-01-01\n", "members.xlsx")
    refused(response, "The file is not an Excel workbook (.xlsx).")
    refused(upload(client, cluster, b"\xd0\xcf\x11\xe0", "members.xls"), "is neither")


def test_a_workbook_is_read_with_its_dates_and_numbers(client, cluster, manager):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["name", "company_code", "headcount", "main_nace_code", "joined_on"])
    sheet.append(
        ["UAB Lentelė", int(company_code("30000001")), 12.0, 62.1, datetime.datetime(2025, 3, 1)]
    )
    output = io.BytesIO()
    workbook.save(output)
    upload(client, cluster, output.getvalue(), "members.xlsx")
    run = last_run()
    assert row_result(run, 2)["fate"] == "new", row_result(run, 2)

    client.post(reverse("imports:commit", args=[run.pk]))

    organisation = Organisation.objects.get(name="UAB Lentelė")
    assert (organisation.headcount, organisation.main_activity.code) == (12, "62.10")
    assert Membership.objects.get(organisation=organisation).joined_on == datetime.date(2025, 3, 1)
