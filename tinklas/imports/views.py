"""Pages of imports: a member list for any cluster (network staff) or one's own cluster (its
managers), the network's cluster list (network staff), the templates, a run's dry run,
progress and result, and its commit. The work itself is in imports/runs.py."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from tinklas.accounts.models import User
from tinklas.accounts.permissions import is_network_staff
from tinklas.clusters.models import Cluster
from tinklas.common import csv_files
from tinklas.common.access import permission_required
from tinklas.common.pages import page_number, page_of
from tinklas.common.requests import HtmxHttpRequest
from tinklas.imports.forms import (
    ClusterListForm,
    ImportForm,
    StaffImportForm,
    UploadLimit,
    limit_upload,
)
from tinklas.imports.kinds import CLUSTERS, KINDS, MEMBERS, kind_of
from tinklas.imports.models import ImportRun
from tinklas.imports.permissions import IMPORT_CLUSTERS
from tinklas.imports.retention import DailyLimitReached, daily_limit_refusal
from tinklas.imports.runs import audit_id, create_run, in_background, start_commit
from tinklas.imports.template import template_csv, template_xlsx

MANAGE = "clusters.manage_members"  # member lists
RUNS_PER_PAGE = 25
ROWS_PER_PAGE = 100
FATES = ["error", "new", "updated", "unchanged"]
# Besides a fate, the run's page shows the rows with warnings, whatever their fate.
WARNED = "warned"
# The commit form's checkbox, required when rows have warnings.
CONFIRM_WARNINGS = "warnings_checked"
TEMPLATE_TYPES = {
    "csv": csv_files.CONTENT_TYPE,
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def cluster_of(request: HttpRequest, slug: str, **url_arguments: object) -> Cluster:
    return get_object_or_404(Cluster, slug=slug)


def cluster_of_run(request: HttpRequest, run_id: int, **url_arguments: object) -> Cluster | None:
    """The run's cluster for its uploader, who may open it while they manage the cluster;
    for anyone else no cluster, on which only network staff hold the permission."""
    run = get_object_or_404(
        ImportRun.objects.select_related("cluster").only("cluster", "uploaded_by"), pk=run_id
    )
    return run.cluster if run.uploaded_by_id == request.user.pk else None


def history(request: HttpRequest, runs: Any) -> Page[Any]:
    page = page_of(
        runs.select_related("cluster", "uploaded_by").defer("content", "results"),
        request.GET.get("page"),
        RUNS_PER_PAGE,
    )
    staff = is_network_staff(request.user)
    for run in page.object_list:
        run.may_open = staff or run.uploaded_by_id == request.user.pk
    return page


def upload(request: HttpRequest, form: ImportForm, cluster: Cluster | None) -> ImportRun | None:
    """A run for a valid upload (checked now, or queued when large)."""
    if request.method != "POST" or not form.is_valid() or form.table is None:
        return None
    user: User = request.user  # type: ignore[assignment]
    if form.kind == MEMBERS:
        cluster = cluster or form.cleaned_data["cluster"]
    try:
        return create_run(
            form.kind,
            cluster,
            user,
            form.cleaned_data["file"].name,
            form.file_format,
            form.content,
            form.table,
        )
    except DailyLimitReached:  # by another upload while this one was read
        form.add_error("file", daily_limit_refusal(cluster, user) if cluster else "")
        return None


# The size limit must be in place before the request's body is read, which the CSRF check
# would do first: the pages below check CSRF themselves, after installing it.
@csrf_exempt
@permission_required(MANAGE)  # without a cluster: network staff only
def imports(request: HttpRequest) -> HttpResponse:
    return staff_upload_page(request, limit_upload(request))


@csrf_protect
def staff_upload_page(request: HttpRequest, limit: UploadLimit) -> HttpResponse:
    posted = request.method == "POST"
    form = StaffImportForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        refused_size=limit.refused_size,  # known once the body is read, just before
        initial={"cluster": request.GET.get("cluster")},
    )
    run = upload(request, form, None)
    if run is not None:
        return redirect("imports:run", run_id=run.pk)
    runs = ImportRun.objects.filter(kind=MEMBERS.key)
    return render(
        request,
        "imports/list.html",
        {"form": form, "runs": history(request, runs), "kind": MEMBERS},
    )


@csrf_exempt
@permission_required(IMPORT_CLUSTERS)
def cluster_lists(request: HttpRequest) -> HttpResponse:
    return cluster_list_page(request, limit_upload(request))


@csrf_protect
def cluster_list_page(request: HttpRequest, limit: UploadLimit) -> HttpResponse:
    posted = request.method == "POST"
    form = ClusterListForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        refused_size=limit.refused_size,  # known once the body is read, just before
    )
    run = upload(request, form, None)
    if run is not None:
        return redirect("imports:run", run_id=run.pk)
    runs = ImportRun.objects.filter(kind=CLUSTERS.key)
    return render(
        request,
        "imports/cluster_lists.html",
        {"form": form, "runs": history(request, runs), "kind": CLUSTERS},
    )


@csrf_exempt
@permission_required(MANAGE, cluster_of)
def cluster_import(request: HttpRequest, slug: str) -> HttpResponse:
    return cluster_upload_page(request, slug, limit_upload(request))


@csrf_protect
def cluster_upload_page(request: HttpRequest, slug: str, limit: UploadLimit) -> HttpResponse:
    cluster = cluster_of(request, slug)
    posted = request.method == "POST"
    form = ImportForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        refused_size=limit.refused_size,  # known once the body is read, just before
        cluster=cluster,
        user=request.user,
    )
    run = upload(request, form, cluster)
    if run is not None:
        return redirect("imports:run", run_id=run.pk)
    return render(
        request,
        "imports/cluster.html",
        {
            "cluster": cluster,
            "form": form,
            "runs": history(request, ImportRun.objects.filter(cluster=cluster)),
            "kind": MEMBERS,
        },
    )


def template(request: HttpRequest) -> HttpResponse:
    file_format = request.GET.get("format", "csv")
    if file_format not in TEMPLATE_TYPES:
        return HttpResponseBadRequest(_("Choose the format csv or xlsx."))
    kind = KINDS.get(request.GET.get("kind", MEMBERS.key))
    if kind is None:
        return HttpResponseBadRequest(_("Choose the kind members or clusters."))
    example = request.GET.get("example") == "1"
    content = template_xlsx(kind, example) if file_format == "xlsx" else template_csv(kind, example)
    response = HttpResponse(content, content_type=TEMPLATE_TYPES[file_format])
    name = f"{kind.file_stem}-{'example' if example else 'template'}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


def results_page(request: HttpRequest, run: ImportRun) -> dict[str, Any]:
    """One page of the stored results, of one fate or all, and how many rows are stored: the
    results of a large file are capped (retention.kept_results), its totals are not."""
    fate = request.GET.get("fate", "")
    results = ImportRun.objects.values_list("results", flat=True).get(pk=run.pk)
    kept = len(results)
    if fate in FATES:
        results = [result for result in results if result["fate"] == fate]
    elif fate == WARNED:
        results = [result for result in results if result.get("warnings")]
    else:
        fate = ""
    return {
        "rows": Paginator(results, ROWS_PER_PAGE).get_page(page_number(request.GET.get("page"))),
        "fate": fate,
        "rows_kept": kept,
        "rows_capped": run.counted_rows > kept,
    }


@permission_required(MANAGE, cluster_of_run)
def import_run(request: HtmxHttpRequest, run_id: int) -> HttpResponse:
    run = get_object_or_404(
        ImportRun.objects.select_related("cluster", "uploaded_by", "committed_by").defer(
            "content", "results"
        ),
        pk=run_id,
    )
    if request.htmx and not request.htmx.boosted:
        # The progress polls ask for the progress alone; a finished run shows its results.
        if run.is_running:
            return render(
                request, "imports/run.html#progress", {"run": run, "cluster": run.cluster}
            )
        return HttpResponseClientRefresh()
    context: dict[str, Any] = {
        "run": run,
        "kind": kind_of(run),
        "cluster": run.cluster,
        "fates": FATES,
        "warned": WARNED,
        "confirm_warnings": CONFIRM_WARNINGS,
        "audit_id": audit_id(run),
        "staff": is_network_staff(request.user),
        "background": in_background(run),
    }
    if not run.is_running:
        context.update(results_page(request, run))
    return render(request, "imports/run.html", context)


@permission_required(MANAGE, cluster_of_run)
@require_POST
def commit_import(request: HttpRequest, run_id: int) -> HttpResponse:
    run = get_object_or_404(ImportRun.objects.select_related("cluster", "uploaded_by"), pk=run_id)
    user: User = request.user  # type: ignore[assignment]
    confirmed = request.POST.get(CONFIRM_WARNINGS) == "1"
    if not start_commit(run, user, warnings_confirmed=confirmed):
        messages.error(request, refusal(run))
    elif run.status == ImportRun.Status.COMMITTED:
        messages.success(
            request,
            _("The import is written: %(new)s new and %(updated)s updated rows.")
            % {"new": run.new_rows, "updated": run.updated_rows},
        )
    elif run.status == ImportRun.Status.FAILED:
        messages.error(request, run.error_message)
    return redirect("imports:run", run_id=run.pk)


def refusal(run: ImportRun) -> str:
    """Why a run cannot be committed (now)."""
    if run.status == ImportRun.Status.COMMITTED:
        return _("This import is already written.")
    if run.is_running:
        return _("This import is still being processed; wait until it is finished.")
    if run.error_rows:
        return _("Rows have errors: correct them in the file and upload it again.")
    if run.status == ImportRun.Status.FAILED:
        return _("This import failed; upload the file again.")
    if run.warning_rows and run.has_changes:
        return _(
            "Rows have warnings: check them, then tick “I have checked the warned rows: "
            "write them anyway” to write the import."
        )
    return _("This import has nothing to write.")
