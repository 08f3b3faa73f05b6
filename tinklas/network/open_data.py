"""The open-data download page: every public record of the registry as one zip of CSV files
(see network/open_data_build.py)."""

from __future__ import annotations

import datetime

from django.http import FileResponse, HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from tinklas.clusters.member_counts import ensure_member_counts_current
from tinklas.network.open_data_build import current_archive


@require_safe
def download(request: HttpRequest) -> HttpResponseBase:
    today = datetime.date.today()
    ensure_member_counts_current(today)  # member counts are part of clusters.csv
    language = get_language()
    return FileResponse(
        current_archive(today, language),
        as_attachment=True,
        filename=f"open-data-{language}-{today.isoformat()}.zip",
        content_type="application/zip",
    )
