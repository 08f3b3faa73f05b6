"""Reference vocabularies: the network's fields, EU industrial ecosystems, NACE activities,
regions. Loaded by data migrations; fields and ecosystems are editable by staff."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Ecosystem(models.Model):
    """One of the 14 industrial ecosystems of the EU industrial strategy (2021 update)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("EU industrial ecosystem")
        verbose_name_plural = _("EU industrial ecosystems")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name


class Sector(models.Model):
    """A field of the network (information and communication technologies, tourism, ...)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    ecosystems = models.ManyToManyField(
        Ecosystem, related_name="sectors", verbose_name=_("EU industrial ecosystems")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("field")
        verbose_name_plural = _("fields")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name


class NaceRevision(models.TextChoices):
    REV_2 = "2.0", _("NACE Rev. 2")
    REV_2_1 = "2.1", _("NACE Rev. 2.1")


class NaceActivity(models.Model):
    """A NACE heading (section, division, group or class) in one revision."""

    class Level(models.IntegerChoices):
        SECTION = 1, _("section")
        DIVISION = 2, _("division")
        GROUP = 3, _("group")
        CLASS = 4, _("class")

    revision = models.CharField(_("revision"), max_length=3, choices=NaceRevision.choices)
    code = models.CharField(_("code"), max_length=5, help_text=_("For example 62.01 or J."))
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    section = models.CharField(_("section"), max_length=1)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    label = models.CharField(_("label"), max_length=300)

    class Meta:
        verbose_name = _("NACE activity")
        verbose_name_plural = _("NACE activities")
        ordering = ["revision", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "code"], name="nace_code_unique_per_revision"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class Region(models.Model):
    """An administrative region of the network's country: a county (NUTS 3) or a
    municipality (LAU), identified by its ISO 3166-2 code."""

    class Kind(models.TextChoices):
        COUNTY = "county", _("county")
        MUNICIPALITY = "municipality", _("municipality")

    code = models.CharField(_("ISO 3166-2 code"), max_length=10, unique=True)
    country = models.CharField(_("country"), max_length=2)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("county"),
    )
    nuts_code = models.CharField(_("NUTS code"), max_length=5, blank=True)
    lau_code = models.CharField(_("LAU code"), max_length=10, blank=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country", "kind", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def county(self) -> Region:
        return self if self.kind == self.Kind.COUNTY or self.parent is None else self.parent
