"""The team page: managers invite colleagues, revoke invitations and remove each other."""

from __future__ import annotations

import datetime
import re

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tinklas.accounts.tests import factories as people
from tinklas.clusters.models import ClusterManagerRole, Invitation
from tinklas.clusters.models.team import hash_token
from tinklas.clusters.tests.factories import ClusterFactory

pytestmark = pytest.mark.django_db


def invite(client, cluster, email: str, message: str = ""):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("clusters:team", args=[cluster.slug]), {"email": email, "message": message}
    )


def link_in_last_mail() -> str:
    match = re.search(r"https?://\S+/invitations/\S+/", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0)


def test_invitation_mail_carries_a_working_link(client):
    cluster = ClusterFactory(name="Smart Food")
    manager = people.cluster_manager(cluster)
    client.force_login(manager)

    response = invite(client, cluster, "Colleague@Example.org", "Join us, please.")

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["colleague@example.org"]
    assert "Smart Food" in message.subject
    assert "Join us, please." in message.body
    invitation = Invitation.objects.get()
    assert invitation.email == "colleague@example.org"
    assert invitation.invited_by == manager
    assert invitation.expires_at - invitation.created_at == datetime.timedelta(days=7)
    link = link_in_last_mail()
    token = link.rstrip("/").rsplit("/", 1)[1]
    # Only the digest is stored: the database alone cannot be used to accept.
    assert invitation.token_digest == hash_token(token)
    assert token not in invitation.token_digest
    created = LogEntry.objects.get_for_object(invitation).get()
    assert created.actor == manager and "token_digest" not in created.changes_dict
    client.logout()
    page = client.get(link.replace("http://testserver", ""))
    assert page.status_code == 200
    assert "Smart Food" in page.content.decode()
    team_page = client.get(reverse("clusters:team", args=[cluster.slug]), follow=True)
    assert "login" in team_page.redirect_chain[0][0]


def test_team_page_lists_managers_and_invitation_states(client, django_assert_max_num_queries):
    cluster = ClusterFactory()
    manager = people.cluster_manager(cluster, "first@example.org")
    second = people.cluster_manager(cluster, "second@example.org")
    ClusterManagerRole.objects.filter(user=second).update(granted_by=manager)
    now = timezone.now()
    week = datetime.timedelta(days=7)
    for email, extra in [
        ("pending@example.org", {}),
        ("accepted@example.org", {"accepted_at": now}),
        ("revoked@example.org", {"revoked_at": now}),
        ("expired@example.org", {"created_at": now - 2 * week, "expires_at": now - week}),
    ]:
        Invitation.objects.create(
            cluster=cluster,
            email=email,
            token_digest=hash_token(email),
            invited_by=manager,
            **{"created_at": now, "expires_at": now + week, **extra},
        )
    client.force_login(manager)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("clusters:team", args=[cluster.slug]))
    for number in range(10):
        other = people.cluster_manager(cluster, f"more{number}@example.org")
        ClusterManagerRole.objects.filter(user=other).update(granted_by=second)
        Invitation.objects.create(
            cluster=cluster,
            email=f"more{number}@example.org",
            token_digest=hash_token(f"more{number}"),
            invited_by=second,
            accepted_by=other,
            accepted_at=now,
            created_at=now,
            expires_at=now + week,
        )
    with django_assert_max_num_queries(12):
        client.get(reverse("clusters:team", args=[cluster.slug]))

    text = response.content.decode()
    assert "second@example.org" in text and "first@example.org" in text
    for state in ["pending", "accepted", "revoked", "expired"]:
        assert f"{state}@example.org" in text
    # Only the pending one can be revoked.
    assert text.count(">Revoke<") == 1


def test_address_of_a_manager_or_with_a_pending_invitation_is_refused(client):
    cluster = ClusterFactory()
    manager = people.cluster_manager(cluster)
    people.cluster_manager(cluster, "already@example.org")
    client.force_login(manager)

    refused_manager = invite(client, cluster, "ALREADY@example.org")
    assert refused_manager.status_code == 200
    assert "already@example.org already manages this cluster." in refused_manager.content.decode()

    assert invite(client, cluster, "new@example.org").status_code == 302
    refused_twice = invite(client, cluster, "new@example.org")
    assert "An invitation to new@example.org is already pending" in refused_twice.content.decode()
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 1


