"""Importing a member list: the dry run shows every row's fate and writes nothing; the commit
writes every row or none, audited, and the public pages follow."""

from __future__ import annotations

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tinklas.accounts.tests.factories import cluster_manager, staff
from tinklas.clusters.models import Membership
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.imports.members import rows as import_rows
from tinklas.imports.members.rows import RowProcessor
from tinklas.imports.models import ImportRun
from tinklas.imports.tests.builders import (
    company_code,
    csv_file,
    last_run,
    row_result,
    upload,
)
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import OrganisationFactory
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


@pytest.fixture
def vilnius():
    return Region.objects.get(code="LT-57")


def test_the_dry_run_shows_every_fate_and_writes_nothing(client, cluster, manager, vilnius):
    member = MembershipFactory(
        cluster=cluster,
        organisation__name="UAB Pienas",
        organisation__company_code=company_code("30000001"),
    )
    steady = MembershipFactory(cluster=cluster, organisation__name="UAB Duona").organisation
    organisations_before = Organisation.objects.count()
    content = csv_file(
        [
            {
                "name": "UAB Naujas",
                "company_code": company_code("30000009"),
                "municipality": "LT-57",
                "joined_on": "2025-01-01",
            },
            {"name": "UAB Pienas", "company_code": company_code("30000001"), "role": "coordinator"},
            {"name": "UAB Duona"},
            {"name": "UAB Klaida", "company_code": "123", "joined_on": "2025-01-01"},
        ]
    )
    response = upload(client, cluster, content)

    run = last_run()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:run", args=[run.pk])
    assert run.status == ImportRun.Status.CHECKED
    assert (run.new_rows, run.updated_rows, run.unchanged_rows, run.error_rows) == (1, 1, 1, 1)
    assert row_result(run, 2)["organisation"] == "new"
    assert row_result(run, 3)["changes"] == [
        {"column": "role", "old": "member", "new": "coordinator"}
    ]
    assert row_result(run, 4)["fate"] == "unchanged"
    assert row_result(run, 5)["errors"] == [
        {"column": "company_code", "message": "A Lithuanian company code has exactly 9 digits."}
    ]
    # Nothing written.
    assert Organisation.objects.count() == organisations_before
    member.refresh_from_db()
    assert member.role == Membership.Role.MEMBER
    assert steady.memberships.count() == 1

    page = client.get(response["Location"]).content.decode()
    assert "UAB Naujas" in page
    assert "member</del> → <ins>coordinator" in page
    assert "<code>company_code</code>: A Lithuanian company code has exactly 9 digits." in page
    assert "1 with errors" in page
    assert "Write the changes" not in page  # a file with errors cannot be written


def test_commit_writes_every_row_and_the_public_pages_follow(client, cluster, manager, vilnius):
    ending = MembershipFactory(cluster=cluster, organisation__name="UAB Senas").organisation
    content = csv_file(
        [
            {
                "name": "UAB „Šviesa“",
                "company_code": company_code("30000009"),
                "municipality": "Vilniaus miesto savivaldybė",
                "website": "sviesa.example.org",
                "joined_on": "2025-01-01",
            },
            {
                "name": "VšĮ Tyrimai",
                "kind": "research",
                "municipality": "LT-57",
                "joined_on": "2024.05.01",
                "role": "founding",
            },
            {"name": "UAB Senas", "left_on": "2025-06-01"},
        ]
    )
    upload(client, cluster, content)
    run = last_run()
    assert run.may_commit
    page = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert "Write the changes" in page

    response = client.post(reverse("imports:commit", args=[run.pk]))

    followed = client.get(response["Location"]).content.decode()
    assert "The import is written: 2 new and 1 updated rows." in followed
    run.refresh_from_db()
    assert run.status == ImportRun.Status.COMMITTED
    sviesa = Organisation.objects.get(company_code=company_code("30000009"))
    assert sviesa.name == "UAB „Šviesa“"
    assert sviesa.municipality == vilnius
    assert sviesa.website == "https://sviesa.example.org"
    research = Membership.objects.get(cluster=cluster, organisation__name="VšĮ Tyrimai")
    assert research.joined_on == datetime.date(2024, 5, 1)
    assert research.role == Membership.Role.FOUNDING_MEMBER
    assert ending.memberships.get().left_on == datetime.date(2025, 6, 1)  # kept, ended
    cluster.refresh_from_db()
    assert cluster.member_count == 2
    profile = client.get(reverse("clusters:profile", args=[cluster.slug])).content.decode()
    assert "2 members" in profile
    assert "UAB „Šviesa“" in profile


def test_every_committed_row_is_audited_with_the_person_and_the_import(client, cluster, manager):
    upload(client, cluster, csv_file([{"name": "UAB Auditas", "joined_on": "2025-01-01"}]))
    run = last_run()
    client.post(reverse("imports:commit", args=[run.pk]))

    organisation = Organisation.objects.get(name="UAB Auditas")
    membership = organisation.memberships.get()
    for record in (organisation, membership):
        entry = LogEntry.objects.get_for_object(record).get()
        assert entry.actor == manager
        assert entry.cid == f"import-{run.pk}"


