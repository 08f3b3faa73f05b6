"""Forms filled in from the register by company code: the new-member form of a cluster's
managers and the organisation edit form of staff. Nothing is saved and nothing else is
judged until the person saves."""

import pytest
from django.urls import reverse

from tinklas.accounts.tests.factories import cluster_manager, representative, staff
from tinklas.clusters.models import Membership
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.organisations.models import Organisation
from tinklas.organisations.register.tests.register_data import (
    REGISTERED_HEADER,
    company_code,
    load,
    register_file,
    registered,
)
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
SILAS = company_code("30000001")
DUONA = company_code("30000002")


@pytest.fixture
def register(tmp_path):
    return load(
        register_file(
            tmp_path / "JAR_IREGISTRUOTI.csv",
            REGISTERED_HEADER,
            [
                registered(SILAS, 'UAB "Šilas"', address="Kaunas, Savanorių pr. 271-403"),
                registered(
                    DUONA,
                    "UAB Duona",
                    status_code="7",
                    status="Likviduojamas",
                    since="2026-03-01",
                ),
            ],
        )
    )


@pytest.fixture
def cluster(client):
    cluster = ClusterFactory(name_en="Food cluster")
    client.force_login(cluster_manager(cluster))
    return cluster


def lookup_data(**values):
    data = {
        "name": "",
        "kind": "",
        "country": "LT",
        "company_code": SILAS,
        "legal_form": "",
        "vat_code": "",
        "address": "",
        "municipality": "",
        "website": "https://silas.example",
        "headcount": "",
        "joined_on": "2026-05-01",
        "role": "member",
        "lookup": "1",
    }
    return {**data, **values}


def test_the_new_member_form_is_filled_in_from_the_register(client, cluster, register):
    url = reverse("clusters:member-new", args=[cluster.slug])
    response = client.post(url, lookup_data())
    page = response.content.decode()
    assert response.status_code == 200
    form = response.context["organisation_form"]
    assert form["name"].value() == 'UAB "Šilas"'
    assert form["legal_form"].value() == "UAB"
    assert form["address"].value() == "Kaunas, Savanorių pr. 271-403"
    assert form["kind"].value() == "company"
    assert form["website"].value() == "https://silas.example"  # what was typed stays
    assert response.context["membership_form"]["joined_on"].value() == "2026-05-01"
    assert "Found in the register of legal entities" in page
    assert "Warning" not in page
    assert "Nothing was saved. Please correct" not in page  # no errors on other fields
    assert not Organisation.objects.exists()

    data = {**lookup_data(), **{name: form[name].value() or "" for name in form.fields}}
    del data["lookup"]
    saved = client.post(url, data)
    assert saved.status_code == 302
    organisation = Organisation.objects.get(company_code=SILAS)
    assert (organisation.name, organisation.legal_form) == ('UAB "Šilas"', "UAB")
    assert Membership.objects.filter(cluster=cluster, organisation=organisation).exists()


def test_a_member_in_liquidation_is_warned_about(client, cluster, register):
    url = reverse("clusters:member-new", args=[cluster.slug])
    page = client.post(url, lookup_data(company_code=DUONA)).content.decode()
    assert "Warning: in the register this organisation's status is “being liquidated”." in page
    assert "Likviduojamas" in page and "since 2026-03-01" in page


def test_a_code_the_register_lacks_or_a_wrong_one_is_said_and_nothing_is_filled(
    client, cluster, register
):
    url = reverse("clusters:member-new", args=[cluster.slug])
    missing = client.post(url, lookup_data(company_code=company_code("30000009"), name="Mano"))
    assert "No entity with this code is in the register." in missing.content.decode()
    assert missing.context["organisation_form"]["name"].value() == "Mano"
    wrong = client.post(url, lookup_data(company_code="123456789"))
    assert "The check digit of this Lithuanian company code is wrong." in wrong.content.decode()


def test_a_code_already_registered_offers_the_registered_organisation(client, cluster, register):
    OrganisationFactory(name="UAB Šilas", company_code=SILAS)
    url = reverse("clusters:member-new", args=[cluster.slug])
    page = client.post(url, lookup_data()).content.decode()
    assert "This organisation is already registered" in page
    assert "Add UAB Šilas instead" in page


def test_staff_fill_in_an_organisation_from_the_register_on_its_edit_page(client, register):
    organisation = OrganisationFactory(name="Silas", legal_form="", company_code=SILAS)
    MembershipFactory(organisation=organisation)
    client.force_login(staff())
    url = reverse("organisations:edit", args=[organisation.slug])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(description_en="Sawmill.", headcount="abc", lookup="1")
    response = client.post(url, data)
    page = response.content.decode()
    filled = response.context["form"]
    assert filled["name"].value() == 'UAB "Šilas"'
    assert filled["legal_form"].value() == "UAB"
    assert filled["address"].value() == "Kaunas, Savanorių pr. 271-403"
    assert filled["description_en"].value() == "Sawmill."
    assert filled["headcount"].value() == "abc"  # not judged until saved
    assert "Nothing was saved. Please correct" not in page
    organisation.refresh_from_db()
    assert organisation.name == "Silas"


def test_representatives_have_no_register_lookup(client, register):
    organisation = OrganisationFactory(name="Silas", company_code=SILAS)
    MembershipFactory(organisation=organisation)
    client.force_login(representative(organisation))
    page = client.get(reverse("organisations:edit", args=[organisation.slug])).content.decode()
    assert "Look up in the register" not in page
