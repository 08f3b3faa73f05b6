"""The staff page of the register of legal entities: upload its files, follow the loads,
see what the register holds.

A load runs as a background task (`manage.py db_worker`): the real files are 40 MB and
230,000 rows, longer than a web request should wait on a slower server. The uploads wait in
the default file storage, which web and worker processes must share, and are deleted once
read. Each upload's header is checked at once, so a wrong file is named before anything
waits."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import get_valid_filename
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tinklas.common import uploads
from tinklas.common.access import permission_required
from tinklas.common.form_layout import StyledForm
from tinklas.common.requests import HtmxHttpRequest
from tinklas.organisations.models import LegalEntity, RegisterLoad
from tinklas.organisations.register.files import (
    RegisterFileError,
    expected_headers,
    header_kind,
    limits,
)
from tinklas.organisations.register.loading import load_uploaded_files
from tinklas.organisations.register.problems import reworded

LOAD_REGISTER = "organisations.load_register"
LOADS_SHOWN = 10
MAX_FILES = 4


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class RegisterFilesField(forms.FileField):
    """One or more files, each checked for its size and its register header."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(widget=MultipleFileInput(attrs={"accept": ".csv,text/csv"}), **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        received = data if isinstance(data, list | tuple) else [data] if data else []
        files = [super(RegisterFilesField, self).clean(upload, initial) for upload in received]
        files = [file for file in files if file]
        if not files:
            raise forms.ValidationError(_("Choose at least one file."))
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("Choose at most %(count)s files.") % {"count": MAX_FILES})
        problems = []
        for file in files:
            try:
                # The size Django counted while receiving it, before a line is read; the
                # rows are held to the other upload limits when the load reads them.
                uploads.check_size(file.size or 0, limits())
                file.kind = header_kind(file)  # type: ignore[union-attr]
            except (uploads.UploadRefused, RegisterFileError) as error:
                problems.append(f"{file.name}: {error}")
            file.seek(0)
        if problems:
            raise forms.ValidationError(problems)
        return files


class RegisterUploadForm(StyledForm, forms.Form):
    register_files = RegisterFilesField(
        label=_("Register files"),
        help_text=_(
            "JAR_IREGISTRUOTI.csv (registered entities) and JAR_ISREGISTRUOTI.csv "
            "(deregistered entities) from the Centre of Registers' open data, one or both. "
            "Each is recognised by its first line."
        ),
    )


def start_load(request: HtmxHttpRequest, files: list[UploadedFile]) -> RegisterLoad:
    """Stores the uploads and queues their load."""
    folder = f"register/{uuid.uuid4().hex}"
    stored = [
        {
            "name": file.name,
            "kind": getattr(file, "kind", ""),
            "stored_as": default_storage.save(
                f"{folder}/{get_valid_filename(file.name or 'register.csv')}", file
            ),
        }
        for file in files
    ]
    load = RegisterLoad.objects.create(
        started_by=request.user if request.user.is_authenticated else None,
        language=get_language() or "",
        files=stored,
    )
    load_uploaded_files.enqueue(load.pk)
    load.refresh_from_db()  # a worker running in-process has finished already
    return load


@permission_required(LOAD_REGISTER)
def register_import(request: HtmxHttpRequest) -> HttpResponse:
    form = RegisterUploadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        load = start_load(request, form.cleaned_data["register_files"])
        if load.state == RegisterLoad.State.DONE:
            messages.success(request, _("The files are loaded."))
        elif load.state == RegisterLoad.State.REFUSED:
            messages.error(request, _("The files were refused: nothing was written."))
        else:
            messages.info(
                request,
                _(
                    "The files are uploaded; the load runs in the background. This page shows "
                    "its progress."
                ),
            )
        return redirect("organisations:register")
    loads = list(RegisterLoad.objects.select_related("started_by")[:LOADS_SHOWN])
    for load in loads:  # each load's problems in the language of this page, not its starter's
        load.problems = [reworded(problem) for problem in load.problems]
    in_progress = any(load.in_progress for load in loads)
    context = {"form": form, "loads": loads, "in_progress": in_progress}
    if request.htmx and not request.htmx.boosted and request.method == "GET":
        return render(request, "organisations/register/import.html#loads", context)
    totals = dict(LegalEntity.objects.order_by().values_list("status").annotate(total=Count("pk")))
    context.update(
        statuses=[(label, totals.get(value, 0)) for value, label in LegalEntity.Status.choices],
        total=sum(totals.values()),
        latest_extract=LegalEntity.objects.aggregate(latest=Max("extract_date"))["latest"],
        expected_headers=expected_headers(),
    )
    return render(request, "organisations/register/import.html", context)
