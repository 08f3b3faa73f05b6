"""Organisations through the API: the member directory's organisations and filters, which
organisations are public, and what representatives may change (NACE codes, VAT codes)."""

import datetime
import json

import pytest
from django.urls import reverse

from tinklas.accounts.tests.factories import representative, staff
from tinklas.accounts.tokens import create_token
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import OrganisationFactory
from tinklas.taxonomy.models import NaceActivity

pytestmark = pytest.mark.django_db

ORGANISATIONS = "/api/v1/organisations/"


def patch(client, slug: str, key: str, **data):  # type: ignore[no-untyped-def]
    return client.patch(
        f"{ORGANISATIONS}{slug}/?lang=en",
        json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"q": "uab"},
        {"kind": "research"},
        {"county": "LT-VL", "size": ["micro", "small"]},
        {"activity": "62"},
        {"cluster": "smart-food"},
    ],
)
def test_filters_give_the_member_directorys_results(client, demo_network, query):
    page = client.get(reverse("clusters:organisation-directory"), query).context["page"]
    expected = (page.paginator.count, [item.slug for item in page.object_list])
    data = client.get(ORGANISATIONS, {**query, "page_size": 25, "lang": "en"}).json()
    assert (data["count"], [item["slug"] for item in data["results"]]) == expected
    assert expected[0] > 0


def test_current_and_former_members_are_public_other_organisations_not(client):
    cluster = ClusterFactory()
    current = MembershipFactory(cluster=cluster, organisation__slug="current").organisation
    MembershipFactory(
        cluster=cluster, organisation__slug="former", left_on=datetime.date(2022, 1, 1)
    )
    MembershipFactory(cluster__status=Cluster.Status.DRAFT, organisation__slug="in-a-draft")
    OrganisationFactory(slug="never")
    listed = [item["slug"] for item in client.get(ORGANISATIONS).json()["results"]]
    assert listed == [current.slug]
    assert client.get(ORGANISATIONS + "former/").status_code == 200
    assert client.get(ORGANISATIONS + "in-a-draft/").status_code == 404
    assert client.get(ORGANISATIONS + "never/").status_code == 404


def test_the_representation_leaves_out_what_the_public_page_does_not_show(client):
    MembershipFactory(
        organisation__slug="company",
        organisation__headcount=12,
        organisation__address="Gedimino pr. 1",
        organisation__annual_turnover=1_000_000,
    )
    data = client.get(ORGANISATIONS + "company/").json()
    assert data["size_class"] == "small"
    assert not {"headcount", "address", "annual_turnover", "balance_sheet_total"} & set(data)
    assert data["profile_url"].endswith("/organisations/company/")


def test_a_representative_sets_activities_by_nace_code(client):
    organisation = MembershipFactory(organisation__slug="company").organisation
    _token, key = create_token(representative(organisation), "script")
    response = patch(
        client, "company", key, main_activity="62.10", other_activities=["62.20", "63.10"]
    )
    assert response.status_code == 200, response.content
    assert response.json()["main_activity"]["code"] == "62.10"
    assert [item["code"] for item in response.json()["other_activities"]] == ["62.20", "63.10"]
    organisation.refresh_from_db()
    assert organisation.main_activity == NaceActivity.objects.get(revision="2.1", code="62.10")
    assert organisation.other_activities.count() == 2


def test_unknown_codes_and_invalid_figures_are_refused_by_field(client):
    organisation = MembershipFactory(organisation__slug="company").organisation
    _token, key = create_token(representative(organisation), "script")
    response = patch(
        client,
        "company",
        key,
        main_activity="99.99",
        vat_code="12",
        founded_year=datetime.date.today().year + 1,
        headcount=-3,
    )
    assert response.status_code == 400
    assert set(response.json()) == {"main_activity", "vat_code", "headcount"}
    response = patch(client, "company", key, founded_year=datetime.date.today().year + 1)
    assert response.json() == {"founded_year": ["The founding year cannot be in the future."]}
    response = patch(client, "company", key, vat_code="DE136695976")
    assert response.json() == {
        "vat_code": ["The VAT code's prefix DE does not match the country LT."]
    }
    assert Organisation.objects.get(slug="company").vat_code == ""


def test_staff_may_change_the_identity_and_codes_are_normalised(client):
    MembershipFactory(organisation__slug="company")
    _token, key = create_token(staff(), "script")
    response = patch(client, "company", key, name="UAB Naujas", company_code="110 053 842")
    assert response.status_code == 200, response.content
    assert response.json()["company_code"] == "110053842"
    assert Organisation.objects.get(slug="company").name == "UAB Naujas"
