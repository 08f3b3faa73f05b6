"""The registry's facts as sources give them, in every download: a founding or joining year
written as a year with its precision beside it, the reported member count with its day, the
coordinator by name while none is linked, the sources, the approximate labels; and never
the staff note."""

from __future__ import annotations

import datetime
import io
import json

import openpyxl
import pytest
from django.urls import reverse

from tinklas.clusters.tests.factories import ClusterFactory, LabelFactory, MembershipFactory
from tinklas.opendata.tests.test_open_data import download, rows
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def body(response) -> bytes:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.fixture
def clusters():
    from_a_source = ClusterFactory(
        name="From a source",
        slug="from-a-source",
        founded_on=datetime.date(2011, 1, 1),
        founded_precision="year",
        reported_member_count=40,
        reported_members_on=datetime.date(2025, 6, 30),
        coordinator_name="VšĮ Robotikos centras",
        source_urls="https://example.org/a\nhttps://example.org/b",
        staff_note="Staff only: ask Jonas for the member list.",
    )
    coordinator = OrganisationFactory(name="UAB Koordinatorė")
    linked = ClusterFactory(
        name="Linked",
        slug="linked",
        founded_on=datetime.date(2014, 10, 1),
        founded_precision="month",
        coordinator=coordinator,
        coordinator_name="Koordinatorė, as the source spelt it",
    )
    MembershipFactory(
        cluster=linked,
        organisation=coordinator,
        joined_on=datetime.date(2014, 1, 1),
        joined_precision="year",
    )
    LabelFactory(
        cluster=from_a_source,
        awarded_on=datetime.date(2019, 1, 1),
        valid_until=datetime.date(2020, 12, 31),
        approximate=True,
    )
    return from_a_source, linked


def test_the_json_export_writes_dates_as_precisely_as_they_are_known(client, clusters):
    exported = json.loads(body(client.get(reverse("opendata:clusters"), {"format": "json"})))
    by_slug = {row["identifier"]: row for row in exported}
    source, linked = by_slug["from-a-source"], by_slug["linked"]
    assert (source["founded_on"], source["founded_precision"]) == ("2011", "year")
    assert (linked["founded_on"], linked["founded_precision"]) == ("2014-10", "month")
    assert (source["members"], source["reported_members"], source["reported_members_on"]) == (
        0,
        40,
        "2025-06-30",
    )
    assert linked["reported_members"] is None
    assert source["coordinator_name"] == "VšĮ Robotikos centras"
    # Once linked, the registered organisation is the coordinator; the source's spelling goes.
    assert (linked["coordinator"], linked["coordinator_name"]) == ("UAB Koordinatorė", "")
    assert source["sources"] == ["https://example.org/a", "https://example.org/b"]
    assert "ask Jonas" not in json.dumps(exported)


def test_csv_and_xlsx_write_the_year_not_the_first_of_january(client, clusters):
    csv_text = body(client.get(reverse("opendata:clusters"), {"format": "csv"})).decode()
    assert "2011-01-01" not in csv_text
    assert ",2011,year," in csv_text
    assert "https://example.org/a; https://example.org/b" in csv_text
    assert "ask Jonas" not in csv_text
    response = client.get(reverse("opendata:clusters"), {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    header = [cell.value for cell in sheet[1]]
    values = {
        row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(2, values_only=True)
    }
    assert values["from-a-source"]["Founded on"] == "2011"
    assert values["from-a-source"]["Founding date precision"] == "year"
    assert values["linked"]["Founded on"] == "2014-10"


def test_the_open_data_zip_keeps_joining_years_and_approximate_labels(client, clusters):
    archive = download(client, "en")
    [membership] = rows(archive, "memberships.csv")
    assert (membership["joined_on"], membership["joined_precision"]) == ("2014", "year")
    [label] = rows(archive, "labels.csv")
    assert (label["awarded_on"], label["dates_approximate"]) == ("2019-01-01", "true")
    source = next(
        row for row in rows(archive, "clusters.csv") if row["identifier"] == "from-a-source"
    )
    assert (source["founded_on"], source["founded_precision"]) == ("2011", "year")
    readme = archive.read("README.md").decode()
    assert "| `founded_precision` | Founding date precision | How precise founded_on is" in readme
    assert "| `dates_approximate` | Dates approximate | true when only the year" in readme
    assert "are written YYYY-MM or YYYY; the precision column beside each" in readme
    for name in archive.namelist():
        assert "ask Jonas" not in archive.read(name).decode("utf-8-sig"), name
