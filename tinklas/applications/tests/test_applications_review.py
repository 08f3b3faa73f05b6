"""The staff's review of cluster applications: the queue, the three decisions and their
emails, the approval that registers the cluster, refused decisions, and the audit trail."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tinklas.accounts.tests import factories as people
from tinklas.applications.models import ClusterApplication, EligibilityCriteria
from tinklas.applications.tests.builders import (
    cluster_step_data,
    complete_application,
    lithuanian_code,
    step_url,
    text,
)
from tinklas.clusters.models import Cluster, ClusterManagerRole, Membership
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SUBMITTED = ClusterApplication.Status.SUBMITTED


def submitted_application(applicant=None, **values) -> ClusterApplication:
    values.setdefault("submitted_at", timezone.now())
    return complete_application(applicant or people.person(), status=SUBMITTED, **values)


def review_url(application: ClusterApplication) -> str:
    return reverse("applications:review", args=[application.pk])


def decide(client, application, decision: str, message: str = ""):
    data = {"decision": decision, f"{decision}-message": message}
    return client.post(review_url(application), data)


# Access.


def test_the_review_pages_are_for_staff_only(client):
    application = submitted_application()
    for url in [reverse("applications:review-queue"), review_url(application)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))

    client.force_login(application.applicant)
    for url in [reverse("applications:review-queue"), review_url(application)]:
        assert client.get(url).status_code == 403
    assert decide(client, application, "approve").status_code == 403
    assert not Cluster.objects.exists()

    client.force_login(people.staff())
    for url in [reverse("applications:review-queue"), review_url(application)]:
        assert client.get(url).status_code == 200


# The queue.


def test_the_queue_lists_submitted_applications_oldest_first(client, django_assert_max_num_queries):
    now = timezone.now()
    newer = submitted_application(name="Newer Cluster", submitted_at=now, members=3)
    older = submitted_application(
        name="Older Cluster", submitted_at=now - datetime.timedelta(days=2), members=16
    )
    complete_application(people.person(), name="Draft Cluster")
    EligibilityCriteria.current()  # its row is made once, on first use
    client.force_login(people.staff())

    with django_assert_max_num_queries(8):
        response = client.get(reverse("applications:review-queue"))
    page = text(response)
    assert "Draft Cluster" not in page
    assert page.index("Older Cluster") < page.index("Newer Cluster")
    assert [(row[0], row[1]) for row in response.context["rows"]] == [(older, 16), (newer, 3)]
    older_summary = response.context["rows"][0][2]
    assert older_summary.national_met
    assert (older_summary.european_met, older_summary.european_total) == (4, 4)
    assert not response.context["rows"][1][2].national_met
    assert older.applicant.email in page

    for _ in range(5):
        submitted_application()
    with django_assert_max_num_queries(8):
        client.get(reverse("applications:review-queue"))


def test_the_review_page_shows_the_whole_application_with_its_checklist(client):
    application = submitted_application(members=6)
    client.force_login(people.staff())
    page = text(client.get(review_url(application)))
    assert "Baltic Robotics Cluster" in page
    assert "Member 5" in page
    assert "6 of 15 members" in page
    assert "Approve and register" in page
    assert "Ask for changes" in page


# Approval.


def test_approving_registers_the_cluster_with_its_members_and_manager(client):
    applicant = people.person("applicant@example.org")
    registered = OrganisationFactory(
        name="Member 1 in the registry", company_code=lithuanian_code(30470001)
    )
    application = submitted_application(applicant, members=6)
    reviewer = people.staff()
    client.force_login(reviewer)

    response = decide(client, application, "approve")
    assert response.url == review_url(application)

    cluster = Cluster.objects.get()
    application.refresh_from_db()
    assert application.status == ClusterApplication.Status.APPROVED
    assert application.cluster == cluster
    assert (application.decided_by, application.decided_at.date()) == (
        reviewer,
        timezone.localdate(),
    )
    assert cluster.status == Cluster.Status.PUBLISHED
    assert (cluster.name_lt, cluster.name_en) == ("Baltic Robotics Cluster",) * 2
    assert cluster.description_en == application.description
    assert cluster.website == "https://robotics.example.org"
    assert list(cluster.sectors.all()) == list(application.sectors.all())
    assert cluster.municipality == application.municipality

    memberships = Membership.objects.filter(cluster=cluster).select_related("organisation")
    assert memberships.count() == 6
    assert {membership.joined_on for membership in memberships} == {timezone.localdate()}
    by_code = {membership.organisation.company_code: membership for membership in memberships}
    assert by_code[lithuanian_code(30470001)].organisation == registered
    coordinator = by_code[lithuanian_code(30470000)]
    assert coordinator.role == Membership.Role.COORDINATOR
    assert cluster.coordinator == coordinator.organisation
    assert Organisation.objects.count() == 6  # five created, one found
    assert Organisation.objects.filter(is_member=True).count() == 6
    cluster.refresh_from_db()
    assert cluster.member_count == 6

    role = ClusterManagerRole.objects.get(cluster=cluster)
    assert (role.user, role.granted_by) == (applicant, reviewer)
    assert applicant.has_perm("clusters.edit_cluster", cluster)

    directory = client.get(reverse("clusters:directory"), {"q": "Baltic Robotics"})
    assert "Baltic Robotics Cluster" in text(directory)
    assert client.get(reverse("clusters:profile", args=[cluster.slug])).status_code == 200

    [message] = mail.outbox
    assert message.to == ["applicant@example.org"]
    assert "http://testserver" + reverse("clusters:profile", args=[cluster.slug]) in message.body
    assert "http://testserver" + reverse("clusters:edit", args=[cluster.slug]) in message.body


def test_approving_twice_is_refused(client):
    application = submitted_application()
    client.force_login(people.staff())
    decide(client, application, "approve")
    response = decide(client, application, "approve")
    assert response.status_code == 409
    assert "This application was already approved on" in text(response)
    assert Cluster.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_draft_cannot_be_decided(client):
    application = complete_application(people.person())
    client.force_login(people.staff())
    for decision in ["approve", "changes", "reject"]:
        response = decide(client, application, decision, "Some message")
        assert response.status_code == 409
        assert "This application is a draft" in text(response)
    application.refresh_from_db()
    assert application.status == ClusterApplication.Status.DRAFT
    assert not Cluster.objects.exists()
    assert mail.outbox == []


# Requesting changes and rejecting.


def test_requesting_changes_needs_a_message(client):
    application = submitted_application()
    client.force_login(people.staff())
    response = decide(client, application, "changes", "")
    assert "This field is required." in text(response)
    application.refresh_from_db()
    assert application.status == SUBMITTED
    assert mail.outbox == []


def test_requested_changes_are_mailed_and_the_applicant_submits_again(client):
    applicant = people.person("applicant@example.org")
    application = submitted_application(applicant)
    client.force_login(people.staff())
    decide(client, application, "changes", "Add the research members' codes.")

    application.refresh_from_db()
    assert application.status == ClusterApplication.Status.CHANGES_REQUESTED
    assert application.review_message == "Add the research members' codes."
    [message] = mail.outbox
    assert message.to == ["applicant@example.org"]
    assert "Add the research members' codes." in message.body
    assert "http://testserver" + step_url(application, "cluster") in message.body

    client.force_login(applicant)
    page = text(client.get(step_url(application, "cluster")))
    assert "The network asks for changes" in page
    assert "Add the research members&#x27; codes." in page
    response = client.post(step_url(application, "cluster"), cluster_step_data(action="save"))
    assert response.url == step_url(application, "cluster")
    client.post(reverse("applications:submit", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == SUBMITTED
    assert application.name == "Kauno maisto klasteris"


def test_rejecting_needs_a_reason_which_is_mailed(client):
    applicant = people.person("applicant@example.org")
    application = submitted_application(applicant)
    client.force_login(people.staff())
    assert "This field is required." in text(decide(client, application, "reject", "  "))

    decide(client, application, "reject", "The cluster is registered already.")
    application.refresh_from_db()
    assert application.status == ClusterApplication.Status.REJECTED
    [message] = mail.outbox
    assert "The cluster is registered already." in message.body
    assert not Cluster.objects.exists()

    client.force_login(applicant)
    page = text(client.get(step_url(application, "review")))
    assert "The cluster is registered already." in page
    assert "Submit the application" not in page


# The audit trail.


def entries_for(model) -> list[LogEntry]:
    """Oldest first."""
    entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))
    return list(entries.order_by("timestamp", "pk"))


def test_every_write_is_audited_with_the_person_who_made_it(client):
    applicant = people.person()
    reviewer = people.staff()
    client.force_login(applicant)
    client.post(reverse("applications:new"))
    application = ClusterApplication.objects.get()
    client.post(step_url(application, "cluster"), cluster_step_data())
    client.post(
        step_url(application, "management"),
        {
            "coordinator_name": "Member 0",
            "coordinator_code": lithuanian_code(30470000),
            "contact_person": "Rasa",
            "contact_email": "rasa@example.org",
        },
    )
    for number in range(6):
        client.post(
            step_url(application, "members"),
            {
                "name": f"Member {number}",
                "company_code": lithuanian_code(30470000 + number),
                "kind": "company",
            },
        )
    client.post(
        reverse("applications:member-remove", args=[application.pk, application.members.last().pk])
    )
    client.post(reverse("applications:submit", args=[application.pk]))
    client.force_login(reviewer)
    decide(client, application, "approve")

    application_entries = entries_for(ClusterApplication)
    assert len(application_entries) >= 4  # created, two steps, submitted; then approved
    assert {entry.actor for entry in application_entries[:-1]} == {applicant}
    member_entries = entries_for(ClusterApplication.members.rel.related_model)
    assert [entry.action for entry in member_entries].count(LogEntry.Action.DELETE) == 1
    assert {entry.actor for entry in member_entries} == {applicant}
    assert application_entries[-1].actor == reviewer
    for model in (Cluster, Membership, ClusterManagerRole, Organisation):
        entries = entries_for(model)
        assert entries, model
        assert {entry.actor for entry in entries} == {reviewer}, model
