"""Pages of member organisations. They live here, not in the organisations app, because a
member organisation is defined by its memberships of clusters."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from tinklas.clusters.filters import MemberOrganisationFilter
from tinklas.clusters.models import Membership
from tinklas.common.pages import (
    ORDERED_IDS_UP_TO,
    list_template,
    page_of,
    page_of_ordered_ids,
    query_without,
)
from tinklas.common.requests import HtmxHttpRequest
from tinklas.organisations.models import Organisation
from tinklas.search.filters import search_list_context

PER_PAGE = 25
# A search matching up to ORDERED_IDS_UP_TO organisations is paged from its ordered ids;
# larger results are counted and sliced by the database.
FILTERS = ["kind", "size", "county", "activity", "cluster"]


def organisation_directory(request: HtmxHttpRequest) -> HttpResponse:
    members = Organisation.objects.current_members()
    filterset = MemberOrganisationFilter(request.GET, queryset=members)
    related = ["municipality__parent", "main_activity"]
    organisations = filterset.qs
    search = filterset.search_query
    if search and len(filterset.matched_ids or []) <= ORDERED_IDS_UP_TO:
        page = page_of_ordered_ids(organisations, request.GET.get("page"), PER_PAGE, related)
    else:
        page = page_of(organisations.select_related(*related), request.GET.get("page"), PER_PAGE)
    context = {
        **search_list_context(request, filterset, page, FILTERS),
        # Chosen from a cluster's profile; a list of every cluster would be too long a menu.
        "chosen_cluster": filterset.form.cleaned_data.get("cluster"),
        "without_cluster_query": query_without(request.GET, "cluster"),
    }
    return render(request, list_template(request, "organisations/directory.html"), context)


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    today = timezone.localdate()
    organisation: Organisation = get_object_or_404(
        Organisation.objects.select_related("municipality__parent", "main_activity__parent"),
        slug=slug,
    )
    memberships = list(
        Membership.objects.of_published_clusters()
        .filter(organisation=organisation)
        .select_related("cluster")
        .order_by("-joined_on")
    )
    if not memberships:
        # Only organisations that are or were members of a published cluster are public
        # (public_organisations()).
        raise Http404
    current = [item for item in memberships if not item.has_ended_on(today)]
    past = [item for item in memberships if item.has_ended_on(today)]
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "current_memberships": current,
            "past_memberships": past,
            "other_activities": organisation.other_activities.all(),
        },
    )
