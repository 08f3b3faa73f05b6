"""Cluster managers keep the member list current: add a registered organisation, register a
new one, end memberships; the public profile follows."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from stdnum.lt import pvm

from tinklas.accounts.tests.factories import cluster_manager
from tinklas.clusters.models import Cluster, Membership
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import OrganisationFactory
from tinklas.taxonomy.models import Region

pytestmark = pytest.mark.django_db


def company_code(first_eight: str) -> str:
    return first_eight + pvm.calc_check_digit(first_eight)


@pytest.fixture
def cluster():
    return ClusterFactory(name_en="Food cluster", name_lt="Maisto klasteris")


@pytest.fixture
def manager(client, cluster):
    user = cluster_manager(cluster)
    client.force_login(user)
    return user


def url(name, cluster, *args):
    return reverse(name, args=[cluster.slug, *args])


def test_add_a_registered_organisation_found_by_name(client, cluster, manager):
    dairy = OrganisationFactory(name="UAB Šiaulių pienas", company_code=company_code("30000001"))
    OrganisationFactory(name="UAB Kitas")
    found = client.get(url("clusters:member-add", cluster), {"q": "siauliu"})
    assert "UAB Šiaulių pienas" in found.content.decode()
    assert "UAB Kitas" not in found.content.decode()

    response = client.post(
        url("clusters:member-add", cluster),
        {"organisation": dairy.pk, "joined_on": "2025-05-01", "role": "member"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(cluster=cluster, organisation=dairy)
    assert membership.joined_on == datetime.date(2025, 5, 1)
    members_page = client.get(url("clusters:members", cluster)).content.decode()
    assert "UAB Šiaulių pienas" in members_page
    assert LogEntry.objects.get_for_object(membership).get().actor == manager
    profile = client.get(reverse("clusters:profile", args=[cluster.slug])).content.decode()
    assert "1 member" in profile


def test_search_by_company_code_shows_who_is_already_a_member(client, cluster, manager):
    code = company_code("30000002")
    member = MembershipFactory(cluster=cluster, organisation__company_code=code).organisation
    page = client.get(url("clusters:member-add", cluster), {"q": code}).content.decode()
    assert member.name in page
    assert "already a member" in page


def test_an_organisation_with_an_open_membership_is_refused_with_the_reason(
    client, cluster, manager
):
    member = MembershipFactory(cluster=cluster).organisation
    response = client.post(
        url("clusters:member-add", cluster),
        {"organisation": member.pk, "joined_on": "2025-05-01", "role": "member"},
    )
    assert response.status_code == 200
    assert "already has an open membership in this cluster" in response.content.decode()
    assert Membership.objects.filter(organisation=member).count() == 1


def test_the_search_reads_a_fixed_number_of_queries(
    client, cluster, manager, django_assert_max_num_queries
):
    municipality = Region.objects.filter(kind=Region.Kind.MUNICIPALITY).first()
    for number in range(30):
        OrganisationFactory(name=f"UAB Pienas {number}", municipality=municipality)
    with django_assert_max_num_queries(12):
        page = client.get(url("clusters:member-add", cluster), {"q": "pienas"})
    assert "30 organisations found" in page.content.decode()


def new_organisation(**values):
    data = {
        "name": "UAB Naujas",
        "kind": "company",
        "country": "LT",
        "company_code": company_code("30000003"),
        "vat_code": "",
        "municipality": "",
        "website": "",
        "headcount": "12",
        "joined_on": "2025-06-01",
        "role": "member",
    }
    return {**data, **values}


def test_register_a_new_organisation_as_a_member(client, cluster, manager):
    response = client.post(url("clusters:member-new", cluster), new_organisation())
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="UAB Naujas")
    assert organisation.size_class == "small"
    membership = Membership.objects.get(cluster=cluster, organisation=organisation)
    assert LogEntry.objects.get_for_object(organisation).get().actor == manager
    assert LogEntry.objects.get_for_object(membership).get().actor == manager


def test_a_bad_company_code_is_named_and_nothing_is_written(client, cluster, manager):
    response = client.post(
        url("clusters:member-new", cluster), new_organisation(company_code="123456789")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Company code</a>: The check digit of this Lithuanian company code is wrong." in page
    assert not Organisation.objects.filter(name="UAB Naujas").exists()
    assert not Membership.objects.exists()


def test_a_registered_company_code_offers_the_registered_organisation(client, cluster, manager):
    code = company_code("30000003")
    registered = OrganisationFactory(name="UAB Senas", company_code=code)
    # Typed with spaces, the code is still recognised.
    spaced = f"{code[:3]} {code[3:6]} {code[6:]}"
    response = client.post(
        url("clusters:member-new", cluster), new_organisation(company_code=spaced)
    )
    page = response.content.decode()
    assert "This organisation is already registered" in page
    assert "Add UAB Senas instead" in page
    assert Organisation.objects.count() == 1
    assert not Membership.objects.exists()

    # One click adds it, with the terms given on the form.
    added = client.post(
        url("clusters:member-add", cluster),
        {"organisation": registered.pk, "joined_on": "2025-06-01", "role": "member"},
    )
    assert added.status_code == 302
    assert Membership.objects.get(organisation=registered).joined_on == datetime.date(2025, 6, 1)


def test_a_namesake_in_the_same_municipality_is_shown_before_creating(client, cluster, manager):
    vilnius = Region.objects.get(code="LT-57")
    OrganisationFactory(name="UAB „Šviesa“", municipality=vilnius)
    data = new_organisation(name="uab sviesa", municipality=str(vilnius.pk), company_code="")
    first = client.post(url("clusters:member-new", cluster), data)
    assert "An organisation of the same name is registered in the same municipality" in (
        first.content.decode()
    )
    assert Organisation.objects.count() == 1

    created = client.post(url("clusters:member-new", cluster), {**data, "create_anyway": "1"})
    assert created.status_code == 302
    assert Organisation.objects.count() == 2


def test_end_a_membership(client, cluster, manager):
    today = datetime.date.today()
    leaving = MembershipFactory(cluster=cluster, organisation__name="UAB Išeinantis")
    MembershipFactory(cluster=cluster, organisation__name="UAB Liekantis")
    profile_url = reverse("clusters:profile", args=[cluster.slug])
    assert "2 members" in client.get(profile_url).content.decode()

    end_url = url("clusters:member-end", cluster, leaving.pk)
    confirmation = client.post(end_url, {"left_on": today.isoformat()})
    assert "End the membership of UAB Išeinantis" in confirmation.content.decode()
    assert Membership.objects.get(pk=leaving.pk).left_on is None

    response = client.post(end_url, {"left_on": today.isoformat(), "confirm": "1"})
    assert response.status_code == 302
    members_page = client.get(url("clusters:members", cluster))
    assert [item.organisation.name for item in members_page.context["former"]] == ["UAB Išeinantis"]
    assert [item.organisation.name for item in members_page.context["current"]] == ["UAB Liekantis"]
    assert "1 member" in client.get(profile_url).content.decode()
    assert Cluster.objects.get(pk=cluster.pk).member_count == 1
    assert LogEntry.objects.get_for_object(leaving).latest("timestamp").actor == manager


def test_an_end_before_the_start_is_named(client, cluster, manager):
    membership = MembershipFactory(cluster=cluster, joined_on=datetime.date(2024, 1, 1))
    response = client.post(
        url("clusters:member-end", cluster, membership.pk),
        {"left_on": "2023-12-31", "confirm": "1"},
    )
    page = response.content.decode()
    assert "First day no longer a member</a>: A membership cannot end before it starts." in page
    assert Membership.objects.get(pk=membership.pk).left_on is None


def test_live_search_answers_with_the_results_only(client, cluster, manager):
    OrganisationFactory(name="UAB Gyvas")
    response = client.get(
        url("clusters:member-add", cluster), {"q": "gyvas"}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert "UAB Gyvas" in page
    assert "<html" not in page


def test_the_member_list_reads_a_fixed_number_of_queries(
    client, cluster, manager, django_assert_max_num_queries
):
    for number in range(40):
        MembershipFactory(cluster=cluster, organisation__name=f"UAB Narys {number}")
    MembershipFactory(cluster=cluster, left_on=datetime.date(2024, 1, 1))
    # A fixed handful (session, person, permission checks, counts, two lists): not one per row.
    with django_assert_max_num_queries(14):
        page = client.get(url("clusters:members", cluster))
    assert "40 current members" in page.content.decode()
    assert "1 former member" in page.content.decode()
