"""A large member list is checked and written in a number of queries that does not grow with
its rows: its new organisations and memberships are written together, each chunk in a few
inserts, with the slugs, audit entries and derived data a save gives them."""

from __future__ import annotations

import datetime

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tinklas.accounts.tests.factories import cluster_manager
from tinklas.clusters.models import Membership
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.common import derived
from tinklas.imports.members import writing
from tinklas.imports.members.rows import RowProcessor
from tinklas.imports.reading import SourceRow
from tinklas.imports.runs import audited_as
from tinklas.imports.tests.builders import company_code, csv_file, last_run, legal_entity, upload
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import OrganisationFactory
from tinklas.search.index import Search
from tinklas.taxonomy.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster():
    return ClusterFactory(name="Food cluster")


@pytest.fixture
def manager(client, cluster):
    user = cluster_manager(cluster)
    client.force_login(user)
    return user


def rows_of(numbers: range) -> list[SourceRow]:
    return [
        SourceRow(
            number + 2,
            {
                "name": f"UAB Narys {number}",
                "company_code": company_code(f"3{number:07d}"),
                "municipality": "Vilniaus m. sav.",
                "joined_on": "2025-01-01",
            },
        )
        for number in numbers
    ]


@pytest.mark.parametrize("write", [False, True])
def test_the_queries_do_not_grow_with_the_rows(cluster, manager, write):
    few, many = range(4), range(100, 140)
    for number in [*few, *many, 300, 301]:  # half of them filled in from the register
        if number % 2:
            legal_entity(company_code(f"3{number:07d}"), f"UAB Narys {number}")

    def queries(numbers: range) -> list[str]:
        with CaptureQueriesContext(connection) as captured, derived.bulk_change():
            results = RowProcessor(cluster, manager, write=write).process(rows_of(numbers))
        assert {result["fate"] for result in results} == {"new"}
        return [query["sql"] for query in captured]

    def reads(sqls: list[str]) -> list[str]:
        return [sql for sql in sqls if not sql.startswith("INSERT")]

    queries(range(300, 302))  # what is read once and kept (content types)
    written_few, written_many = queries(few), queries(many)
    assert len(reads(written_many)) == len(reads(written_few))
    # Records are inserted together: as many statements as the database takes rows at once.
    inserts = {sql.split("(")[0] for sql in written_many if sql.startswith("INSERT")}
    assert sum(sql.startswith("INSERT") for sql in written_many) <= (10 if write else 0)
    if write:
        assert inserts == {
            'INSERT INTO "organisations_organisation" ',
            'INSERT INTO "clusters_membership" ',
            'INSERT INTO "auditlog_logentry" ',
            'INSERT INTO "search_searchentry" ',  # the index, once at the end
        }


def test_records_written_together_are_audited_as_a_save_audits_them(client, cluster, manager):
    vilnius = Region.objects.get(code="LT-57")
    row = {
        "name": "UAB Auditas",
        "company_code": company_code("30000001"),
        "municipality": "LT-57",
        "website": "https://auditas.example.org",
        "headcount": 12,
        "role": "founding",
        "joined_on": "2025-01-01",
    }
    upload(client, cluster, csv_file([row]))
    run = last_run()
    client.post(reverse("imports:commit", args=[run.pk]))
    imported = Organisation.objects.get(name="UAB Auditas")
    with audited_as(manager, "saved"):
        saved = Organisation(
            name="UAB Saugota",
            kind=Organisation.Kind.COMPANY,
            company_code=company_code("30000002"),
            municipality=vilnius,
            website="https://saugota.example.org",
            headcount=12,
        )
        saved.save()
        membership = Membership(
            cluster=cluster,
            organisation=saved,
            role=Membership.Role.FOUNDING_MEMBER,
            joined_on=datetime.date(2025, 1, 1),
        )
        membership.save()

    pairs = [(imported, saved), (imported.memberships.get(), membership)]
    for written, ordinary in pairs:
        entry = LogEntry.objects.get_for_object(written).get()
        expected = LogEntry.objects.get_for_object(ordinary).get()
        assert (entry.action, entry.actor, entry.cid) == (
            LogEntry.Action.CREATE,
            manager,
            f"import-{run.pk}",
        )
        assert (expected.action, expected.actor) == (entry.action, entry.actor)
        assert entry.content_type == expected.content_type
        assert entry.object_repr == str(written)
        assert set(entry.changes) == set(expected.changes)
    assert imported.size_class == saved.size_class != ""
    # Derived data follows: the search finds it, the cluster counts it.
    assert Organisation.objects.filter(Search.parse("Auditas").matches("organisation")).exists()
    cluster.refresh_from_db()
    assert cluster.member_count == 2


def test_slugs_are_given_as_a_save_gives_them(client, cluster, manager):
    OrganisationFactory(name="UAB Pienas", slug="uab-pienas")
    OrganisationFactory(name="UAB Pienas", slug="uab-pienas-2")
    rows = [
        {"name": "UAB Pienas", "municipality": "LT-57", "joined_on": "2025-01-01"},
        {"name": "UAB Pienas", "municipality": "LT-15", "joined_on": "2025-01-01"},
        {"name": "UAB Sūris", "joined_on": "2025-01-01"},
    ]
    upload(client, cluster, csv_file(rows))
    client.post(reverse("imports:commit", args=[last_run().pk]))
    slugs = set(Organisation.objects.values_list("slug", flat=True))
    assert slugs == {"uab-pienas", "uab-pienas-2", "uab-pienas-3", "uab-pienas-4", "uab-suris"}


def test_a_chunk_the_database_refuses_is_written_row_by_row(client, cluster, manager, monkeypatch):
    OrganisationFactory(name="UAB Senas", slug="uab-senas")

    def taken_slugs(organisations: list[Organisation]) -> None:
        for organisation in organisations:  # as if another import took them meanwhile
            organisation.slug = "uab-senas"

    monkeypatch.setattr(writing, "give_slugs", taken_slugs)
    rows = [{"name": f"UAB Naujas {number}", "joined_on": "2025-01-01"} for number in range(3)]
    upload(client, cluster, csv_file(rows))
    run = last_run()
    client.post(reverse("imports:commit", args=[run.pk]))

    run.refresh_from_db()
    assert (run.status, run.new_rows) == ("committed", 3)
    assert Membership.objects.filter(cluster=cluster).count() == 3
    assert sorted(Organisation.objects.values_list("slug", flat=True)) == [
        "uab-naujas-0",
        "uab-naujas-1",
        "uab-naujas-2",
        "uab-senas",
    ]