def test_a_row_that_fails_at_commit_leaves_nothing_written(client, cluster, manager):
    OrganisationFactory(name="UAB Dvynys")
    content = csv_file(
        [
            {"name": "UAB Pirmas", "joined_on": "2025-01-01"},
            {"name": "UAB Dvynys", "joined_on": "2025-01-01"},
        ]
    )
    upload(client, cluster, content)
    run = last_run()
    assert run.may_commit
    # Registered meanwhile: the name now matches two organisations.
    OrganisationFactory(name="UAB DVYNYS")

    client.post(reverse("imports:commit", args=[run.pk]))

    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert "Nothing was written" in run.error_message
    assert not Organisation.objects.filter(name="UAB Pirmas").exists()
    assert not Membership.objects.filter(cluster=cluster).exists()
    assert (
        "match more than one registered organisation" in row_result(run, 3)["errors"][0]["message"]
    )


def test_organisations_match_by_code_then_by_name_and_municipality(
    client, cluster, manager, vilnius
):
    by_code = OrganisationFactory(name="UAB Kodas", company_code=company_code("30000001"))
    by_name = OrganisationFactory(name="UAB „Žalia giria“", municipality=vilnius)
    OrganisationFactory(name="UAB Žalia giria")  # elsewhere: another organisation
    content = csv_file(
        [
            {
                "name": "UAB Kodas ir partneriai",
                "company_code": company_code("30000001"),
                "joined_on": "2025-01-01",
            },
            {"name": "uab zalia giria", "municipality": "LT-57", "joined_on": "2025-01-01"},
        ]
    )
    upload(client, cluster, content)
    run = last_run()
    assert run.error_rows == 0
    assert row_result(run, 2)["organisation"] == "unchanged"  # managers do not rename
    assert row_result(run, 2)["notices"][0]["column"] == "name"
    assert row_result(run, 3)["organisation"] == "unchanged"

    client.post(reverse("imports:commit", args=[run.pk]))

    assert Organisation.objects.count() == 3
    assert set(
        Membership.objects.filter(cluster=cluster).values_list("organisation", flat=True)
    ) == {
        by_code.pk,
        by_name.pk,
    }


def test_a_name_matching_two_organisations_is_an_error_naming_both(client, cluster, manager):
    OrganisationFactory(name="UAB Dvynys", company_code=company_code("30000001"))
    OrganisationFactory(name="UAB DVYNYS")
    upload(client, cluster, csv_file([{"name": "UAB Dvynys", "joined_on": "2025-01-01"}]))

    error = row_result(last_run(), 2)["errors"][0]
    assert error["column"] == "name"
    assert "UAB Dvynys (" + company_code("30000001") + ")" in error["message"]
    assert "UAB DVYNYS (no company code)" in error["message"]


def test_staff_changes_registered_organisations_data(client, cluster):
    client.force_login(staff())
    organisation = OrganisationFactory(
        name="UAB Senas vardas", company_code=company_code("30000001")
    )
    content = csv_file(
        [
            {
                "name": "UAB Naujas vardas",
                "company_code": company_code("30000001"),
                "headcount": 0,
                "joined_on": "2025-01-01",
            }
        ]
    )
    client.post(
        reverse("imports:list"),
        {"cluster": cluster.pk, "file": SimpleUploadedFile("m.csv", content)},
    )
    run = last_run()
    assert {change["column"] for change in row_result(run, 2)["changes"]} == {"name", "headcount"}

    client.post(reverse("imports:commit", args=[run.pk]))

    organisation.refresh_from_db()
    assert (organisation.name, organisation.headcount) == ("UAB Naujas vardas", 0)
    history = client.get(reverse("imports:list")).content.decode()
    assert "m.csv" in history
    assert "Food cluster" in history


def test_importing_the_same_file_again_changes_nothing(client, cluster, manager):
    content = csv_file([{"name": "UAB Buvęs", "joined_on": "2020-01-01", "left_on": "2024-01-01"}])
    upload(client, cluster, content)
    client.post(reverse("imports:commit", args=[last_run().pk]))

    upload(client, cluster, content)

    run = last_run()
    assert (run.unchanged_rows, run.error_rows) == (1, 0)
    assert not run.may_commit


def test_a_large_file_is_checked_and_written_in_the_background(
    client, cluster, manager, settings, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.TINKLAS_IMPORT_BACKGROUND_ROWS = 10
    monkeypatch.setattr(import_rows, "CHUNK_ROWS", 5)
    stored_progress = []
    process_row = RowProcessor.process_row

    def watched(processor, row, parsed):  # type: ignore[no-untyped-def]
        stored_progress.extend(ImportRun.objects.values_list("processed_rows", flat=True))
        return process_row(processor, row, parsed)

    monkeypatch.setattr(RowProcessor, "process_row", watched)
    rows = [{"name": f"UAB Įmonė {number}", "joined_on": "2025-01-01"} for number in range(30)]
    upload(client, cluster, csv_file(rows))
    run = last_run()
    assert (run.status, run.processed_rows, run.total_rows) == (ImportRun.Status.CHECKED, 30, 30)
    assert {5, 10, 25} <= set(stored_progress)  # seen by the page while the check went on

    client.post(reverse("imports:commit", args=[run.pk]))

    run.refresh_from_db()
    assert run.status == ImportRun.Status.COMMITTED
    assert Membership.objects.filter(cluster=cluster).count() == 30
    cluster.refresh_from_db()
    assert cluster.member_count == 30
