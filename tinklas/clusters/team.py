"""Who manages a cluster: managers invite colleagues by email, revoke invitations not yet
accepted, accept them (with an existing account or a new one) and remove each other. Every
write goes through the models, so django-auditlog records it with the actor."""

from __future__ import annotations

import datetime

from allauth.account.models import EmailAddress
from auditlog.context import set_extra_data
from auditlog.middleware import AuditlogMiddleware
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tinklas.accounts.models import User
from tinklas.accounts.people import create_person
from tinklas.clusters.models import (
    Cluster,
    ClusterManagerRole,
    Invitation,
)
from tinklas.clusters.models.team import INVITATION_VALID_FOR, hash_token


def local_date(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "Y-m-d")


def account_with_address(email: str) -> User | None:
    """The account that signs in with this address or has it among its verified addresses
    (an unverified one proves nothing: anybody can type someone else's address)."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        addresses = EmailAddress.objects.filter(email__iexact=email, verified=True)
        address = addresses.select_related("user").first()
        user = address.user if address else None
    return user


def invitation_for_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("cluster", "invited_by", "accepted_by")
        .filter(token_digest=hash_token(token))
        .first()
    )


def invite(
    request: HttpRequest, cluster: Cluster, email: str, message: str, invited_by: User
) -> Invitation:
    """Sends an invitation to manage the cluster; refuses an address that already manages it
    or already has a pending invitation (raises ValidationError naming the email field)."""
    email = email.strip().lower()
    with transaction.atomic():
        # Locking the cluster row serialises two managers inviting the same address at once.
        Cluster.objects.select_for_update().filter(pk=cluster.pk).first()
        manager = account_with_address(email)
        if manager and cluster.manager_roles.filter(user=manager).exists():
            raise ValidationError(
                {"email": _("%(email)s already manages this cluster.") % {"email": email}}
            )
        pending = cluster.invitations.pending().filter(email__iexact=email).first()
        if pending:
            raise ValidationError(
                {
                    "email": _(
                        "An invitation to %(email)s is already pending until %(date)s. "
                        "Revoke it first to send a new one."
                    )
                    % {"email": email, "date": local_date(pending.expires_at)}
                }
            )
        token = Invitation.new_token()
        now = timezone.now()
        invitation = Invitation.objects.create(
            cluster=cluster,
            email=email,
            token_digest=hash_token(token),
            invited_by=invited_by,
            created_at=now,
            expires_at=now + INVITATION_VALID_FOR,
        )
        # Sent inside the transaction: when the mail cannot be sent, no invitation is left
        # behind that nobody received.
        link = request.build_absolute_uri(reverse("clusters:invitation-accept", args=[token]))
        body = render_to_string(
            "clusters/email/invitation.txt",
            {
                "cluster": cluster,
                "invited_by": invited_by,
                "message": message.strip(),
                "link": link,
                "expires_at": invitation.expires_at,
            },
            request=request,
        )
        subject = _("Invitation to manage %(cluster)s") % {"cluster": cluster.name}
        send_mail(subject, body, None, [email])
    return invitation


def revoke(invitation: Invitation, revoked_by: User) -> None:
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.state != Invitation.State.PENDING:
            raise ValidationError(
                _("Only a pending invitation can be revoked; this one is %(state)s.")
                % {"state": invitation.state.label}
            )
        invitation.revoked_at = timezone.now()
        invitation.revoked_by = revoked_by
        invitation.save(update_fields=["revoked_at", "revoked_by"])


def accept(invitation: Invitation, user: User) -> ClusterManagerRole:
    """Makes the person a manager of the invitation's cluster, granted by the inviter."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.state != Invitation.State.PENDING:
            raise ValidationError(
                _("This invitation can no longer be accepted: it is %(state)s.")
                % {"state": invitation.state.label}
            )
        role = ClusterManagerRole.objects.filter(cluster=invitation.cluster, user=user).first()
        if role is None:
            role = ClusterManagerRole.objects.create(
                cluster=invitation.cluster, user=user, granted_by=invitation.invited_by
            )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return role


def accept_as_new_person(
    request: HttpRequest, invitation: Invitation, full_name: str, password: str
) -> User:
    """Creates the invited person's account (its address is verified: the link in the mail
    proves it) and accepts the invitation, in one transaction. The new person is the actor
    of the audited writes, although they were not signed in when the request began."""
    with transaction.atomic():
        if account_with_address(invitation.email):
            raise ValidationError(
                _("An account with %(email)s already exists: sign in to accept.")
                % {"email": invitation.email}
            )
        user = create_person(invitation.email, password, full_name.strip())
        context = {**AuditlogMiddleware().get_extra_data(request), "actor": user}
        with set_extra_data(context_data=context):
            accept(invitation, user)
    return user


def remove_manager(role: ClusterManagerRole) -> None:
    """Takes the role away; a cluster always keeps at least one manager, so that someone can
    keep its profile current and invite others."""
    with transaction.atomic():
        roles = list(
            ClusterManagerRole.objects.select_for_update().filter(cluster_id=role.cluster_id)
        )
        if len(roles) <= 1:
            raise ValidationError(
                _(
                    "%(name)s is the cluster's last manager and cannot be removed: "
                    "invite a colleague first."
                )
                % {"name": role.user}
            )
        role.delete()
