"""Proposed members of an application, and submitting it to the staff's review."""

import pytest
from django.core import mail
from django.urls import reverse

from tinklas.accounts.tests import factories as people
from tinklas.applications.models import ApplicationMember, ClusterApplication
from tinklas.applications.tests.builders import (
    cluster_step_data,
    complete_application,
    lithuanian_code,
    step_url,
    text,
)
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

# Members.


def test_adding_members_links_those_in_the_registry(client):
    applicant = people.person()
    application = ClusterApplication.objects.create(applicant=applicant, name="X")
    registered = OrganisationFactory(name="Registered UAB", company_code=lithuanian_code(50000000))
    newcomer_code = lithuanian_code(50000001)
    client.force_login(applicant)

    spaced = f"{newcomer_code[:4]} {newcomer_code[4:]}"
    for name, code in [("Registered", registered.company_code), ("Newcomer", spaced)]:
        response = client.post(
            step_url(application, "members"),
            {"name": name, "company_code": code, "kind": "company", "action": "add"},
        )
        assert response.url == step_url(application, "members")

    members = {member.name: member for member in application.members.all()}
    assert members["Registered"].organisation == registered
    assert members["Newcomer"].organisation is None
    assert members["Newcomer"].company_code == newcomer_code
    page = text(client.get(step_url(application, "members")))
    assert "in the registry" in page
    assert "registered as Registered UAB" in page
    assert "2 proposed members" in page


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("12345", "A Lithuanian company code has exactly 9 digits."),
        ("304700006", "The check digit of this Lithuanian company code is wrong."),
        ("", "This field is required."),
    ],
)
def test_a_member_with_an_invalid_company_code_is_refused(client, code, message):
    applicant = people.person()
    application = ClusterApplication.objects.create(applicant=applicant, name="X")
    client.force_login(applicant)
    response = client.post(
        step_url(application, "members"),
        {"name": "Bad Code UAB", "company_code": code, "kind": "company", "action": "add"},
    )
    assert response.context["form"].errors["company_code"] == [message]
    assert message in text(response)
    assert not ApplicationMember.objects.exists()


def test_the_same_company_code_cannot_be_listed_twice(client):
    applicant = people.person()
    application = complete_application(applicant, members=1)
    client.force_login(applicant)
    response = client.post(
        step_url(application, "members"),
        {"name": "Again", "company_code": lithuanian_code(30470000), "kind": "company"},
    )
    assert "This company code is already in the list." in text(response)
    assert application.members.count() == 1


def test_continue_with_an_empty_member_row_goes_to_the_review(client):
    applicant = people.person()
    application = complete_application(applicant, members=1)
    client.force_login(applicant)
    response = client.post(
        step_url(application, "members"),
        {"name": "", "company_code": "", "kind": "", "action": "continue"},
    )
    assert response.url == step_url(application, "review")


def test_removing_a_member(client):
    applicant = people.person()
    application = complete_application(applicant, members=2)
    client.force_login(applicant)
    member = application.members.get(name="Member 1")
    response = client.post(reverse("applications:member-remove", args=[application.pk, member.pk]))
    assert response.url == step_url(application, "members")
    assert list(application.members.values_list("name", flat=True)) == ["Member 0"]


# Submitting.


def test_submitting_below_the_national_minimum_is_refused(client):
    applicant = people.person()
    application = complete_application(applicant, members=4)
    client.force_login(applicant)
    response = client.post(reverse("applications:submit", args=[application.pk]))
    assert (
        "The national cluster concept requires at least 5 members; this application lists 4."
        in text(response)
    )
    application.refresh_from_db()
    assert application.status == ClusterApplication.Status.DRAFT
    assert mail.outbox == []


def test_submitting_names_the_missing_fields(client):
    applicant = people.person()
    application = complete_application(applicant, contact_email="", municipality=None)
    client.force_login(applicant)
    page = text(client.post(reverse("applications:submit", args=[application.pk])))
    assert "Fill in municipality." in page
    assert "Fill in contact email." in page
    assert ClusterApplication.objects.get().status == ClusterApplication.Status.DRAFT


def test_the_coordinator_must_be_among_the_members(client):
    applicant = people.person()
    application = complete_application(applicant, coordinator_code=lithuanian_code(60000000))
    client.force_login(applicant)
    page = text(client.post(reverse("applications:submit", args=[application.pk])))
    assert "must also be in the members list" in page


def test_submitting_sends_the_application_to_the_staff(client):
    applicant = people.person("applicant@example.org")
    reviewers = [people.staff("first@example.org"), people.staff("second@example.org")]
    retired = people.staff("retired@example.org")
    retired.is_active = False
    retired.save()
    application = complete_application(applicant)
    client.force_login(applicant)

    response = client.post(reverse("applications:submit", args=[application.pk]))
    assert response.url == step_url(application, "review")
    application.refresh_from_db()
    assert application.status == ClusterApplication.Status.SUBMITTED
    assert application.submitted_at is not None

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"applicant@example.org", *[person.email for person in reviewers]}
    assert "Baltic Robotics Cluster was received" in by_address["applicant@example.org"].subject
    review_link = "http://testserver" + reverse("applications:review", args=[application.pk])
    assert review_link in by_address["first@example.org"].body
    assert review_link not in by_address["applicant@example.org"].body
    assert "Submitted on" in text(client.get(step_url(application, "review")))


def test_a_submitted_application_cannot_be_changed(client):
    applicant = people.person()
    application = complete_application(applicant, status=ClusterApplication.Status.SUBMITTED)
    client.force_login(applicant)
    response = client.post(step_url(application, "cluster"), cluster_step_data(name="Changed"))
    assert response.url == step_url(application, "review")
    member = application.members.first()
    client.post(reverse("applications:member-remove", args=[application.pk, member.pk]))
    application.refresh_from_db()
    assert application.name == "Baltic Robotics Cluster"
    assert application.members.count() == 5
    page = text(client.get(step_url(application, "review")))
    assert "Submit the application" not in page
