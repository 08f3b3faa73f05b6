"""What the directories' downloads contain row by row: only what the public sees, values
readable and safe in a spreadsheet, and a number of queries that does not grow with the rows."""

import csv
import datetime
import io
import json

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory, LabelFactory, MembershipFactory
from tinklas.organisations.tests.factories import OrganisationFactory
from tinklas.taxonomy.models import Ecosystem, NaceActivity, Region, Sector

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def body(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def exported(client, name, **query) -> list[dict]:
    return json.loads(body(client.get(reverse(name), {**query, "format": "json"})))


def test_only_current_members_of_published_clusters_are_exported(client):
    published = ClusterFactory(name="Open cluster")
    draft = ClusterFactory(name="Draft cluster", status=Cluster.Status.DRAFT)
    current = MembershipFactory(cluster=published).organisation
    former = MembershipFactory(cluster=published, left_on=TODAY).organisation
    only_in_draft = MembershipFactory(cluster=draft).organisation
    listed = client.get(reverse("clusters:organisation-directory")).content.decode()
    rows = exported(client, "opendata:organisations")
    assert [row["identifier"] for row in rows] == [current.slug]
    assert rows[0]["clusters"] == ["Open cluster"]
    for organisation in (former, only_in_draft):
        assert organisation.name not in listed
    assert [row["identifier"] for row in exported(client, "opendata:clusters")] == [published.slug]


def test_values_are_readable(client):
    vilnius = Region.objects.get(code="LT-57")
    cluster = ClusterFactory(
        name="Readable cluster",
        municipality=vilnius,
        maturity="mature",
        maturity_assessed_on=datetime.date(2024, 6, 1),
        founded_on=datetime.date(2015, 3, 2),
        technologies="robots, lasers",
        website="https://readable.example.lt",
        contact_email="info@readable.example.lt",
        management_fte="1.50",
    )
    cluster.sectors.set(Sector.objects.filter(slug__in=["ict", "creative"]))
    LabelFactory(cluster=cluster, valid_until=TODAY + datetime.timedelta(days=30))
    LabelFactory(
        cluster=cluster,
        kind="silver",
        awarded_on=datetime.date(2019, 1, 1),
        valid_until=datetime.date(2020, 12, 31),
    )
    organisation = OrganisationFactory(
        name="UAB Skaitmena",
        headcount=5,
        municipality=vilnius,
        main_activity=NaceActivity.objects.get(revision="2.1", code="62.10"),
    )
    MembershipFactory(cluster=cluster, organisation=organisation)
    rows = list(
        csv.reader(io.StringIO(body(client.get(reverse("opendata:clusters"))).decode("utf-8-sig")))
    )
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Name"] == "Readable cluster"
    assert row["Fields"] == "Information and communication technologies; Creative industries"
    assert row["Technology keywords"] == "robots; lasers"
    assert row["Municipality"] == "Vilnius city municipality"
    assert row["County"] == "Vilnius County"
    assert row["Maturity"] == "Mature"
    assert row["Founded on"] == "2015-03-02"
    until = (TODAY + datetime.timedelta(days=30)).isoformat()
    # Only the label in force today; the expired one is not listed.
    assert row["Labels in force"] == f"Cluster Management Excellence Bronze, valid until {until}"
    assert row["Members"] == "1"
    assert row["Management team (FTE)"] == "1.5"
    [member] = exported(client, "opendata:organisations")
    assert member["size_class"] == "Micro enterprise"
    assert member["nace_code"] == "62.10"
    assert member["nace_label"].startswith("Computer programming")
    assert member["county"] == "Vilnius County"


def test_text_that_looks_like_a_formula_stays_text(client):
    ClusterFactory(
        name='=HYPERLINK("https://evil.example","Click")',
        acronym="@SUM",
        contact_phone="+370 600 12345",
    )
    rows = list(
        csv.reader(io.StringIO(body(client.get(reverse("opendata:clusters"))).decode("utf-8-sig")))
    )
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Name"] == '\'=HYPERLINK("https://evil.example","Click")'
    assert row["Acronym"] == "'@SUM"
    assert row["Contact phone"] == "+370 600 12345"  # a phone number is left as it is
    response = client.get(reverse("opendata:clusters"), {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    assert sheet["B2"].data_type == "s"
    assert sheet["B2"].value.startswith("=HYPERLINK")
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"


def grow(clusters: int) -> None:
    """Published clusters, each with fields, ecosystems, a label in force and members with
    activities, so that every column that reads related rows has some to read."""
    vilnius = Region.objects.get(code="LT-57")
    sectors = list(Sector.objects.all()[:2])
    ecosystems = list(Ecosystem.objects.all()[:2])
    activities = list(NaceActivity.objects.filter(revision="2.1", level=4)[:3])
    for _number in range(clusters):
        cluster = ClusterFactory(municipality=vilnius)
        cluster.sectors.set(sectors)
        cluster.ecosystems.set(ecosystems)
        LabelFactory(cluster=cluster, valid_until=TODAY + datetime.timedelta(days=400))
        for _member in range(2):
            organisation = OrganisationFactory(
                municipality=vilnius, main_activity=activities[0], headcount=3
            )
            organisation.other_activities.set(activities[1:])
            MembershipFactory(cluster=cluster, organisation=organisation)
        cluster.coordinator = organisation
        cluster.save()


def queries(client, name, query) -> int:
    with CaptureQueriesContext(connection) as captured:
        body(client.get(reverse(name), query))
    return len(captured)


@pytest.mark.parametrize("name", ["opendata:clusters", "opendata:organisations"])
@pytest.mark.parametrize("chosen", ["csv", "xlsx", "json"])
def test_queries_do_not_grow_with_the_rows(client, django_assert_max_num_queries, name, chosen):
    query = {"format": chosen, "sort": "name"}
    grow(5)
    queries(client, name, query)  # the daily recount runs once, before counting
    few = queries(client, name, query)
    grow(45)
    with django_assert_max_num_queries(few):
        body(client.get(reverse(name), query))
    assert len(exported(client, name)) >= 50
