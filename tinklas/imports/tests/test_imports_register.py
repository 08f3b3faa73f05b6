"""Member-list rows whose company code the loaded register of legal entities holds: a new
organisation takes the register's name, legal form, address, kind and municipality for the
cells its row leaves empty, and a company the register shows ending or gone is warned about;
writing an import with warnings needs the uploader's confirmation."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tinklas.accounts.tests.factories import cluster_manager
from tinklas.clusters.models import Membership
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.imports.members.rows import RowProcessor
from tinklas.imports.models import ImportRun
from tinklas.imports.reading import SourceRow
from tinklas.imports.tests.builders import (
    company_code,
    csv_file,
    last_run,
    legal_entity,
    row_result,
    upload,
)
from tinklas.organisations.models import LegalEntity, Organisation
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PIENAS = company_code("30000001")
CONFIRMATION = "I have checked the warned rows: write them anyway"


@pytest.fixture
def cluster():
    return ClusterFactory(name="Food cluster")


@pytest.fixture
def manager(client, cluster):
    user = cluster_manager(cluster)
    client.force_login(user)
    return user


def commit(client, run: ImportRun, **form: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("imports:commit", args=[run.pk]), form, follow=True)


def test_a_new_organisation_takes_what_its_row_leaves_empty_from_the_register(
    client, cluster, manager
):
    legal_entity(PIENAS, 'UAB "Pienas"', address="Kaunas, Savanorių pr. 271-403")
    upload(client, cluster, csv_file([{"company_code": PIENAS, "joined_on": "2025-01-01"}]))

    run = last_run()
    result = row_result(run, 2)
    assert (result["fate"], result["name"]) == ("new", 'UAB "Pienas"')
    message = "From the register of legal entities (extract of 2026-11-01)."
    assert {notice["column"]: notice["new"] for notice in result["notices"]} == {
        "name": 'UAB "Pienas"',
        "legal_form": "UAB",
        "address": "Kaunas, Savanorių pr. 271-403",
        "kind": "company",
        "municipality": "Kaunas city municipality",
    }
    assert {notice["message"] for notice in result["notices"]} == {message}
    page = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert message in page

    commit(client, run)
    organisation = Organisation.objects.get(company_code=PIENAS)
    assert (organisation.name, organisation.legal_form, organisation.kind) == (
        'UAB "Pienas"',
        "UAB",
        Organisation.Kind.COMPANY,
    )
    assert organisation.address == "Kaunas, Savanorių pr. 271-403"
    assert organisation.municipality.code == "LT-15"
    assert Membership.objects.get(organisation=organisation).cluster == cluster


def test_the_rows_own_values_win_and_the_legal_form_gives_the_kind(client, cluster, manager):
    legal_entity(
        PIENAS,
        "Asociacija „Pieno ūkis“",
        legal_form="Asociacija",
        address="Vilniaus r. sav., Avižienių k., Liepų g. 1",
    )
    row = {
        "name": "Pieno ūkis",
        "company_code": PIENAS,
        "municipality": "LT-57",
        "joined_on": "2025-01-01",
    }
    upload(client, cluster, csv_file([row]))

    notices = row_result(last_run(), 2)["notices"]
    assert [notice["column"] for notice in notices] == ["legal_form", "address", "kind"]
    commit(client, last_run())
    organisation = Organisation.objects.get(company_code=PIENAS)
    assert (organisation.name, organisation.municipality.code) == ("Pieno ūkis", "LT-57")
    assert organisation.kind == Organisation.Kind.ASSOCIATION


def test_a_municipality_the_address_does_not_name_for_sure_is_left_empty(client, cluster, manager):
    legal_entity(PIENAS, address="Garliava, Vilniaus g. 5")
    upload(client, cluster, csv_file([{"company_code": PIENAS, "joined_on": "2025-01-01"}]))
    columns = [notice["column"] for notice in row_result(last_run(), 2)["notices"]]
    assert "municipality" not in columns


def test_a_code_neither_registered_nor_in_the_register_needs_a_name(client, cluster, manager):
    upload(client, cluster, csv_file([{"company_code": PIENAS, "joined_on": "2025-01-01"}]))
    assert row_result(last_run(), 2)["errors"] == [
        {
            "column": "name",
            "message": "Give the organisation's name: the loaded register of legal entities "
            "has no entity with this company code.",
        }
    ]


def test_a_registered_organisation_is_not_changed_from_the_register(client, cluster, manager):
    member = OrganisationFactory(name="Pienas", company_code=PIENAS, address="")
    legal_entity(PIENAS, 'UAB "Pienas"')
    upload(client, cluster, csv_file([{"company_code": PIENAS, "joined_on": "2025-01-01"}]))

    result = row_result(last_run(), 2)
    assert (result["fate"], result["name"], result["organisation"]) == (
        "new",
        "Pienas",
        "unchanged",
    )
    assert result["notices"] == result["changes"] == []
    commit(client, last_run())
    member.refresh_from_db()
    assert (member.name, member.address) == ("Pienas", "")


@pytest.mark.parametrize(
    ("status", "dates", "shown"),
    [
        (LegalEntity.Status.LIQUIDATION, {"status_since": "2025-03-01"}, "being liquidated"),
        (LegalEntity.Status.BANKRUPTCY, {"status_since": "2024-10-15"}, "bankruptcy"),
        (LegalEntity.Status.REORGANISATION, {"status_since": "2025-06-30"}, "being reorganised"),
        (LegalEntity.Status.DEREGISTERED, {"deregistered_on": "2023-12-31"}, "deregistered"),
    ],
)
def test_a_company_the_register_shows_ending_or_gone_is_warned_about(
    client, cluster, manager, status, dates, shown
):
    legal_entity(
        PIENAS,
        status=status,
        **{key: datetime.date.fromisoformat(value) for key, value in dates.items()},
    )
    upload(client, cluster, csv_file([{"company_code": PIENAS, "joined_on": "2025-01-01"}]))

    run = last_run()
    result = row_result(run, 2)
    date = next(iter(dates.values()))
    assert result["warnings"] == [
        {
            "column": "company_code",
            "message": f'The register of legal entities gives the status "{shown}" since {date} '
            "(extract of 2026-11-01): check the row before writing it.",
        }
    ]
    assert (result["fate"], result["errors"]) == ("new", [])  # a warning is not an error
    assert (run.warning_rows, run.new_rows) == (1, 1)


def test_an_active_company_is_not_warned_about(client, cluster, manager):
    legal_entity(PIENAS)
    upload(client, cluster, csv_file([{"company_code": PIENAS, "joined_on": "2025-01-01"}]))
    assert row_result(last_run(), 2)["warnings"] == []
    assert last_run().warning_rows == 0
    page = client.get(reverse("imports:run", args=[last_run().pk])).content.decode()
    assert CONFIRMATION not in page


def test_warned_rows_are_written_only_once_the_uploader_confirms_checking_them(
    client, cluster, manager
):
    legal_entity(PIENAS, status=LegalEntity.Status.LIQUIDATION)
    sound = company_code("30000002")
    legal_entity(sound, "UAB Sveikas")
    rows = [
        {"company_code": PIENAS, "joined_on": "2025-01-01"},
        {"company_code": sound, "joined_on": "2025-01-01"},
    ]
    upload(client, cluster, csv_file(rows))
    run = last_run()

    page = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert "1 with a warning" in page
    assert "gives the status &quot;being liquidated&quot;" in page  # the row's warning
    assert CONFIRMATION in page
    assert 'type="checkbox" name="warnings_checked" value="1"' in page
    warned = client.get(reverse("imports:run", args=[run.pk]), {"fate": "warned"})
    assert "UAB Pienas" in warned.content.decode()
    assert "UAB Sveikas" not in warned.content.decode()

    refused = commit(client, run)
    assert "Rows have warnings: check them, then tick" in refused.content.decode()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CHECKED
    assert not Organisation.objects.exists()

    written = commit(client, run, warnings_checked="1")
    assert "The import is written: 2 new and 0 updated rows." in written.content.decode()
    assert set(Organisation.objects.values_list("name", flat=True)) == {"UAB Pienas", "UAB Sveikas"}


def test_an_existing_member_the_register_shows_gone_is_warned_about_too(client, cluster, manager):
    MembershipFactory(
        cluster=cluster, organisation__name="UAB Pienas", organisation__company_code=PIENAS
    )
    legal_entity(
        PIENAS, status=LegalEntity.Status.DEREGISTERED, deregistered_on=datetime.date(2024, 2, 1)
    )
    upload(client, cluster, csv_file([{"company_code": PIENAS, "left_on": "2024-02-01"}]))
    run = last_run()
    assert row_result(run, 2)["fate"] == "updated"
    assert run.warning_rows == 1


def test_the_register_is_read_once_per_chunk_of_rows_not_per_row(cluster, manager):
    for number in range(40):
        legal_entity(company_code(f"3{number:07d}"), f"UAB Įmonė {number}")

    def register_queries(count: int) -> int:
        rows = [
            SourceRow(
                number + 2,
                {"company_code": company_code(f"3{number:07d}"), "joined_on": "2025-01-01"},
            )
            for number in range(count)
        ]
        with CaptureQueriesContext(connection) as queries:
            results = RowProcessor(cluster, manager, write=False).process(rows)
        assert {result["fate"] for result in results} == {"new"}
        return sum(1 for query in queries if "organisations_legalentity" in query["sql"])

    assert register_queries(3) == register_queries(40) == 1


def test_warned_rows_are_kept_when_a_large_files_results_are_capped(settings):
    from tinklas.imports.retention import kept_results

    settings.TINKLAS_IMPORT_RESULTS_KEPT = 3
    results = [{"row": number, "fate": "new", "warnings": []} for number in range(2, 12)]
    results[8]["warnings"] = [{"column": "company_code", "message": "deregistered"}]
    results[9]["fate"] = "error"
    # Errors first, then the warned rows the uploader must confirm, then the top of the file.
    assert [result["row"] for result in kept_results(results)] == [2, 10, 11]
