"""Clusters and the organisations that are their members."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields

from tinklas.common.dates import add_months
from tinklas.common.models import Timestamped
from tinklas.common.periods import PeriodQuerySet, open_period_unique, period_constraint
from tinklas.common.text import unique_slug
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import Ecosystem, Region, Sector

# What a cluster's managers keep current, on the edit page and through the API; the status
# is the network's.
PROFILE_FIELDS = [
    *get_translation_fields("name"),
    "acronym",
    *get_translation_fields("description"),
    "sectors",
    "ecosystems",
    "technologies",
    "contact_person",
    "contact_email",
    "contact_phone",
    "website",
    "maturity",
    "maturity_assessed_on",
    "founded_on",
    "municipality",
    "management_fte",
    "coordinator",
]


# An organisation has one open membership per cluster (the database enforces it too).
OPEN_MEMBERSHIP = _("This organisation already has an open membership in this cluster.")


class Maturity(models.TextChoices):
    """Maturity levels of the national cluster concept."""

    EMERGING = "emerging", _("emerging")
    FORMED = "formed", _("formed")
    DEVELOPING = "developing", _("developing")
    MATURE = "mature", _("mature")


class ClusterQuerySet(models.QuerySet["Cluster"]):
    def published(self) -> ClusterQuerySet:
        """Clusters the public sees: on the pages, in the API and in open data."""
        return self.filter(status=Cluster.Status.PUBLISHED)


class Cluster(Timestamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=90, unique=True, blank=True)
    coordinator = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_clusters",
        verbose_name=_("coordinator"),
        help_text=_("The cluster management organisation."),
    )
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    sectors = models.ManyToManyField(
        Sector, related_name="clusters", blank=True, verbose_name=_("fields")
    )
    ecosystems: models.ManyToManyField[Ecosystem, Any] = models.ManyToManyField(
        Ecosystem, related_name="clusters", blank=True, verbose_name=_("EU industrial ecosystems")
    )
    technologies = models.TextField(
        _("technology keywords"), blank=True, help_text=_("Separated by commas.")
    )
    maturity = models.CharField(_("maturity"), max_length=20, choices=Maturity.choices, blank=True)
    maturity_assessed_on = models.DateField(_("maturity assessed on"), null=True, blank=True)
    municipality = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": Region.Kind.MUNICIPALITY},
        related_name="clusters",
        verbose_name=_("municipality"),
    )
    website = models.URLField(_("website"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    management_fte = models.DecimalField(
        _("management team (FTE)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # Derived: the number of current members (see clusters/member_counts.py).
    member_count = models.PositiveIntegerField(_("members"), default=0, editable=False)

    objects = ClusterQuerySet.as_manager()

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def technology_list(self) -> list[str]:
        return [word.strip() for word in self.technologies.split(",") if word.strip()]

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.maturity and not self.maturity_assessed_on:
            errors["maturity_assessed_on"] = _("Give the date the maturity was assessed.")
        if self.founded_on and self.founded_on > timezone.localdate():
            errors["founded_on"] = _("The founding date cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.status == Cluster.Status.PUBLISHED

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = unique_slug(
                self.acronym if self.acronym and len(self.acronym) > 2 else self.name,
                lambda slug: Cluster.objects.filter(slug=slug).exclude(pk=self.pk).exists(),
            )
        super().save(*args, **kwargs)


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


class LabelStatus(models.TextChoices):
    UPCOMING = "upcoming", _("not yet awarded")
    VALID = "valid", _("valid")
    EXPIRING = "expiring", _("expiring")
    RENEWAL_WINDOW = "renewal", _("in renewal window")
    EXPIRED = "expired", _("expired")


EXPIRING_WITHIN = datetime.timedelta(days=90)


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
