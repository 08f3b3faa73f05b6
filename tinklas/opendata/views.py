"""The open-data download: every public record of the registry as one zip of CSV files
(see opendata/archive.py), sent from the default file storage or from the build that just
made it."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from tinklas.opendata.archive import (
    build_archive,
    builds_quickly,
    current_archive,
    latest_archive,
    queue_build,
)

RETRY_AFTER_SECONDS = 120


@require_safe
def download(request: HttpRequest) -> HttpResponseBase:
    today = timezone.localdate()
    language = get_language()
    day = today
    archive = current_archive(today, language)
    if archive is None and builds_quickly():
        archive = build_archive(today, language)
    if archive is None:
        queue_build(today, language)
        # Without a worker (tasks run at once) the zip is built by now.
        archive = current_archive(today, language)
    if archive is None:
        # The previous zip, whose README tells when it was built, until the new one is ready.
        latest = latest_archive(language)
        if latest is None:
            response = render(request, "opendata/pending.html", status=503)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        archive, day = latest
    return FileResponse(
        archive,
        as_attachment=True,
        filename=f"open-data-{language}-{day.isoformat()}.zip",
        content_type="application/zip",
    )
