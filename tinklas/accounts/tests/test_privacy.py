"""A person's data: the download holds everything about them and no secrets; deleting the
account leaves no trace of them in the audit log while the registry keeps its history."""

from __future__ import annotations

import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import generate_totp_secret
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from tinklas.accounts.models import User
from tinklas.accounts.people import add_authenticator_app
from tinklas.accounts.tests import factories as people
from tinklas.applications.models import ClusterApplication
from tinklas.clusters.models import Cluster, ClusterManagerRole, Invitation
from tinklas.clusters.models.team import hash_token
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.organisations.models import Organisation, OrganisationRepresentative
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

EMAIL = "jonas.jonaitis@example.org"
NAME = "Jonas Jonaitis"
SECRET = generate_totp_secret()


@pytest.fixture
def jonas(client):  # type: ignore[no-untyped-def]
    """A manager invited by a colleague, who then invited someone, made applications,
    represents an organisation and put his address on the cluster's public profile."""
    cluster = ClusterFactory(name="Smart Food", slug="smart-food")
    colleague = people.cluster_manager(cluster, "colleague@example.org")
    client.force_login(colleague)
    client.post(reverse("clusters:team", args=[cluster.slug]), {"email": EMAIL})
    client.logout()
    invitation = Invitation.objects.get(email=EMAIL)
    Invitation.objects.filter(pk=invitation.pk).update(token_digest=hash_token("known-token"))
    path = reverse("clusters:invitation-accept", args=["known-token"])
    client.post(
        path,
        {"full_name": NAME, "password1": people.PASSWORD, "password2": people.PASSWORD},
    )
    user = User.objects.get(email=EMAIL)
    EmailAddress.objects.create(user=user, email="jonas@home.example", verified=True)
    add_authenticator_app(user, SECRET)
    client.post(reverse("clusters:team", args=[cluster.slug]), {"email": "friend@example.org"})
    organisation = OrganisationFactory(name="Pieno Ūkis")
    with set_actor(user):
        OrganisationRepresentative.objects.create(organisation=organisation, user=user)
        cluster.contact_person = NAME
        cluster.contact_email = EMAIL
        cluster.save()
        ClusterApplication.objects.create(applicant=user, name="Draft Cluster")
        ClusterApplication.objects.create(
            applicant=user,
            name="Submitted Cluster",
            status=ClusterApplication.Status.SUBMITTED,
            submitted_at=timezone.now(),
            contact_email=EMAIL,
        )
    return user


def test_export_holds_the_persons_data_and_no_secrets(client, jonas):
    client.force_login(jonas)

    response = client.get(reverse("accounts:personal-data"))

    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="tinklas-personal-data-')
    assert disposition.endswith('.json"')
    content = response.content.decode()
    data = json.loads(content)
    assert data["account"]["email"] == EMAIL and data["account"]["full_name"] == NAME
    assert {address["email"] for address in data["email_addresses"]} == {
        EMAIL,
        "jonas@home.example",
    }
    assert [method["type"] for method in data["two_factor_methods"]] == ["totp"]
    assert SECRET not in content and "secret" not in content
    clusters = data["clusters"]
    assert clusters["clusters_managed"][0]["cluster"] == "Smart Food"
    assert clusters["clusters_managed"][0]["granted_by"] == "colleague@example.org"
    assert [item["email"] for item in clusters["invitations_sent"]] == ["friend@example.org"]
    assert [item["state"] for item in clusters["invitations_received"]] == ["accepted"]
    assert {item["cluster_name"] for item in data["applications"]} == {
        "Draft Cluster",
        "Submitted Cluster",
    }
    representations = data["organisations"]["organisations_represented"]
    assert representations[0]["organisation"] == "Pieno Ūkis"
    records = [entry["record"] for entry in data["audit_log"]]
    assert "invitation: friend@example.org — Smart Food" in records
    assert any(entry["changes"].get("contact_email") for entry in data["audit_log"])
    # Only entries where they acted: the colleague's invitation to them is not theirs.
    created = {entry["record"] for entry in data["audit_log"] if entry["action"] == "create"}
    assert f"invitation: {EMAIL} — Smart Food" not in created


def test_the_export_is_only_a_download_of_ones_own_data(client, jonas):
    client.force_login(people.person("someone@example.org"))

    data = json.loads(client.get(reverse("accounts:personal-data")).content)

    assert data["account"]["email"] == "someone@example.org"
    assert data["audit_log"] == [] and data["clusters"]["clusters_managed"] == []


