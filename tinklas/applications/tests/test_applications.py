"""Applying to register a cluster: the eligibility checklist, the steps that save a draft,
and who may see an application."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tinklas.accounts.tests import factories as people
from tinklas.applications.models import ClusterApplication, EligibilityCriteria
from tinklas.applications.tests.builders import (
    COMPANY,
    cluster_step_data,
    complete_application,
    lithuanian_code,
    step_url,
    text,
)
from tinklas.applications.workflow import eligibility_checklist
from tinklas.taxonomy.models import Sector

pytestmark = pytest.mark.django_db

# The checklist.


def figures(items) -> list[tuple[str, str, bool]]:
    return [(item.label, item.figure, item.met) for item in items]


def test_checklist_with_the_default_thresholds():
    application = complete_application(
        people.person(), members=12, kinds=(COMPANY,), management_fte=Decimal("0.3"), website=""
    )
    assert figures(eligibility_checklist(application)) == [
        ("At least 5 members", "12 of 5 members", True),
        ("At least 15 members", "12 of 15 members", False),
        ("A management team of at least 0.5 FTE", "0.3 of 0.5 FTE", False),
        ("Members of at least 2 kinds", "1 of 2 kinds: company", False),
        ("A website", "not given", False),
    ]
    assert [item.blocks_submission for item in eligibility_checklist(application)] == [
        True,
        False,
        False,
        False,
        False,
    ]


def test_checklist_follows_thresholds_changed_by_staff():
    criteria = EligibilityCriteria.current()
    criteria.national_minimum_members = 8
    criteria.european_minimum_members = 6
    criteria.european_minimum_management_fte = Decimal("2")
    criteria.european_minimum_member_kinds = 3
    criteria.european_website_required = False
    criteria.save()
    application = complete_application(people.person(), members=7)

    assert figures(eligibility_checklist(application)) == [
        ("At least 8 members", "7 of 8 members", False),
        ("At least 6 members", "7 of 6 members", True),
        ("A management team of at least 2 FTE", "1.5 of 2 FTE", False),
        (
            "Members of at least 3 kinds",
            "2 of 3 kinds: company, research organisation or university",
            False,
        ),
    ]


def test_the_step_page_shows_the_checklist_with_figures(client):
    applicant = people.person()
    application = complete_application(applicant, members=3)
    client.force_login(applicant)
    response = client.get(step_url(application, "management"))
    assert response.status_code == 200
    page = text(response)
    assert "3 of 5 members" in page
    assert "3 of 15 members" in page
    assert 'aria-current="step"' in page
    assert page.index('aria-current="step"') > page.index(">1. Cluster<")


# Starting and saving the steps.


def test_starting_creates_a_draft_of_the_applicant_and_opens_the_first_step(client):
    applicant = people.person()
    client.force_login(applicant)
    response = client.post(reverse("applications:new"))
    application = ClusterApplication.objects.get()
    assert application.applicant == applicant
    assert application.status == ClusterApplication.Status.DRAFT
    assert response.url == step_url(application, "cluster")


@pytest.mark.parametrize("name", ["applications:list", "applications:new"])
def test_signed_out_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_signed_out_visitors_are_sent_to_sign_in_from_an_application(client):
    application = complete_application(people.person())
    response = client.get(step_url(application, "cluster"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_save_draft_keeps_the_step_and_save_and_continue_goes_on(client):
    applicant = people.person()
    application = ClusterApplication.objects.create(applicant=applicant)
    client.force_login(applicant)

    response = client.post(step_url(application, "cluster"), cluster_step_data(action="save"))
    assert response.url == step_url(application, "cluster")
    application.refresh_from_db()
    assert application.name == "Kauno maisto klasteris"
    assert application.website == "https://kmk.example.org"
    assert list(application.sectors.all()) == [Sector.objects.order_by("pk")[0]]

    response = client.post(
        step_url(application, "cluster"), cluster_step_data(name="KMK", action="continue")
    )
    assert response.url == step_url(application, "management")
    response = client.post(
        step_url(application, "management"),
        {"coordinator_name": "VšĮ Maistas", "management_fte": "0.75", "action": "continue"},
    )
    assert response.url == step_url(application, "members")
    application.refresh_from_db()
    assert (application.name, application.management_fte) == ("KMK", Decimal("0.75"))


def test_a_step_with_errors_names_the_fields_and_saves_nothing(client):
    applicant = people.person()
    application = ClusterApplication.objects.create(applicant=applicant, name="Before")
    client.force_login(applicant)
    response = client.post(
        step_url(application, "cluster"),
        cluster_step_data(name="After", founded_on="2999-01-01", website="not a web address"),
    )
    page = text(response)
    assert "The founding date cannot be in the future." in page
    assert 'id="error-summary"' in page
    assert 'href="#id_website"' in page
    application.refresh_from_db()
    assert application.name == "Before"


def test_the_coordinators_company_code_is_checked(client):
    applicant = people.person()
    application = ClusterApplication.objects.create(applicant=applicant, name="X")
    client.force_login(applicant)
    response = client.post(
        step_url(application, "management"), {"coordinator_code": "123456789", "action": "save"}
    )
    assert "The check digit of this Lithuanian company code is wrong." in text(response)
    application.refresh_from_db()
    assert application.coordinator_code == ""


def test_the_live_preview_renders_only_the_checklist_and_saves_nothing(client):
    applicant = people.person()
    application = complete_application(applicant, members=4, website="")
    client.force_login(applicant)

    response = client.post(
        step_url(application, "cluster"),
        cluster_step_data(website="https://new.example.org", preview="1"),
        headers={"HX-Request": "true"},
    )
    page = text(response)
    assert response.status_code == 200
    assert "<html" not in page
    assert "https://new.example.org" in page
    assert "Includes changes not saved yet." in page
    application.refresh_from_db()
    assert application.website == ""

    response = client.post(
        step_url(application, "members"),
        {
            "name": "Pending UAB",
            "company_code": lithuanian_code(40000000),
            "kind": "public",
            "preview": "1",
        },
        headers={"HX-Request": "true"},
    )
    assert "5 of 5 members" in text(response)
    assert application.members.count() == 4


# Who may see an application.


def test_another_person_cannot_see_or_change_an_application(client):
    application = complete_application(people.person())
    client.force_login(people.person())
    member = application.members.first()
    for step in ["cluster", "members", "review"]:
        assert client.get(step_url(application, step)).status_code == 404
    assert client.post(reverse("applications:submit", args=[application.pk])).status_code == 404
    remove = reverse("applications:member-remove", args=[application.pk, member.pk])
    assert client.post(remove).status_code == 404
    assert "Baltic Robotics Cluster" not in text(client.get(reverse("applications:list")))
    assert application.members.count() == 5
    assert ClusterApplication.objects.get().status == ClusterApplication.Status.DRAFT


def test_staff_can_open_any_application(client):
    application = complete_application(people.person())
    client.force_login(people.staff())
    assert client.get(step_url(application, "review")).status_code == 200


def test_my_applications_lists_mine_with_their_status(client):
    applicant = people.person()
    complete_application(applicant, name="Draft Cluster")
    complete_application(applicant, name="Sent Cluster", status="submitted")
    client.force_login(applicant)
    page = text(client.get(reverse("applications:list")))
    assert "Draft Cluster" in page
    assert "Sent Cluster" in page
    assert "Submitted for review" in page


def test_an_unknown_step_is_not_found(client):
    applicant = people.person()
    application = complete_application(applicant)
    client.force_login(applicant)
    assert client.get(step_url(application, "payment")).status_code == 404
