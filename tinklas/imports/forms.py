"""The upload forms of imports (a cluster's member list, the network's cluster list), and the
limit on the upload's size that applies
while the request is still being received."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from tinklas.accounts.models import User
from tinklas.clusters.models import Cluster
from tinklas.common.form_layout import StyledForm
from tinklas.imports.kinds import CLUSTERS, MEMBERS, ImportKind
from tinklas.imports.reading import (
    Table,
    UnreadableFile,
    check_size,
    format_of,
    max_bytes,
    max_rows,
    read_table,
)
from tinklas.imports.retention import daily_limit_refusal

FORM_FIELDS_ALLOWANCE = 64 * 1024
ACCEPTED_TYPES = ",".join(
    [
        ".csv",
        ".xlsx",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]
)


class UploadLimit(FileUploadHandler):
    """Stops keeping an uploaded file once it passes the import's limit, so that a file of
    100 MB is neither kept in memory nor written to disk; the form then names the limit.
    Installed before anything reads the request's body."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.limit = max_bytes()
        self.received = 0
        self.refused_size: int | None = None

    def handle_raw_input(
        self,
        input_data: Any,
        META: dict[str, Any],
        content_length: int,
        boundary: str,
        encoding: str | None = None,
    ) -> None:
        # The whole request is too large to carry a file within the limit (the other form
        # fields take a few hundred bytes).
        if content_length > self.limit + FORM_FIELDS_ALLOWANCE:
            self.refused_size = content_length

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.refused_size is not None or self.received > self.limit:
            self.refused_size = max(self.refused_size or 0, self.received)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def limit_upload(request: HttpRequest) -> UploadLimit:
    limit = UploadLimit(request)
    # Still a plain list: nothing has read the body yet.
    cast(list[FileUploadHandler], request.upload_handlers).insert(0, limit)
    return limit


class ImportForm(StyledForm, forms.Form):
    """A member list for a cluster chosen by the page."""

    kind: ImportKind = MEMBERS
    file = forms.FileField(
        label=_("Member list (CSV or XLSX)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPTED_TYPES}),
        error_messages={"empty": _("The file is empty.")},
    )

    def __init__(
        self,
        *args: Any,
        refused_size: int | None = None,
        cluster: Cluster | None = None,
        user: User | AnonymousUser | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.refused_size = refused_size
        # Known before the upload is read, so that a cluster past its daily limit costs no
        # parsing; the page tells it before anyone chooses a file.
        self.daily_refusal = (
            daily_limit_refusal(cluster, user or AnonymousUser()) if cluster is not None else ""
        )
        self.fields["file"].help_text = _(
            "The columns as in the template; files up to %(limit)s and %(rows)s rows."
        ) % {
            "limit": filesizeformat(max_bytes()),
            "rows": number_format(max_rows(), force_grouping=True),
        }
        self.content = b""
        self.file_format = ""
        self.table: Table | None = None

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if self.daily_refusal:
            raise ValidationError(self.daily_refusal)
        try:
            if self.refused_size is not None:
                check_size(self.refused_size)
            if upload is None:
                raise ValidationError(_("Choose the file to upload."))
            # The size the upload reports, before a single byte is read.
            check_size(upload.size or 0)
            self.file_format = format_of(upload.name or "")
            self.content = upload.read()
            self.table = read_table(self.content, self.file_format, self.kind.columns)
        except UnreadableFile as error:
            raise ValidationError(str(error)) from None
        return upload


class StaffImportForm(ImportForm):
    """Network staff import into any cluster."""

    cluster: forms.ModelChoiceField[Cluster] = forms.ModelChoiceField(
        label=_("Cluster"), queryset=Cluster.objects.order_by("name"), empty_label=""
    )
    field_order = ["cluster", "file"]


class ClusterListForm(ImportForm):
    """The network's list of clusters (network staff)."""

    kind = CLUSTERS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].label = _("Cluster list (CSV or XLSX)")
