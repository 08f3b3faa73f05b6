"""Staff pages over the audit log: the whole log with filters and CSV export, and the history
of one cluster or organisation."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models import Cluster
from tinklas.common import csv_files
from tinklas.common.access import permission_required
from tinklas.common.audit import AUDITED
from tinklas.common.pages import page_of, query_without
from tinklas.organisations.models import Organisation

PER_PAGE = 50


def audited_types() -> QuerySet[ContentType]:
    labels = [label.lower().split(".") for label in AUDITED]
    condition = Q(pk__in=[])
    for app_label, model in labels:
        condition |= Q(app_label=app_label, model=model)
    return ContentType.objects.filter(condition).order_by("app_label", "model")


class AuditFilterForm(forms.Form):
    model = forms.ModelChoiceField(
        queryset=ContentType.objects.none(), required=False, label=_("Kind of record")
    )
    action = forms.TypedChoiceField(
        choices=[("", _("any")), *LogEntry.Action.choices],
        coerce=int,
        required=False,
        label=_("Action"),
    )
    actor = forms.CharField(required=False, max_length=200, label=_("Changed by (email)"))
    record = forms.CharField(required=False, max_length=200, label=_("Record name"))
    request_id = forms.CharField(required=False, max_length=64, label=_("Request id"))
    since = forms.DateField(
        required=False, label=_("From"), widget=forms.DateInput({"type": "date"})
    )
    until = forms.DateField(required=False, label=_("To"), widget=forms.DateInput({"type": "date"}))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["model"].queryset = audited_types()  # type: ignore[attr-defined]
        for field in self.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = "form-select" if is_select else "form-control"

    def entries(self) -> QuerySet[LogEntry]:
        entries = LogEntry.objects.select_related("actor", "content_type")
        entries = entries.order_by("-timestamp", "-pk")
        if not self.is_bound:
            return entries
        self.is_valid()  # invalid values are reported on the form and left out below
        data = self.cleaned_data
        if data.get("model"):
            entries = entries.filter(content_type=data["model"])
        if data.get("action") not in (None, ""):
            entries = entries.filter(action=data["action"])
        if data.get("actor"):
            entries = entries.filter(actor__email__icontains=data["actor"])
        if data.get("record"):
            entries = entries.filter(object_repr__icontains=data["record"])
        if data.get("request_id"):
            entries = entries.filter(cid=data["request_id"])
        if data.get("since"):
            entries = entries.filter(timestamp__date__gte=data["since"])
        if data.get("until"):
            entries = entries.filter(timestamp__date__lte=data["until"])
        return entries


CSV_COLUMNS = [
    (_("time"), lambda entry: entry.timestamp.isoformat()),
    (_("action"), lambda entry: entry.get_action_display()),
    (_("kind of record"), lambda entry: entry.content_type.name),
    (_("record"), lambda entry: entry.object_repr),
    (_("record id"), lambda entry: entry.object_pk),
    (_("changed by"), lambda entry: entry.actor.email if entry.actor else ""),
    (_("request id"), lambda entry: entry.cid or ""),
    (_("changes"), lambda entry: entry.changes_str),
]


def csv_response(entries: QuerySet[LogEntry]) -> StreamingHttpResponse:
    # Record names and changes are typed by managers and representatives: the common writer
    # keeps a name such as =HYPERLINK(...) from running when staff open the file.
    rows = (
        [function(entry) for _label, function in CSV_COLUMNS]
        for entry in entries.iterator(chunk_size=1000)
    )
    header = [str(label) for label, _function in CSV_COLUMNS]
    response = StreamingHttpResponse(
        csv_files.csv_pieces(header, rows), content_type=csv_files.CONTENT_TYPE
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.csv"'
    return response


@permission_required("audit.view_log")
def audit_log(request: HttpRequest) -> HttpResponseBase:
    form = AuditFilterForm(request.GET or None)
    entries = form.entries()
    if request.GET.get("format") == "csv":
        return csv_response(entries)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": page_of(entries, request.GET.get("page"), PER_PAGE),
            "page_query": query_without(request.GET),
            "csv_query": query_without(request.GET, format="csv"),
        },
    )


def entries_about(record: Cluster | Organisation) -> QuerySet[LogEntry]:
    """Changes of the record itself and of the rows that belong to it: a cluster's
    memberships, labels, managers and invitations; an organisation's memberships."""
    condition = Q(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)
    if isinstance(record, Cluster):
        parts: list[QuerySet[Any]] = [
            record.memberships.all(),
            record.labels.all(),
            record.manager_roles.all(),
            record.invitations.all(),
        ]
    else:
        parts = [record.memberships.all()]
    for rows in parts:
        condition |= Q(
            content_type=ContentType.objects.get_for_model(rows.model),
            object_id__in=rows.values("pk"),
        )
    return LogEntry.objects.filter(condition).select_related("actor", "content_type")


def history(request: HttpRequest, record: Cluster | Organisation) -> HttpResponse:
    entries = entries_about(record).order_by("-timestamp", "-pk")
    return render(
        request,
        "audit/history.html",
        {
            "record": record,
            "cluster": record if isinstance(record, Cluster) else None,
            "page": page_of(entries, request.GET.get("page"), PER_PAGE),
        },
    )


def cluster_by_slug(request: HttpRequest, slug: str) -> Cluster:
    return get_object_or_404(Cluster, slug=slug)


def organisation_by_slug(request: HttpRequest, slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug)


@permission_required("clusters.view_history", cluster_by_slug)
def cluster_history(request: HttpRequest, slug: str) -> HttpResponse:
    return history(request, cluster_by_slug(request, slug))


@permission_required("organisations.view_history", organisation_by_slug)
def organisation_history(request: HttpRequest, slug: str) -> HttpResponse:
    return history(request, organisation_by_slug(request, slug))
