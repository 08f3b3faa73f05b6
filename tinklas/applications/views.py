"""Applying to register a new cluster, in steps beside a live eligibility checklist, and the
staff's review. Only the applicant and network staff may open an application; for anyone
else it does not exist (404), so that nobody learns which clusters are applying."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from tinklas.accounts.models import User
from tinklas.applications import workflow
from tinklas.applications.forms import (
    ClusterStepForm,
    ManagementStepForm,
    MemberForm,
    ReviewMessageForm,
)
from tinklas.applications.models import ApplicationMember, ClusterApplication, EligibilityCriteria
from tinklas.common.access import permission_required
from tinklas.common.requests import HtmxHttpRequest

STEPS = [
    ("cluster", pgettext_lazy("application step", "Cluster")),
    ("management", pgettext_lazy("application step", "Management")),
    ("members", pgettext_lazy("application step", "Members")),
    ("review", pgettext_lazy("application step", "Review and submit")),
]
STEP_NAMES = [name for name, _label in STEPS]
STEP_FORMS: dict[str, type[ClusterStepForm | ManagementStepForm]] = {
    "cluster": ClusterStepForm,
    "management": ManagementStepForm,
}
CHECKLIST = "applications/_checklist.html"


def signed_in(request: HttpRequest) -> User:
    """The person, on pages the permission check opens only to people who are signed in."""
    return cast(User, request.user)


def visible_application(
    request: HttpRequest, application_id: int, **kwargs: Any
) -> ClusterApplication | None:
    """The application for its applicant and for staff, 404 for everyone else; None for
    people who are not signed in, whom the permission check sends to sign in."""
    if not request.user.is_authenticated:
        return None
    visible = ClusterApplication.objects.select_related("applicant", "cluster")
    if not request.user.has_perm("clusters.review_applications"):
        visible = visible.filter(applicant=request.user)
    return get_object_or_404(visible, pk=application_id)


def any_application(request: HttpRequest, application_id: int, **kwargs: Any) -> ClusterApplication:
    return get_object_or_404(ClusterApplication, pk=application_id)


def with_details(application: ClusterApplication) -> ClusterApplication:
    """The application with everything its summary shows, read in a fixed number of queries."""
    return get_object_or_404(
        ClusterApplication.objects.select_related(
            "applicant", "decided_by", "municipality__parent", "cluster"
        ).prefetch_related(
            "sectors",
            "ecosystems",
            Prefetch("members", queryset=ApplicationMember.objects.select_related("organisation")),
        ),
        pk=application.pk,
    )


def fte_or_none(application: ClusterApplication) -> str | None:
    fte = application.management_fte
    return None if fte is None else workflow.fte_text(fte)


def go_to_step(application: ClusterApplication, step: str) -> HttpResponse:
    return redirect("applications:step", application.pk, step)


def next_step(step: str) -> str:
    return STEP_NAMES[min(STEP_NAMES.index(step) + 1, len(STEP_NAMES) - 1)]


def is_preview(request: HtmxHttpRequest) -> bool:
    """htmx posts the unsaved form to show its checklist; nothing is saved."""
    return bool(request.htmx) and request.POST.get("preview") == "1"


def checklist_partial(request: HttpRequest, items: list[workflow.EligibilityItem]) -> HttpResponse:
    return render(request, CHECKLIST, {"checklist": items, "preview": True})


def render_step(
    request: HttpRequest,
    application: ClusterApplication,
    step: str,
    context: dict[str, Any],
) -> HttpResponse:
    context.setdefault("checklist", workflow.eligibility_checklist(application))
    return render(
        request,
        "applications/step.html",
        {
            "application": application,
            "steps": STEPS,
            "step": step,
            "step_label": dict(STEPS)[step],
            "required_fields": workflow.REQUIRED_FIELDS.get(step, []),
            "management_fte": fte_or_none(application),
            **context,
        },
    )


@permission_required("clusters.apply")
def my_applications(request: HttpRequest) -> HttpResponse:
    mine = ClusterApplication.objects.filter(applicant=signed_in(request)).select_related("cluster")
    return render(
        request,
        "applications/list.html",
        {"applications": mine.order_by("-updated_at")},
    )


@permission_required("clusters.apply")
def start_application(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        application = ClusterApplication.objects.create(applicant=signed_in(request))
        return go_to_step(application, STEP_NAMES[0])
    criteria = EligibilityCriteria.current()
    return render(
        request,
        "applications/start.html",
        {
            "criteria": criteria,
            "minimum_fte": workflow.fte_text(criteria.european_minimum_management_fte),
        },
    )


@permission_required("clusters.apply", visible_application)
def application_step(request: HtmxHttpRequest, application_id: int, step: str) -> HttpResponse:
    application = visible_application(request, application_id)
    assert application is not None  # the permission check let only signed-in people in
    if step not in STEP_NAMES:
        raise Http404
    if not application.is_editable and (step != "review" or request.method == "POST"):
        # Submitted and decided applications are read on the summary only.
        return go_to_step(application, "review")
    if step == "members":
        return members_step(request, application)
    if step == "review":
        return review_step(request, application)
    form = STEP_FORMS[step](request.POST or None, instance=application)
    saved_checklist = workflow.eligibility_checklist(application)
    if request.method == "POST":
        if is_preview(request):
            form.is_valid()  # puts the valid values on the (unsaved) instance
            return checklist_partial(request, workflow.eligibility_checklist(form.instance))
        if form.is_valid():
            form.save()
            if request.POST.get("action") == "continue":
                return go_to_step(application, next_step(step))
            messages.success(request, _("The draft is saved."))
            return go_to_step(application, step)
    return render_step(
        request,
        application,
        step,
        {"form": form, "checklist": saved_checklist},
    )


def members_step(request: HtmxHttpRequest, application: ClusterApplication) -> HttpResponse:
    form = MemberForm(request.POST or None, application=application)
    if request.method == "POST":
        if is_preview(request):
            kinds = [member.kind for member in application.members.all()]
            if form.is_valid():
                kinds.append(form.cleaned_data["kind"])
            return checklist_partial(request, workflow.eligibility_checklist(application, kinds))
        leaving = request.POST.get("action") == "continue"
        if leaving and not form.has_changed():
            return go_to_step(application, next_step("members"))
        if form.is_valid():
            member = form.save()
            messages.success(request, _("%(name)s is added.") % {"name": member.name})
            return go_to_step(application, next_step("members") if leaving else "members")
    members = application.members.select_related("organisation")
    return render_step(
        request,
        application,
        "members",
        {"form": form, "members": members},
    )


def review_step(
    request: HttpRequest,
    application: ClusterApplication,
    errors: list[str] | None = None,
) -> HttpResponse:
    application = with_details(application)
    checklist = workflow.eligibility_checklist(application)
    problems = workflow.submission_problems(application, checklist)
    return render_step(
        request,
        application,
        "review",
        {
            "checklist": checklist,
            "problems": problems if application.is_editable else [],
            "errors": errors or [],
            "missing": workflow.missing_information(application),
        },
    )


@require_POST
@permission_required("clusters.apply", visible_application)
def remove_application_member(
    request: HttpRequest, application_id: int, member_id: int
) -> HttpResponse:
    application = visible_application(request, application_id)
    assert application is not None
    if not application.is_editable:
        return go_to_step(application, "review")
    member = get_object_or_404(application.members, pk=member_id)
    member.delete()
    messages.success(request, _("%(name)s is removed.") % {"name": member.name})
    return go_to_step(application, "members")


@require_POST
@permission_required("clusters.apply", visible_application)
def submit_application(request: HttpRequest, application_id: int) -> HttpResponse:
    application = visible_application(request, application_id)
    assert application is not None
    try:
        workflow.submit(application, request.build_absolute_uri)
    except ValidationError as error:
        return review_step(request, application, errors=error.messages)
    return go_to_step(application, "review")


@permission_required("clusters.review_applications")
def review_queue(request: HttpRequest) -> HttpResponse:
    criteria = EligibilityCriteria.current()
    waiting = (
        ClusterApplication.objects.filter(status=ClusterApplication.Status.SUBMITTED)
        .select_related("applicant")
        .prefetch_related("members")
        .order_by("submitted_at", "pk")
    )
    rows = [
        (
            application,
            len(application.members.all()),
            workflow.summarise(workflow.eligibility_checklist(application, criteria=criteria)),
        )
        for application in waiting
    ]
    return render(request, "applications/queue.html", {"rows": rows})


DECISION_LABELS = {
    "changes": gettext_lazy("What should the applicant change?"),
    "reject": gettext_lazy("Why is the application rejected?"),
}


@permission_required("clusters.review_applications", any_application)
def review_application(request: HttpRequest, application_id: int) -> HttpResponse:
    application = with_details(any_application(request, application_id))
    decision = request.POST.get("decision") if request.method == "POST" else None
    forms = {
        name: ReviewMessageForm(
            request.POST if decision == name else None, prefix=name, label=label
        )
        for name, label in DECISION_LABELS.items()
    }
    refusal: list[str] = []
    status = 200
    if decision in ("approve", *DECISION_LABELS):
        reviewer = signed_in(request)
        link = request.build_absolute_uri
        try:
            if decision == "approve":
                workflow.approve(application, reviewer, link)
                return redirect("applications:review", application.pk)
            form = forms[str(decision)]
            if form.is_valid():
                message = form.cleaned_data["message"]
                if decision == "changes":
                    workflow.request_changes(application, reviewer, message, link)
                else:
                    workflow.reject(application, reviewer, message, link)
                return redirect("applications:review", application.pk)
        except ValidationError as error:
            refusal, status = error.messages, 409
    return render(
        request,
        "applications/review.html",
        {
            "application": application,
            "checklist": workflow.eligibility_checklist(application),
            "management_fte": fte_or_none(application),
            "forms": forms,
            "refusal": refusal,
        },
        status=status,
    )
