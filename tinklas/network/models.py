"""The association itself: its member clusters, governance and alliance partners."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models import Cluster
from tinklas.common.countries import country_choices, country_name
from tinklas.common.periods import PeriodQuerySet, open_period_unique, period_constraint
from tinklas.organisations.models import Organisation


def validate_period(start: datetime.date | None, end: datetime.date | None, end_field: str) -> None:
    if start and end and end < start:
        raise ValidationError({end_field: _("The end cannot be before the start.")})


class Network(models.Model):
    """The national cluster association running this platform. One row."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    founded_on = models.DateField(_("founded on"))
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("network")

    def __str__(self) -> str:
        return self.name


class NetworkMembership(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.PROTECT,
        related_name="network_memberships",
        verbose_name=_("cluster"),
    )
    joined_on = models.DateField(_("joined on"))
    founding_member = models.BooleanField(_("founding member"), default=False)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    objects = PeriodQuerySet["NetworkMembership"].as_manager()

    class Meta:
        verbose_name = _("member cluster")
        verbose_name_plural = _("member clusters")
        ordering = ["joined_on", "cluster__name"]
        constraints = [
            period_constraint("network_membership_left_not_before_joined"),
            open_period_unique(
                ["network", "cluster"],
                "network_membership_one_open_per_cluster",
                _("This cluster is already a member of the network."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.cluster)

    def clean(self) -> None:
        validate_period(self.joined_on, self.left_on, "left_on")


class GovernancePosition(models.Model):
    class Role(models.TextChoices):
        PRESIDENT = "president", _("President")
        VICE_PRESIDENT = "vice-president", _("Vice-President")
        MANAGING_DIRECTOR = "managing-director", _("Managing Director")
        BOARD_MEMBER = "board-member", _("Board member")
        AUDITOR = "auditor", _("Auditor")
        OTHER = "other", _("other")

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="positions", verbose_name=_("network")
    )
    person_name = models.CharField(_("person"), max_length=200)
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Shown instead of the role if set.")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="governance_positions",
        verbose_name=_("organisation"),
    )
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("governance position")
        verbose_name_plural = _("governance positions")
        ordering = ["started_on"]

    def __str__(self) -> str:
        return f"{self.person_name}, {self.title or self.get_role_display()}"

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.role == self.Role.OTHER and not self.title:
            errors["title"] = _("Give the title of this position.")
        if errors:
            raise ValidationError(errors)
        validate_period(self.started_on, self.ended_on, "ended_on")


class AlliancePartner(models.Model):
    """A national cluster association abroad, partner in the European Cluster Alliance."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="partners", verbose_name=_("network")
    )
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=country_choices)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("alliance partner")
        verbose_name_plural = _("alliance partners")
        ordering = ["country", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def country_name(self) -> str:
        return country_name(self.country)
