"""A person's data held by the clusters app: their manager roles, invitations they sent and
received (see tinklas/accounts/privacy.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import timezone

from tinklas.accounts import privacy
from tinklas.accounts.models import User
from tinklas.clusters.models import ClusterManagerRole, Invitation


def _invitation(invitation: Invitation) -> dict[str, Any]:
    return {
        "cluster": invitation.cluster.name,
        "email": invitation.email,
        "sent": invitation.created_at,
        "expires": invitation.expires_at,
        "state": invitation.state.value,
        "accepted": invitation.accepted_at,
        "revoked": invitation.revoked_at,
    }


def _addressed_to(user: User) -> Q:
    return Q(email__in=privacy.addresses_of(user)) | Q(accepted_by=user)


def export(user: User) -> dict[str, Any]:
    roles = ClusterManagerRole.objects.filter(user=user).select_related("cluster", "granted_by")
    sent = Invitation.objects.filter(invited_by=user).select_related("cluster")
    received = Invitation.objects.filter(_addressed_to(user)).select_related("cluster")
    return {
        "clusters_managed": [
            {
                "cluster": role.cluster.name,
                "since": role.granted_at,
                "granted_by": role.granted_by.email if role.granted_by else None,
            }
            for role in roles
        ],
        "invitations_sent": [_invitation(invitation) for invitation in sent],
        "invitations_received": [_invitation(invitation) for invitation in received],
    }


def erase(user: User) -> None:
    """One model instance at a time, so that the audit log records each change."""
    now = timezone.now()
    for invitation in Invitation.objects.filter(_addressed_to(user)):
        # A pending invitation is revoked too: its link must not create a new account
        # for the address just erased.
        if invitation.state_at(now) == Invitation.State.PENDING:
            invitation.revoked_at = now
        invitation.email = privacy.ERASED
        invitation.save(update_fields=["email", "revoked_at"])
    for role in ClusterManagerRole.objects.filter(user=user):
        role.delete()


def register() -> None:
    privacy.register_section("clusters", export=export, erase=erase)
