"""Legal entities: companies, research organisations and universities, public bodies,
associations. An organisation exists once, however many clusters it belongs to."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields

from tinklas.common.countries import country_choices, validate_country_code
from tinklas.common.models import Timestamped
from tinklas.common.text import unique_slug
from tinklas.organisations.identifiers import clean_company_code, clean_vat_code
from tinklas.organisations.sizes import SME_CLASSES, SizeClass, size_class_for
from tinklas.search.analyzer import fold
from tinklas.search.index import Search
from tinklas.taxonomy.models import NaceActivity, NaceRevision, Region

# How many organisations of a similar name are compared by their folded names.
NAMESAKE_CANDIDATES = 200


def default_country() -> str:
    return settings.TINKLAS_COUNTRY


# New codes are read in this revision; activities an organisation already has in an older
# one stay as they are while their codes are kept.
NACE_REVISION = NaceRevision.REV_2_1
# Fields that identify the organisation in its country's register: staff change them.
IDENTITY = ["name", "kind", "country", "company_code"]
# What the edit page and the API change: the identity (staff only) and the public data.
EDITABLE_FIELDS = [
    *IDENTITY,
    "legal_form",
    "vat_code",
    *get_translation_fields("description"),
    "website",
    "address",
    "municipality",
    "founded_year",
    "main_activity",
    "other_activities",
    "headcount",
    "annual_turnover",
    "balance_sheet_total",
]


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def current_members(self) -> OrganisationQuerySet:
        """Current members of a published cluster, as the stored flag says (the clusters app
        keeps it current on every change and recounts it every night, when memberships dated
        in advance begin or end); no request recounts them."""
        return self.filter(is_member=True)

    def smes(self) -> OrganisationQuerySet:
        """Companies that are micro, small or medium-sized enterprises."""
        return self.filter(kind=Organisation.Kind.COMPANY, size_class__in=SME_CLASSES)

    def namesakes(self, name: str, **place: Any) -> list[Organisation]:
        """Organisations of the same name, ignoring case, accents, quotes and punctuation,
        at the given place (municipality=..., country=...): perhaps the same organisation,
        registered without its code. The search index finds candidates; their folded names
        decide."""
        search = Search.parse(name)
        if not search:
            return []
        candidates = self.filter(search.matches("organisation"), **place)[:NAMESAKE_CANDIDATES]
        return [candidate for candidate in candidates if fold(candidate.name) == fold(name)]


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
        if self.founded_year and self.founded_year > timezone.localdate().year:
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


class LegalEntity(models.Model):
    """An entity of the national register of legal entities, as its open-data extract gives
    it: reference data loaded in bulk from the register's files (organisations/register/loading.py),
    never edited here, and looked up by company code."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        REORGANISATION = "reorganisation", _("being reorganised")
        LIQUIDATION = "liquidation", _("being liquidated")
        BANKRUPTCY = "bankruptcy", _("bankruptcy")
        DEREGISTERED = "deregistered", _("deregistered")
        OTHER = "other", _("other")

    code = models.CharField(_("company code"), max_length=20, unique=True)
    # Text rather than bounded characters: the register's names and addresses have no
    # published maximum, and one long value must not stop a load of 230,000 rows.
    name = models.TextField(_("name"))
    address = models.TextField(_("address"), blank=True)
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    legal_form_code = models.CharField(_("legal form code"), max_length=20, blank=True)
    legal_form = models.TextField(_("legal form"), blank=True)
    status_code = models.CharField(_("status code"), max_length=20, blank=True)
    status_name = models.TextField(_("status in the register"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, db_index=True)
    status_since = models.DateField(_("status since"), null=True, blank=True)
    deregistered_on = models.DateField(_("deregistered on"), null=True, blank=True)
    extract_date = models.DateField(_("extract date"))
    loaded_at = models.DateTimeField(_("loaded at"))

    class Meta:
        verbose_name = _("legal entity in the register")
        verbose_name_plural = _("legal entities in the register")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_ending(self) -> bool:
        """Being liquidated, bankrupt or gone: worth a warning before it joins a cluster."""
        return self.status in (
            self.Status.LIQUIDATION,
            self.Status.BANKRUPTCY,
            self.Status.DEREGISTERED,
        )


class RegisterLoad(models.Model):
    """One load of register files, from the staff page or the command: who, when, which
    files, what each did, and the problems that stopped it. The register's rows themselves
    are not audited one by one (a load rewrites up to 230,000 of them); this is their record."""

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting for the worker")
        CHECKING = "checking", _("checking the files")
        LOADING = "loading", _("loading")
        DONE = "done", _("loaded")
        REFUSED = "refused", _("refused, nothing written")

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="register_loads",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.QUEUED)
    # The language of the person who started it: problems are written in it.
    language = models.CharField(_("language"), max_length=10, blank=True)
    # Per file: name, kind, where the upload waits (deleted once read), and its counts.
    files = models.JSONField(_("files"), default=list)
    rows_checked = models.PositiveIntegerField(_("rows checked"), default=0)
    # The first problems (file, line, message) and how many there were in all.
    problems = models.JSONField(_("problems"), default=list)
    problem_count = models.PositiveIntegerField(_("number of problems"), default=0)

    class Meta:
        verbose_name = _("register load")
        verbose_name_plural = _("register loads")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        names = ", ".join(file.get("name", "") for file in self.files)
        return f"{self.created_at:%Y-%m-%d %H:%M} {names}"

    @property
    def in_progress(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.CHECKING, self.State.LOADING)

    def total(self, count: str) -> int:
        """A count (rows, new, updated, unchanged, older) summed over the files."""
        return sum(int(file.get(count, 0)) for file in self.files)
