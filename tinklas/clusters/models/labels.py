"""Cluster Management Excellence labels and other quality labels, with their validity."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models.clusters import Cluster
from tinklas.common.dates import add_months


class LabelStatus(models.TextChoices):
    UPCOMING = "upcoming", _("not yet awarded")
    VALID = "valid", _("valid")
    EXPIRING = "expiring", _("expiring")
    RENEWAL_WINDOW = "renewal", _("in renewal window")
    EXPIRED = "expired", _("expired")


EXPIRING_WITHIN = datetime.timedelta(days=90)
# ESCA has benchmarked and labelled cluster organisations since November 2010.
FIRST_LABEL_YEAR = 2010
# A Cluster Management Excellence label awarded for the first time is valid for two years
# from the month of the assessment.
FIRST_AWARD_VALID_MONTHS = 24


def label_dates_from_year(year: int) -> tuple[datetime.date, datetime.date]:
    """The dates of a label known only by the year of its award (kept as approximate): from
    1 January, valid for a first award's two years."""
    awarded_on = datetime.date(year, 1, 1)
    return awarded_on, add_months(awarded_on, FIRST_AWARD_VALID_MONTHS) - datetime.timedelta(1)


class LabelQuerySet(models.QuerySet["Label"]):
    def of_published_clusters(self) -> LabelQuerySet:
        return self.filter(cluster__status=Cluster.Status.PUBLISHED)

    @staticmethod
    def in_force_condition(day: datetime.date) -> Q:
        """Labels awarded on or before `day` and valid until `day` or later (valid or
        expiring)."""
        return Q(awarded_on__lte=day, valid_until__gte=day)

    def in_force_on(self, day: datetime.date) -> LabelQuerySet:
        return self.filter(self.in_force_condition(day))


class Label(models.Model):
    """A Cluster Management Excellence award or another quality label."""

    class Kind(models.TextChoices):
        BRONZE = "bronze", _("Cluster Management Excellence Bronze")
        SILVER = "silver", _("Cluster Management Excellence Silver")
        GOLD = "gold", _("Cluster Management Excellence Gold")
        OTHER = "other", _("other label")

    class Issuer(models.TextChoices):
        ESCA = "ESCA", _("European Secretariat for Cluster Analysis (ESCA)")
        EUCLES = "EUCLES", _("European Cluster Excellence Scheme (EUCLES)")
        OTHER = "other", _("other issuer")

    cluster = models.ForeignKey(
        Cluster, on_delete=models.CASCADE, related_name="labels", verbose_name=_("cluster")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("Required for other labels.")
    )
    issuer = models.CharField(_("issuer"), max_length=10, choices=Issuer.choices)
    awarded_on = models.DateField(_("awarded on"))
    valid_until = models.DateField(_("valid until"), help_text=_("The last day it is valid."))
    approximate = models.BooleanField(
        _("dates approximate"),
        default=False,
        help_text=_("Only the year of the award is known; the dates follow from the rule."),
    )

    objects = LabelQuerySet.as_manager()

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        ordering = ["cluster", "-awarded_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("awarded_on")),
                name="label_valid_until_not_before_awarded",
                violation_error_message=_("A label cannot expire before it is awarded."),
            )
        ]
        indexes = [models.Index(fields=["kind", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.awarded_on:%Y})"

    @property
    def display_name(self) -> str:
        return self.name if self.kind == self.Kind.OTHER else str(self.get_kind_display())

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.kind == self.Kind.OTHER and not self.name:
            errors["name"] = _("Name the label.")
        if self.awarded_on and self.valid_until and self.valid_until < self.awarded_on:
            errors["valid_until"] = _("A label cannot expire before it is awarded.")
        excellence = self.kind in (self.Kind.BRONZE, self.Kind.SILVER, self.Kind.GOLD)
        if excellence and self.awarded_on and self.awarded_on.year < FIRST_LABEL_YEAR:
            errors["awarded_on"] = _(
                "Cluster Management Excellence labels are awarded since %(year)s."
            ) % {"year": FIRST_LABEL_YEAR}
        if errors:
            raise ValidationError(errors)

    def status_on(self, day: datetime.date) -> LabelStatus:
        """Valid; expiring within 90 days of its last valid day; in the renewal window up
        to 12 months after it; then expired."""
        if day < self.awarded_on:
            return LabelStatus.UPCOMING
        if day <= self.valid_until - EXPIRING_WITHIN:
            return LabelStatus.VALID
        if day <= self.valid_until:
            return LabelStatus.EXPIRING
        if day <= add_months(self.valid_until, 12):
            return LabelStatus.RENEWAL_WINDOW
        return LabelStatus.EXPIRED