def log_text() -> str:
    """Every logged value, as one text to search."""
    rows = LogEntry.objects.values(
        "object_repr",
        "changes",
        "changes_text",
        "serialized_data",
        "additional_data",
        "actor_email",
        "remote_addr",
    )
    return json.dumps(list(rows), ensure_ascii=False, default=str)


def test_deleting_the_account_erases_the_person_and_keeps_the_registry(client, jonas):
    cluster = Cluster.objects.get(slug="smart-food")
    entries_before = LogEntry.objects.count()
    acted = list(LogEntry.objects.filter(actor=jonas).values_list("pk", flat=True))
    assert EMAIL in log_text() and NAME in log_text()
    client.force_login(jonas)

    refused = client.post(reverse("accounts:delete"), {"password": "wrong"})
    assert "The password is not right." in refused.content.decode()
    assert User.objects.filter(pk=jonas.pk).exists()

    response = client.post(reverse("accounts:delete"), {"password": people.PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("network:home")
    assert "Your account and personal data are deleted." in response.content.decode()
    assert not response.context["user"].is_authenticated
    assert not User.objects.filter(email=EMAIL).exists()
    assert not EmailAddress.objects.filter(email__in=[EMAIL, "jonas@home.example"]).exists()
    assert not Authenticator.objects.filter(user_id=jonas.pk).exists()
    # No trace in the log: not the address, the second address, the name or the IP.
    text = log_text()
    assert EMAIL not in text and "jonas@home.example" not in text and NAME not in text
    assert "[erased]" in text
    assert not LogEntry.objects.filter(pk__in=acted).exclude(actor=None).exists()
    assert not LogEntry.objects.filter(pk__in=acted).exclude(remote_addr=None).exists()
    # The history stays (with the erasure's own changes added), the changes too.
    assert LogEntry.objects.count() > entries_before
    contact_change = LogEntry.objects.get_for_object(cluster).get(action=LogEntry.Action.UPDATE)
    assert contact_change.changes_dict["contact_email"] == ["", "[erased]"]
    # The registry's records stay untouched; only the person goes.
    cluster.refresh_from_db()
    assert cluster.contact_email == EMAIL
    assert Organisation.objects.filter(name="Pieno Ūkis").exists()
    assert not OrganisationRepresentative.objects.exists()
    assert list(cluster.manager_roles.values_list("user__email", flat=True)) == [
        "colleague@example.org"
    ]
    assert Invitation.objects.get(email="friend@example.org").invited_by is None
    assert Invitation.objects.filter(email="[erased]").count() == 1
    assert not ClusterApplication.objects.filter(name="Draft Cluster").exists()
    assert ClusterApplication.objects.get(name="Submitted Cluster").applicant is None


def test_pending_invitations_to_the_person_stop_working(client, jonas):
    other = ClusterFactory()
    Invitation.objects.create(
        cluster=other,
        email="jonas@home.example",
        token_digest=hash_token("pending-token"),
        expires_at=timezone.now() + datetime.timedelta(days=3),
    )
    client.force_login(jonas)

    client.post(reverse("accounts:delete"), {"password": people.PASSWORD})

    response = client.get(reverse("clusters:invitation-accept", args=["pending-token"]))
    assert response.status_code == 410
    assert not User.objects.filter(email="jonas@home.example").exists()


def test_the_last_staff_member_cannot_delete_their_account(client):
    only_staff = people.staff()
    client.force_login(only_staff)

    page = client.get(reverse("accounts:delete"))
    assert "last active staff member" in page.content.decode()
    refused = client.post(reverse("accounts:delete"), {"password": people.PASSWORD})

    assert "last active staff member" in refused.content.decode()
    assert User.objects.filter(pk=only_staff.pk).exists()

    people.staff()
    client.post(reverse("accounts:delete"), {"password": people.PASSWORD})
    assert not User.objects.filter(pk=only_staff.pk).exists()


def test_cluster_manager_roles_are_removed_only_for_this_person(client, jonas):
    colleague = User.objects.get(email="colleague@example.org")
    client.force_login(jonas)

    client.post(reverse("accounts:delete"), {"password": people.PASSWORD})

    assert ClusterManagerRole.objects.filter(user=colleague).exists()
    removal = LogEntry.objects.filter(
        action=LogEntry.Action.DELETE, content_type__model="clustermanagerrole"
    ).get()
    assert removal.object_repr == "[erased] — Smart Food"
