"""Legal entities: companies, research organisations and universities, public bodies,
associations. An organisation exists once, however many clusters it belongs to."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tinklas.common.countries import country_choices, validate_country_code
from tinklas.common.models import Timestamped
from tinklas.common.text import unique_slug
from tinklas.organisations.identifiers import clean_company_code, clean_vat_code
from tinklas.organisations.sizes import SME_CLASSES, SizeClass, size_class_for
from tinklas.taxonomy.models import NaceActivity, Region


def default_country() -> str:
    return settings.TINKLAS_COUNTRY


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def smes(self) -> OrganisationQuerySet:
        """Companies that are micro, small or medium-sized enterprises."""
        return self.filter(kind=Organisation.Kind.COMPANY, size_class__in=SME_CLASSES)


class Organisation(Timestamped):
    class Kind(models.TextChoices):
        COMPANY = "company", _("company")
        RESEARCH = "research", _("research organisation or university")
        PUBLIC_BODY = "public", _("public body")
        ASSOCIATION = "association", _("association or NGO")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=90, unique=True, blank=True)
    legal_form = models.CharField(
        _("legal form"), max_length=120, blank=True, help_text=_("For example UAB, VšĮ, AB.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=country_choices,
        default=default_country,
        validators=[validate_country_code],
    )
    company_code = models.CharField(
        _("company code"),
        max_length=40,
        blank=True,
        help_text=_("The legal entity code in its country's register."),
    )
    vat_code = models.CharField(_("VAT code"), max_length=20, blank=True)
    headcount = models.PositiveIntegerField(
        _("staff headcount"), null=True, blank=True, help_text=_("Annual work units.")
    )
    annual_turnover = models.DecimalField(
        _("annual turnover (EUR)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    balance_sheet_total = models.DecimalField(
        _("balance sheet total (EUR)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    # Derived from the three figures above on every save; stored so that lists and key
    # figures can filter on it.
    size_class = models.CharField(
        _("size class"), max_length=10, choices=SizeClass.choices, blank=True, editable=False
    )
    main_activity = models.ForeignKey(
        NaceActivity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="main_organisations",
        verbose_name=_("main activity (NACE)"),
    )
    other_activities = models.ManyToManyField(
        NaceActivity,
        blank=True,
        related_name="organisations",
        verbose_name=_("other activities (NACE)"),
    )
    municipality = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": Region.Kind.MUNICIPALITY},
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1000), MaxValueValidator(2100)],
    )
    description = models.TextField(_("description"), blank=True)
    # Derived: a current member of a published cluster (kept by clusters/member_counts.py),
    # stored so that the member directory needs no membership lookup per organisation.
    is_member = models.BooleanField(_("current member"), default=False, editable=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "company_code"],
                condition=~Q(company_code=""),
                name="organisation_company_code_unique_per_country",
                violation_error_message=_(
                    "An organisation with this company code already exists in this country."
                ),
            )
        ]
        indexes = [
            models.Index(fields=["kind", "size_class"]),
            models.Index(fields=["is_member", "name"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_sme(self) -> bool:
        return self.kind == self.Kind.COMPANY and self.size_class in SME_CLASSES

    def same_company_code(self) -> OrganisationQuerySet:
        """Other organisations registered under this one's country and company code."""
        return Organisation.objects.filter(
            country=self.country, company_code=self.company_code
        ).exclude(pk=self.pk)

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.company_code:
            try:
                self.company_code = clean_company_code(self.country, self.company_code)
            except ValidationError as error:
                errors["company_code"] = error
            else:
                existing = self.same_company_code().first()
                if existing is not None:
                    errors["company_code"] = _(
                        "An organisation with this company code already exists in this "
                        "country: %(name)s."
                    ) % {"name": existing.name}
        if self.vat_code:
            try:
                self.vat_code = clean_vat_code(self.vat_code, self.country)
            except ValidationError as error:
                errors["vat_code"] = error
        if self.founded_year and self.founded_year > datetime.date.today().year:
            errors["founded_year"] = _("The founding year cannot be in the future.")
        if self.municipality_id and self.country != getattr(
            self.municipality, "country", self.country
        ):
            errors["municipality"] = _("The municipality is not in the organisation's country.")
        if errors:
            raise ValidationError(errors)

    def derive_size_class(self) -> None:
        """Stores the size class the figures give (bulk loads call this, as save() does)."""
        self.size_class = (
            size_class_for(self.headcount, self.annual_turnover, self.balance_sheet_total)
            if self.kind == self.Kind.COMPANY
            else ""
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.derive_size_class()
        if not self.slug:
            self.slug = unique_slug(
                self.name,
                lambda slug: Organisation.objects.filter(slug=slug).exclude(pk=self.pk).exists(),
            )
        super().save(*args, **kwargs)


class OrganisationRepresentative(models.Model):
    """A person who may keep this organisation's public data current."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="representatives",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_representations",
        verbose_name=_("person"),
    )
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)

    class Meta:
        verbose_name = _("organisation representative")
        verbose_name_plural = _("organisation representatives")
        ordering = ["organisation", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                name="organisation_representative_once",
                violation_error_message=_("This person already represents this organisation."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation}"
