"""Names compared as people write them: quotes of any kind, extra spaces, letter case and the
legal form in full, abbreviated or after the name are no change; other letters are."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tinklas.accounts.tests.factories import staff
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.imports.tests.builders import company_code, csv_file, last_run, row_result, upload
from tinklas.organisations.models import Organisation

pytestmark = pytest.mark.django_db

# As registered, then as a member list writes it.
SAME_NAMES = [
    ("UAB „Pieno žvaigždės“", 'UAB "Pieno žvaigždės"'),
    ("UAB „Saulės grąža“", "UAB 'Saulės grąža'"),
    ("UAB Medžio namai", "UAB  Medžio   namai"),
    ("Uždaroji akcinė bendrovė „Girių medis“", "UAB Girių medis"),
    ("UAB Lino audiniai", "Lino audiniai, UAB"),
    ("UAB Jūros vėjas", "uždaroji akcinė bendrovė „JŪROS VĖJAS“"),
    ("Viešoji įstaiga „Žinių centras“", "VšĮ Žinių centras"),
]


@pytest.fixture
def cluster():
    return ClusterFactory(name="Food cluster")


@pytest.fixture
def staff_member(client):
    # Staff change names, so a name read as different would be changed, not noticed.
    user = staff()
    client.force_login(user)
    return user


def members(cluster, names: list[str]) -> list[Organisation]:  # type: ignore[no-untyped-def]
    return [
        MembershipFactory(
            cluster=cluster,
            organisation__name=name,
            organisation__company_code=company_code(f"3000{number:04d}"),
        ).organisation
        for number, name in enumerate(names, start=1)
    ]


def test_a_name_written_another_way_is_not_a_change(client, cluster, staff_member):
    registered = members(cluster, [name for name, _written in SAME_NAMES])
    rows = [
        {"name": written, "company_code": organisation.company_code}
        for organisation, (_name, written) in zip(registered, SAME_NAMES, strict=True)
    ]
    upload(client, cluster, csv_file(rows))

    run = last_run()
    assert [result["changes"] for result in run.results] == [[]] * len(SAME_NAMES)
    assert run.unchanged_rows == len(SAME_NAMES)
    page = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert "Nothing to write: every row matches the registry." in page


def test_other_letters_are_a_change(client, cluster, staff_member):
    accents, other = members(cluster, ["UAB „Pieno žvaigždės“", "UAB Miško gėlė"])
    rows = [
        {"name": "UAB Pieno zvaigzdes", "company_code": accents.company_code},
        {"name": "UAB Miško gėlės", "company_code": other.company_code},
    ]
    upload(client, cluster, csv_file(rows))

    run = last_run()
    # Letters without their accents are a different spelling, worth correcting either way.
    assert row_result(run, 2)["changes"] == [
        {"column": "name", "old": "UAB „Pieno žvaigždės“", "new": "UAB Pieno zvaigzdes"}
    ]
    assert row_result(run, 3)["changes"] == [
        {"column": "name", "old": "UAB Miško gėlė", "new": "UAB Miško gėlės"}
    ]


def test_a_legal_form_written_in_full_is_the_same_legal_form(client, cluster, staff_member):
    (organisation,) = members(cluster, ["UAB Lino audiniai"])
    Organisation.objects.filter(pk=organisation.pk).update(legal_form="UAB")
    row = {"name": "UAB Lino audiniai", "company_code": organisation.company_code}
    header = ["name", "company_code", "legal_form", "joined_on"]
    upload(client, cluster, csv_file([{**row, "legal_form": "Uždaroji akcinė bendrovė"}], header))
    assert row_result(last_run(), 2)["fate"] == "unchanged"


def test_one_organisation_written_two_ways_in_a_file_is_named_twice(client, cluster, staff_member):
    rows = [
        {"name": "UAB Lino audiniai", "joined_on": "2025-01-01"},
        {"name": "„Lino audiniai“, UAB", "joined_on": "2025-01-01"},
    ]
    upload(client, cluster, csv_file(rows))
    assert row_result(last_run(), 3)["errors"] == [
        {"column": "name", "message": "Row 2 already names this organisation."}
    ]


def test_a_row_with_a_code_finds_its_namesake_registered_without_one(client, cluster, staff_member):
    from tinklas.organisations.tests.factories import OrganisationFactory
    from tinklas.taxonomy.models import Region

    vilnius = Region.objects.get(code="LT-57")
    codeless = OrganisationFactory(name="UAB Be kodo", municipality=vilnius)
    OrganisationFactory(
        name="UAB Kitas", company_code=company_code("30000009"), municipality=vilnius
    )
    code = company_code("30000001")
    rows = [
        {
            "name": "UAB „Be kodo“",
            "company_code": code,
            "municipality": "LT-57",
            "joined_on": "2025-01-01",
        },
        {
            "name": "UAB Kitas",
            "company_code": company_code("30000002"),
            "municipality": "LT-57",
            "joined_on": "2025-01-01",
        },
    ]
    upload(client, cluster, csv_file(rows))

    run = last_run()
    # The first is the organisation registered without its code; the second, under another
    # code, is another organisation.
    assert row_result(run, 2)["changes"] == [{"column": "company_code", "old": "", "new": code}]
    assert row_result(run, 3)["organisation"] == "new"
    client.post(reverse("imports:commit", args=[run.pk]))
    codeless.refresh_from_db()
    assert codeless.company_code == code
