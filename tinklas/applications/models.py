"""Applications of new clusters to be registered, their proposed members, and the
eligibility thresholds the network checks them against. The tables keep the names they had
in the clusters app, where these models were first."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models import Cluster
from tinklas.common.models import Timestamped
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import Ecosystem, Region, Sector


class EligibilityCriteria(models.Model):
    """The thresholds an application is checked against; one row, edited by staff in the
    administration. Defaults: the national cluster concept and the European Cluster
    Collaboration Platform's criteria."""

    national_minimum_members = models.PositiveIntegerField(
        _("national concept: minimum members"), default=5
    )
    european_minimum_members = models.PositiveIntegerField(
        _("European platform: minimum members"), default=15
    )
    european_minimum_management_fte = models.DecimalField(
        _("European platform: minimum management team (FTE)"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("0.5"),
        validators=[MinValueValidator(0)],
    )
    european_minimum_member_kinds = models.PositiveIntegerField(
        _("European platform: minimum kinds of members"),
        default=2,
        help_text=_("For example companies and research organisations."),
    )
    european_website_required = models.BooleanField(
        _("European platform: website required"), default=True
    )

    class Meta:
        db_table = "clusters_eligibilitycriteria"
        verbose_name = _("eligibility criteria")
        verbose_name_plural = _("eligibility criteria")

    def __str__(self) -> str:
        return str(_("Eligibility criteria"))

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1  # a single row
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> EligibilityCriteria:
        criteria, _created = cls.objects.get_or_create(pk=1)
        return criteria


class ClusterApplication(Timestamped):
    """A request to register a new cluster, filled in steps and kept as a draft until the
    applicant submits it for the staff's review."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for review")
        CHANGES_REQUESTED = "changes", _("changes requested")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="cluster_applications",
        verbose_name=_("applicant"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # Step 1: the cluster.
    name = models.CharField(_("cluster name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    sectors = models.ManyToManyField(Sector, blank=True, related_name="+", verbose_name=_("fields"))
    ecosystems: models.ManyToManyField[Ecosystem, Any] = models.ManyToManyField(
        Ecosystem, blank=True, related_name="+", verbose_name=_("EU industrial ecosystems")
    )
    municipality = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": Region.Kind.MUNICIPALITY},
        related_name="+",
        verbose_name=_("municipality"),
    )
    # Step 2: management.
    coordinator_name = models.CharField(_("coordinating organisation"), max_length=255, blank=True)
    coordinator_code = models.CharField(_("coordinator's company code"), max_length=40, blank=True)
    management_fte = models.DecimalField(
        _("management team (FTE)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    # The review.
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    review_message = models.TextField(
        _("message from the reviewer"),
        blank=True,
        help_text=_("What to change, or why the application was rejected."),
    )
    cluster = models.OneToOneField(
        Cluster,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("registered cluster"),
    )

    class Meta:
        db_table = "clusters_clusterapplication"
        verbose_name = _("cluster application")
        verbose_name_plural = _("cluster applications")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_editable(self) -> bool:
        """The applicant may change it while it is a draft or changes were requested."""
        return self.status in (self.Status.DRAFT, self.Status.CHANGES_REQUESTED)


class ApplicationMember(models.Model):
    """An organisation the applicant lists as a founding member."""

    application = models.ForeignKey(
        ClusterApplication,
        on_delete=models.CASCADE,
        related_name="members",
        verbose_name=_("application"),
    )
    name = models.CharField(_("name"), max_length=255)
    company_code = models.CharField(_("company code"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Organisation.Kind.choices)
    # The registry's organisation with the same company code, when there is one.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation in the registry"),
    )

    class Meta:
        db_table = "clusters_applicationmember"
        verbose_name = _("proposed member")
        verbose_name_plural = _("proposed members")
        ordering = ["application", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "company_code"],
                condition=~models.Q(company_code=""),
                name="application_member_code_once",
                violation_error_message=_("This company code is already in the list."),
            )
        ]

    def __str__(self) -> str:
        return self.name
