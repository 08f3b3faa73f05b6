from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One searchable document: a cluster or an organisation, as analyzed terms. The
    engine-specific full-text structures (an FTS5 table on SQLite, GIN indexes on
    PostgreSQL) are built over this table by the migrations."""

    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.BigIntegerField(_("object"))
    name_terms = models.TextField(_("name terms"))
    body_terms = models.TextField(_("body terms"), blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
