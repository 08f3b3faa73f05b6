"""A cluster: its profile, maturity and status."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields

from tinklas.common.models import Timestamped
from tinklas.common.partial_dates import DatePrecision
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
    founded_on = models.DateField(
        _("founded on"),
        null=True,
        blank=True,
        help_text=_("The first day of the period the precision gives (a year: 1 January)."),
    )
    founded_precision = models.CharField(
        _("founding date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
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
    # What the cluster reported before its member list is in the registry: shown, marked as
    # reported, while no member is counted (member_count_shown).
    reported_member_count = models.PositiveIntegerField(
        _("reported members"),
        null=True,
        blank=True,
        help_text=_("The number of members the cluster reported, until its member list is here."),
    )
    reported_members_on = models.DateField(
        _("members reported on"), null=True, blank=True, help_text=_("The day the number held.")
    )
    coordinator_name = models.CharField(
        _("coordinator's name"),
        max_length=255,
        blank=True,
        help_text=_(
            "The cluster management organisation as the source names it, until it is linked "
            "to a registered organisation."
        ),
    )
    source_urls = models.TextField(
        _("sources"), blank=True, help_text=_("Where the facts come from: one address per line.")
    )
    staff_note = models.TextField(
        _("staff note"), blank=True, help_text=_("For the network's staff; never published.")
    )

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

    @property
    def source_url_list(self) -> list[str]:
        return [line.strip() for line in self.source_urls.splitlines() if line.strip()]

    @property
    def member_count_shown(self) -> int | None:
        """The counted members; while there are none, the reported number (or None)."""
        return self.member_count or self.reported_member_count

    @property
    def members_are_reported(self) -> bool:
        return not self.member_count and self.reported_member_count is not None

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        today = timezone.localdate()
        names = [getattr(self, name) for name in get_translation_fields("name")]
        if not any(names) and not self.name:
            errors[get_translation_fields("name")[0]] = _(
                "Give the cluster's name in at least one language."
            )
        if self.maturity and not self.maturity_assessed_on:
            errors["maturity_assessed_on"] = _("Give the date the maturity was assessed.")
        if self.founded_on and self.founded_on > today:
            errors["founded_on"] = _("The founding date cannot be in the future.")
        if self.reported_member_count is not None and not self.reported_members_on:
            errors["reported_members_on"] = _("Give the day the reported number held.")
        if self.reported_members_on and self.reported_member_count is None:
            errors["reported_member_count"] = _("Give the number of members reported.")
        if self.reported_members_on and self.reported_members_on > today:
            errors["reported_members_on"] = _("The day cannot be in the future.")
        url = URLValidator(schemes=["http", "https"])
        for line in self.source_url_list:
            try:
                url(line)
            except ValidationError:
                errors["source_urls"] = _("%(line)s is not a web address.") % {"line": line}
                break
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.status == Cluster.Status.PUBLISHED

    def slug_base(self) -> str:
        """What the slug is made from: the acronym when it says something, else the name."""
        return self.acronym if self.acronym and len(self.acronym) > 2 else self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = unique_slug(
                self.slug_base(),
                lambda slug: Cluster.objects.filter(slug=slug).exclude(pk=self.pk).exists(),
            )
        super().save(*args, **kwargs)
