"""Memberships of organisations in clusters, and which organisations are public."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models.clusters import Cluster
from tinklas.common.partial_dates import DatePrecision
from tinklas.common.periods import PeriodQuerySet, open_period_unique, period_constraint
from tinklas.organisations.models import Organisation

# An organisation has one open membership per cluster (the database enforces it too).
OPEN_MEMBERSHIP = _("This organisation already has an open membership in this cluster.")


class MembershipQuerySet(PeriodQuerySet["Membership"]):
    def of_published_clusters(self) -> MembershipQuerySet:
        """Memberships the public sees, current and past."""
        return self.filter(cluster__status=Cluster.Status.PUBLISHED)


def public_organisations() -> QuerySet[Organisation]:
    """Organisations that are or were members of a published cluster: each has a public page,
    an API record and a row in open data. (Current members are
    `Organisation.objects.current_members()`.)"""
    return Organisation.objects.filter(
        Exists(Membership.objects.of_published_clusters().filter(organisation=OuterRef("pk")))
    )


class Membership(models.Model):
    """An organisation's membership of a cluster. Ended, never deleted, so that figures
    for past dates stay reproducible."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("coordinator")
        FOUNDING_MEMBER = "founding", _("founding member")
        MEMBER = "member", _("member")

    cluster = models.ForeignKey(
        Cluster, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("cluster")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_on = models.DateField(_("joined on"))
    joined_precision = models.CharField(
        _("joining date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    left_on = models.DateField(
        _("left on"), null=True, blank=True, help_text=_("The first day it is no longer a member.")
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["cluster", "organisation__name", "joined_on"]
        constraints = [
            period_constraint("membership_left_not_before_joined"),
            open_period_unique(
                ["cluster", "organisation"],
                "membership_one_open_per_cluster_and_organisation",
                _("This organisation already has an open membership in this cluster."),
            ),
        ]
        indexes = [models.Index(fields=["organisation", "left_on"])]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.cluster}"

    def clean(self) -> None:
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("A membership cannot end before it starts.")})
        if self.cluster_id and self.organisation_id:
            overlapping = Membership.objects.filter(
                cluster_id=self.cluster_id, organisation_id=self.organisation_id
            ).exclude(pk=self.pk)
            if self.left_on is None and overlapping.filter(left_on__isnull=True).exists():
                raise ValidationError(
                    {
                        "organisation": _(
                            "This organisation already has an open membership in this cluster."
                        )
                    }
                )
            if (
                self.joined_on
                and overlapping.filter(
                    Q(left_on__isnull=True) | Q(left_on__gt=self.joined_on),
                    joined_on__lt=self.left_on or datetime.date.max,
                ).exists()
            ):
                raise ValidationError(
                    {"joined_on": _("This period overlaps another membership in this cluster.")}
                )

    def has_ended_on(self, day: datetime.date) -> bool:
        """The rule of PeriodQuerySet.ended_on for one membership already loaded."""
        return self.left_on is not None and self.left_on <= day

    def is_current_on(self, day: datetime.date) -> bool:
        """The rule of PeriodQuerySet.current_on for one membership already loaded."""
        return self.joined_on <= day and not self.has_ended_on(day)

    def end(self, on: datetime.date) -> None:
        """Ends the membership on `on` (its first day as a non-member)."""
        if self.left_on is not None:
            raise ValidationError({"left_on": _("This membership has already ended.")})
        self.left_on = on
        self.full_clean()
        self.save(update_fields=["left_on"])
