"""Accepting an invitation: a new person, an existing account, and links that no longer
work (expired, revoked, already used, unknown)."""

from __future__ import annotations

import datetime

import pytest
from allauth.account.models import EmailAddress
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from tinklas.accounts.models import User
from tinklas.accounts.tests import factories as people
from tinklas.clusters.models import ClusterManagerRole, Invitation
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.clusters.tests.test_team import link_in_last_mail

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-unusual-passphrase-71"


@pytest.fixture
def sent(client):  # type: ignore[no-untyped-def]
    """A manager of "Smart Food" invited new@example.org; returns (cluster, manager, path)."""
    cluster = ClusterFactory(name="Smart Food")
    manager = people.cluster_manager(cluster, "inviter@example.org")
    client.force_login(manager)
    client.post(reverse("clusters:team", args=[cluster.slug]), {"email": "new@example.org"})
    client.logout()
    return cluster, manager, link_in_last_mail().replace("http://testserver", "")


def sign_up(client, path: str, **changes: str):  # type: ignore[no-untyped-def]
    data = {"full_name": "Nauja Vadovė", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    return client.post(path, {**data, **changes})


def test_a_new_person_creates_an_account_and_becomes_manager(client, sent):
    cluster, manager, path = sent
    page = client.get(path)
    assert "Create your account and accept" in page.content.decode()

    response = sign_up(client, path)

    assert response.status_code == 302
    assert response.url == reverse("clusters:profile", args=[cluster.slug])
    user = User.objects.get(email="new@example.org")
    assert user.full_name == "Nauja Vadovė"
    assert EmailAddress.objects.get(user=user).verified
    role = ClusterManagerRole.objects.get(cluster=cluster, user=user)
    assert role.granted_by == manager
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == user and invitation.state == Invitation.State.ACCEPTED
    follow = client.get(response.url)
    assert "You now manage Smart Food" in follow.content.decode()
    # Signed in at once, and a manager: the team page opens.
    assert client.get(reverse("clusters:team", args=[cluster.slug])).status_code == 200
    # The new person is the actor of the audited writes.
    assert LogEntry.objects.get_for_object(role).get().actor == user
    # The link works once.
    client.logout()
    assert client.get(path).status_code == 410


def test_weak_or_different_passwords_are_refused_and_nothing_is_created(client, sent):
    _cluster, _manager, path = sent

    different = sign_up(client, path, password2="something-else-entirely-82")
    assert "The two passwords differ" in different.content.decode()
    weak = sign_up(client, path, password1="12345678", password2="12345678")
    assert "This password is too common." in weak.content.decode()
    nameless = sign_up(client, path, full_name="  ")
    assert "Full name" in nameless.content.decode()

    assert not User.objects.filter(email="new@example.org").exists()
    assert not ClusterManagerRole.objects.filter(user__email="new@example.org").exists()
    assert Invitation.objects.get().state == Invitation.State.PENDING


def test_an_existing_account_is_asked_to_sign_in_then_accepts(client, sent):
    cluster, manager, path = sent
    existing = people.person("new@example.org")

    anonymous = client.get(path)
    assert "Sign in to accept" in anonymous.content.decode()
    assert f"/accounts/login/?next={path.replace('/', '%2F')}" in anonymous.content.decode()
    # Posting the sign-up form anyway creates nothing.
    sign_up(client, path)
    assert User.objects.filter(email="new@example.org").count() == 1

    client.force_login(existing)
    page = client.get(path)
    assert "Accept the invitation" in page.content.decode()
    assert "but you are signed in as" not in page.content.decode()
    accepted = client.post(path)

    assert accepted.status_code == 302
    assert ClusterManagerRole.objects.get(cluster=cluster, user=existing).granted_by == manager
    assert Invitation.objects.get().accepted_by == existing


def test_signed_in_with_another_address_is_told_and_may_accept(client, sent):
    cluster, _manager, path = sent
    other = people.person("other@example.org")
    client.force_login(other)

    page = client.get(path)

    assert "This invitation was sent to new@example.org" in page.content.decode()
    client.post(path)
    assert ClusterManagerRole.objects.filter(cluster=cluster, user=other).exists()


def test_eight_days_later_the_link_no_longer_works(client, sent):
    cluster, _manager, path = sent
    invitation = Invitation.objects.get()
    sent_at = timezone.now() - datetime.timedelta(days=8)
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=sent_at, expires_at=sent_at + datetime.timedelta(days=7)
    )

    page = client.get(path)
    posted = sign_up(client, path)

    assert page.status_code == 410 and posted.status_code == 410
    text = page.content.decode()
    assert "This invitation has expired" in text
    assert "Ask inviter (inviter@example.org) to send you a new invitation." in text
    assert not User.objects.filter(email="new@example.org").exists()
    client.force_login(people.person())
    assert client.post(path).status_code == 410
    assert cluster.manager_roles.count() == 1


def test_a_revoked_link_grants_nothing(client, sent):
    cluster, manager, path = sent
    client.force_login(manager)
    client.post(
        reverse("clusters:invitation-revoke", args=[cluster.slug, Invitation.objects.get().pk])
    )
    client.force_login(people.person())

    page = client.get(path)
    posted = client.post(path)

    assert page.status_code == 410 and posted.status_code == 410
    assert "This invitation was revoked" in page.content.decode()
    assert cluster.manager_roles.count() == 1


def test_an_unknown_link_is_a_404_saying_so(client, sent):
    response = client.get(reverse("clusters:invitation-accept", args=["not-a-real-token"]))

    assert response.status_code == 404
    assert "Unknown invitation link" in response.content.decode()
