"""Who manages a cluster, and the invitations by which managers add their colleagues."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models.clusters import Cluster

INVITATION_VALID_FOR = datetime.timedelta(days=7)


class ClusterManagerRole(models.Model):
    """A person who may edit this cluster's profile and member list and invite colleagues."""

    cluster = models.ForeignKey(
        Cluster, on_delete=models.CASCADE, related_name="manager_roles", verbose_name=_("cluster")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cluster_manager_roles",
        verbose_name=_("person"),
    )
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )

    class Meta:
        verbose_name = _("cluster manager")
        verbose_name_plural = _("cluster managers")
        ordering = ["cluster", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "user"],
                name="cluster_manager_once_per_cluster",
                violation_error_message=_("This person already manages this cluster."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.cluster}"


def hash_token(token: str) -> str:
    """Invitations keep only a digest of their token: a leaked database cannot be used to
    accept them."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def pending(self, now: datetime.datetime | None = None) -> InvitationQuerySet:
        now = now or timezone.now()
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)


class Invitation(models.Model):
    """An invitation to become a manager of a cluster, sent by email; valid for seven days,
    revocable until accepted."""

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        REVOKED = "revoked", _("revoked")
        EXPIRED = "expired", _("expired")

    cluster = models.ForeignKey(
        Cluster, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("cluster")
    )
    email = models.EmailField(_("email address"))
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="invitation_expires_after_sent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} — {self.cluster}"

    @classmethod
    def new_token(cls) -> str:
        return secrets.token_urlsafe(32)

    def state_at(self, now: datetime.datetime | None = None) -> Invitation.State:
        now = now or timezone.now()
        if self.accepted_at:
            return self.State.ACCEPTED
        if self.revoked_at:
            return self.State.REVOKED
        if self.expires_at <= now:
            return self.State.EXPIRED
        return self.State.PENDING

    @property
    def state(self) -> Invitation.State:
        return self.state_at()
