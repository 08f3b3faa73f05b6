"""Imports of member lists and of cluster lists: one uploaded file, its dry run and, when
committed, what it wrote. The operations are in imports/runs.py; docs/import.md describes
the formats."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models import Cluster


class ImportRun(models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("waiting to be checked")
        CHECKING = "checking", _("checking")
        CHECKED = "checked", _("checked")
        COMMITTING = "committing", _("writing")
        COMMITTED = "committed", _("written")
        FAILED = "failed", _("failed")

    class Kind(models.TextChoices):
        MEMBERS = "members", _("member list")
        CLUSTERS = "clusters", _("cluster list")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MEMBERS)
    # The cluster whose member list it is; none for a cluster list.
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="import_runs",
        verbose_name=_("cluster"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="import_runs",
        verbose_name=_("uploaded by"),
    )
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    committed_at = models.DateTimeField(_("written"), null=True, blank=True)
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    file_size = models.PositiveIntegerField(_("file size (bytes)"))
    # The file itself, so that the commit reads what the dry run checked without a second
    # upload, and so that a worker on another machine can read it (see decision 0006).
    # None once no longer needed (needs_content): the audit log keeps what was written, and
    # nobody's upload stays in the database longer than it must.
    content = models.BinaryField(_("content"), editable=False, null=True)
    # Messages about the rows are written in the language the uploader used.
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UPLOADED
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    new_rows = models.PositiveIntegerField(_("new"), default=0)
    updated_rows = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_rows = models.PositiveIntegerField(_("unchanged"), default=0)
    error_rows = models.PositiveIntegerField(_("rows with errors"), default=0)
    # Rows with a warning (the register of legal entities shows the company ending or gone),
    # whatever their fate: writing a run that has any needs a confirmation (runs.start_commit).
    warning_rows = models.PositiveIntegerField(_("rows with warnings"), default=0)
    # One entry per row: its number, fate, changes (old → new), notices and errors; at most
    # TINKLAS_IMPORT_RESULTS_KEPT of them (retention.kept_results), while the totals
    # above count every row.
    results = models.JSONField(_("results"), default=list, blank=True)
    error_message = models.TextField(_("error message"), blank=True)

    class Meta:
        db_table = "clusters_importrun"  # the table it had in the clusters app
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["cluster", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.file_name} — {self.cluster or self.get_kind_display()}"

    @property
    def is_running(self) -> bool:
        """Waiting for or in the middle of its dry run or commit."""
        return self.status in {
            self.Status.UPLOADED,
            self.Status.CHECKING,
            self.Status.COMMITTING,
        }

    @property
    def has_changes(self) -> bool:
        return bool(self.new_rows or self.updated_rows)

    @property
    def may_commit(self) -> bool:
        """Checked without errors, and something to write."""
        return self.status == self.Status.CHECKED and not self.error_rows and self.has_changes

    @property
    def needs_content(self) -> bool:
        """The uploaded file is still to be read: by the dry run, or by a commit that may yet
        be asked for or is under way."""
        return self.is_running or self.may_commit

    @property
    def counted_rows(self) -> int:
        """The rows whose fate is counted in the totals: every row once a step is done."""
        return self.new_rows + self.updated_rows + self.unchanged_rows + self.error_rows

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))