def test_bad_address_is_named_and_nothing_is_sent(client):
    cluster = ClusterFactory()
    client.force_login(people.cluster_manager(cluster))

    response = invite(client, cluster, "not an address")

    assert "Enter a valid email address." in response.content.decode()
    assert not Invitation.objects.exists() and not mail.outbox


def test_revoked_invitation_is_shown_and_audited(client):
    cluster = ClusterFactory()
    manager = people.cluster_manager(cluster)
    client.force_login(manager)
    invite(client, cluster, "colleague@example.org")
    invitation = Invitation.objects.get()

    response = client.post(
        reverse("clusters:invitation-revoke", args=[cluster.slug, invitation.pk]), follow=True
    )

    invitation.refresh_from_db()
    assert invitation.revoked_by == manager
    assert "is revoked" in response.content.decode()
    entry = LogEntry.objects.get_for_object(invitation).filter(action=LogEntry.Action.UPDATE)
    assert entry.get().actor == manager
    # Revoking twice is refused: it is no longer pending.
    again = client.post(
        reverse("clusters:invitation-revoke", args=[cluster.slug, invitation.pk]), follow=True
    )
    assert "Only a pending invitation can be revoked" in again.content.decode()


def test_the_last_manager_cannot_be_removed(client):
    cluster = ClusterFactory()
    manager = people.cluster_manager(cluster)
    role = ClusterManagerRole.objects.get(user=manager)
    client.force_login(manager)

    response = client.post(
        reverse("clusters:manager-remove", args=[cluster.slug, role.pk]),
        {"confirm": "yes"},
        follow=True,
    )

    assert ClusterManagerRole.objects.filter(pk=role.pk).exists()
    assert "last manager and cannot be removed" in response.content.decode()


def test_a_manager_removes_a_colleague_and_asks_before_removing_themself(client):
    cluster = ClusterFactory()
    manager = people.cluster_manager(cluster)
    colleague = people.cluster_manager(cluster)
    third = people.cluster_manager(cluster)
    client.force_login(manager)

    removed = client.post(
        reverse(
            "clusters:manager-remove",
            args=[cluster.slug, ClusterManagerRole.objects.get(user=colleague).pk],
        )
    )
    assert removed.status_code == 302
    assert not ClusterManagerRole.objects.filter(user=colleague).exists()
    deletion = LogEntry.objects.get(action=LogEntry.Action.DELETE)
    assert deletion.actor == manager

    own_role = ClusterManagerRole.objects.get(user=manager)
    url = reverse("clusters:manager-remove", args=[cluster.slug, own_role.pk])
    unconfirmed = client.post(url)
    assert "Stop managing this cluster?" in unconfirmed.content.decode()
    assert ClusterManagerRole.objects.filter(user=manager).exists()
    confirmed = client.post(url, {"confirm": "yes"})
    assert confirmed.url == reverse("accounts:profile")
    assert list(cluster.manager_roles.values_list("user", flat=True)) == [third.pk]


def test_only_managers_of_this_cluster_and_staff_open_the_team_pages(client):
    cluster = ClusterFactory()
    manager = people.cluster_manager(cluster)
    role = ClusterManagerRole.objects.get(user=manager)
    invitation = Invitation.objects.create(
        cluster=cluster,
        email="someone@example.org",
        token_digest=hash_token("x"),
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    pages = [
        ("get", reverse("clusters:team", args=[cluster.slug])),
        ("post", reverse("clusters:team", args=[cluster.slug])),
        ("post", reverse("clusters:invitation-revoke", args=[cluster.slug, invitation.pk])),
        ("post", reverse("clusters:manager-remove", args=[cluster.slug, role.pk])),
    ]
    for method, url in pages:
        anonymous = getattr(client, method)(url)
        assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.url

    client.force_login(people.cluster_manager(ClusterFactory()))
    for method, url in pages:
        assert getattr(client, method)(url, {"email": "x@example.org"}).status_code == 403
    assert ClusterManagerRole.objects.filter(pk=role.pk).exists()
    assert Invitation.objects.count() == 1 and not mail.outbox

    client.force_login(people.staff())
    assert client.get(pages[0][1]).status_code == 200
