"""A cluster's managers keep its member list current: who is a member now and was before,
adding an organisation already registered or a new one, and ending memberships.

Member counts, membership flags and the search index follow every membership saved here
through the upkeep in clusters/indexing.py, as they do for the administration."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tinklas.clusters.forms import AddMemberForm, EndMembershipForm, MembershipForm
from tinklas.clusters.models import OPEN_MEMBERSHIP, Cluster, Membership
from tinklas.clusters.permissions import MANAGE_MEMBERS as MANAGE
from tinklas.common.access import permission_required
from tinklas.common.concurrency import locked
from tinklas.common.pages import page_of
from tinklas.common.requests import HtmxHttpRequest
from tinklas.organisations.forms import NewOrganisationForm
from tinklas.organisations.models import Organisation
from tinklas.organisations.register.lookup import REGISTER_COUNTRY, Lookup, look_up
from tinklas.search.index import Search

PER_PAGE = 100
SEARCH_RESULTS = 20


def cluster_of(request: HttpRequest, slug: str, **url_arguments: object) -> Cluster:
    return get_object_or_404(Cluster, slug=slug)


def mark_open_members(cluster: Cluster, organisations: Iterable[Organisation]) -> None:
    """Sets `is_open_member` on each: it has an open membership here and cannot be added."""
    organisations = list(organisations)
    open_ids = set(
        cluster.memberships.filter(
            left_on__isnull=True, organisation__in=[item.pk for item in organisations]
        ).values_list("organisation_id", flat=True)
    )
    for organisation in organisations:
        organisation.is_open_member = organisation.pk in open_ids  # type: ignore[attr-defined]


@permission_required(MANAGE, cluster_of)
def members(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = cluster_of(request, slug)
    today = timezone.localdate()
    memberships = cluster.memberships.select_related("organisation")
    # Current includes memberships dated in advance: they are the managers' to correct.
    current = memberships.not_ended_on(today).order_by("organisation__name", "pk")
    former = memberships.ended_on(today).order_by("-left_on", "organisation__name")
    return render(
        request,
        "clusters/members.html",
        {
            "cluster": cluster,
            "current": page_of(current, request.GET.get("page"), PER_PAGE),
            "former": page_of(former, request.GET.get("former_page"), PER_PAGE),
            "today": today,
        },
    )


def matching_organisations(cluster: Cluster, query: str) -> tuple[list[Organisation], int]:
    """Organisations whose name (or other indexed text) matches, or whose company code is
    the query: the first few by name, and how many match in all."""
    code = "".join(query.split()).upper()
    condition = Q(company_code=code) if code else Q(pk__in=[])
    search = Search.parse(query)
    if search:
        condition |= search.matches("organisation")
    found = Organisation.objects.filter(condition)
    results = list(found.select_related("municipality").order_by("name", "pk")[:SEARCH_RESULTS])
    total = len(results) if len(results) < SEARCH_RESULTS else found.count()
    mark_open_members(cluster, results)
    return results, total


def add_membership(form: AddMemberForm | MembershipForm) -> Membership | None:
    """Saves a valid membership form; None, with the reason on the form, when another
    request added the organisation in the meantime."""
    try:
        with transaction.atomic():
            return form.save()
    except IntegrityError:
        form.add_error(None, OPEN_MEMBERSHIP)
        return None


@permission_required(MANAGE, cluster_of)
def add_member(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    cluster = cluster_of(request, slug)
    source = request.POST if request.method == "POST" else request.GET
    query = source.get("q", "").strip()[:100]
    form = AddMemberForm(
        request.POST if request.method == "POST" else None,
        instance=Membership(cluster=cluster),
    )
    if request.method == "POST" and form.is_valid() and add_membership(form):
        messages.success(
            request,
            _("%(organisation)s is now a member.") % {"organisation": form.instance.organisation},
        )
        return redirect("clusters:members", slug=cluster.slug)
    results, total = matching_organisations(cluster, query) if query else ([], 0)
    chosen_id = str(source.get("organisation", ""))
    chosen = (
        Organisation.objects.select_related("municipality").filter(pk=chosen_id).first()
        if chosen_id.isdigit()
        else None
    )
    if chosen is not None and chosen not in results:
        mark_open_members(cluster, [chosen])
        results.insert(0, chosen)
    context = {
        "cluster": cluster,
        "form": form,
        "query": query,
        "results": results,
        "total": total,
        "chosen_id": chosen_id,
    }
    template = "clusters/members_add.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


@permission_required(MANAGE, cluster_of)
def new_member(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = cluster_of(request, slug)
    data = request.POST if request.method == "POST" else None
    lookup: Lookup | None = None
    initial: dict[str, object] | None = None
    if data is not None and "lookup" in data:
        # Filled in from the register, neither saved nor checked: the person goes on.
        lookup = look_up(data.get("country"), data.get("company_code"))
        prefill = lookup.prefill()
        if data.get("kind"):
            prefill.pop("kind", None)  # the person's choice stays
        fields = [*NewOrganisationForm.Meta.fields, "joined_on", "role"]
        initial = {name: data[name] for name in fields if data.get(name)}
        initial.update(prefill)
        data = None
    organisation_form = NewOrganisationForm(data, initial=initial)
    membership_form = MembershipForm(data, initial=initial, instance=Membership(cluster=cluster))
    registered: Organisation | None = None
    namesakes: list[Organisation] = []
    if lookup is not None and lookup.valid:
        registered = (
            Organisation.objects.filter(country=REGISTER_COUNTRY, company_code=lookup.code)
            .select_related("municipality")
            .first()
        )
    if data is not None:
        # Both forms are checked, so that every mistake is shown at once.
        organisation_valid = organisation_form.is_valid()
        membership_valid = membership_form.is_valid()
        valid = organisation_valid and membership_valid
        registered = organisation_form.registered_with_same_code()
        if valid:
            namesakes = organisation_form.namesakes()
        if valid and (not namesakes or "create_anyway" in data):
            membership = create_member(organisation_form, membership_form)
            if membership is not None:
                messages.success(
                    request,
                    _("%(organisation)s is registered and is now a member.")
                    % {"organisation": membership.organisation},
                )
                return redirect("clusters:members", slug=cluster.slug)
    if registered is not None or namesakes:
        mark_open_members(cluster, [*namesakes, *([registered] if registered else [])])
    terms = initial if initial is not None else membership_form.data
    joined_on = terms.get("joined_on") or timezone.localdate().isoformat()
    return render(
        request,
        "clusters/members_new.html",
        {
            "cluster": cluster,
            "organisation_form": organisation_form,
            "membership_form": membership_form,
            "registered": registered,
            "namesakes": namesakes,
            "lookup": lookup,
            # The terms the "add this organisation instead" buttons carry over.
            "joined_on": joined_on,
            "role": terms.get("role") or Membership.Role.MEMBER,
        },
    )


def create_member(
    organisation_form: NewOrganisationForm, membership_form: MembershipForm
) -> Membership | None:
    """The organisation and its membership, both or neither."""
    try:
        with transaction.atomic():
            organisation = organisation_form.save()
            membership = membership_form.save(commit=False)
            membership.organisation = organisation
            membership.save()
            return membership
    except IntegrityError:
        # Registered by someone else since the form was checked.
        organisation_form.add_error(
            "company_code",
            _("An organisation with this company code already exists in this country."),
        )
        return None


@permission_required(MANAGE, cluster_of)
def end_membership(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    cluster = cluster_of(request, slug)
    membership = get_object_or_404(
        cluster.memberships.select_related("organisation"), pk=membership_id
    )
    form = EndMembershipForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and "confirm" in request.POST and form.is_valid():
        try:
            with transaction.atomic():
                locked(Membership.objects, pk=membership.pk).end(form.cleaned_data["left_on"])
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error("left_on" if field == "left_on" else None, problems)
        else:
            messages.success(
                request,
                _("The membership of %(organisation)s ends on %(date)s.")
                % {
                    "organisation": membership.organisation,
                    "date": form.cleaned_data["left_on"].isoformat(),
                },
            )
            return redirect("clusters:members", slug=cluster.slug)
    return render(
        request,
        "clusters/members_end.html",
        {"cluster": cluster, "membership": membership, "form": form},
    )
