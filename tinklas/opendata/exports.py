"""Downloads of the directories' current results as CSV, XLSX or JSON: the same filters,
visibility and order as the pages, every row rather than one page."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tinklas.clusters.filters import ClusterFilter, MemberOrganisationFilter
from tinklas.clusters.models import Cluster
from tinklas.common import csv_files
from tinklas.common.tables import Table, Value, json_pieces, xlsx_file
from tinklas.opendata.export_columns import CLUSTERS, ORGANISATIONS
from tinklas.organisations.models import Organisation

FORMATS = {
    "csv": csv_files.CONTENT_TYPE,
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


def in_language(language: str, rows: Iterator[Any]) -> Iterator[Any]:
    """Rows read while the response is sent, after the view has returned: names and labels
    still in the language of the request."""
    with translation.override(language):
        yield from rows


def download(
    request: HttpRequest, table: Table[Any], queryset: QuerySet[Any], today: datetime.date
) -> HttpResponseBase:
    chosen = request.GET.get("format", "csv")
    if chosen not in FORMATS:
        return HttpResponseBadRequest(
            _("Unknown format “%(format)s”: choose csv, xlsx or json.") % {"format": chosen[:20]},
            content_type="text/plain; charset=utf-8",
        )
    filename = f"{table.name}-{today.isoformat()}.{chosen}"
    rows: Iterator[list[Value]] = table.rows(queryset, today)
    if chosen == "xlsx":
        return FileResponse(
            xlsx_file(table, rows),
            as_attachment=True,
            filename=filename,
            content_type=FORMATS["xlsx"],
        )
    language = translation.get_language()
    if chosen == "csv":
        pieces = csv_files.csv_pieces(table.headers(), rows)
    else:
        pieces = json_pieces(table.column_keys(), rows)
    response = StreamingHttpResponse(in_language(language, pieces), content_type=FORMATS[chosen])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def export_clusters(request: HttpRequest) -> HttpResponseBase:
    today = timezone.localdate()
    filterset = ClusterFilter(request.GET, queryset=Cluster.objects.published(), today=today)
    return download(request, CLUSTERS, filterset.qs, today)


@require_safe
def export_organisations(request: HttpRequest) -> HttpResponseBase:
    today = timezone.localdate()
    members = Organisation.objects.current_members()
    filterset = MemberOrganisationFilter(request.GET, queryset=members)
    return download(request, ORGANISATIONS, filterset.qs, today)
