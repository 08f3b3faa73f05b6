"""Pages of member organisations. They live here, not in the organisations app, because a
member organisation is defined by its memberships of clusters."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models import Cluster, Membership
from tinklas.common.pages import (
    ORDERED_IDS_UP_TO,
    list_template,
    page_of,
    page_of_ordered_ids,
    query_without,
)
from tinklas.common.requests import HtmxHttpRequest
from tinklas.organisations.filters import OrganisationFilter
from tinklas.organisations.models import Organisation
from tinklas.search.filters import search_list_context

PER_PAGE = 25
# A search matching up to ORDERED_IDS_UP_TO organisations is paged from its ordered ids;
# larger results are counted and sliced by the database.
FILTERS = ["kind", "size", "county", "activity", "cluster"]


def member_organisations(today: datetime.date) -> QuerySet[Organisation]:
    """Organisations that are current members of a published cluster on `today`, as the
    stored flags say (kept current by clusters/derived.py, recounted by the worker every
    night); no request recounts them."""
    return Organisation.objects.filter(is_member=True)


class MemberOrganisationFilter(OrganisationFilter):
    cluster = django_filters.ModelChoiceFilter(
        queryset=Cluster.objects.published(),
        to_field_name="slug",
        method="filter_cluster",
        label=_("Cluster"),
    )

    class Meta(OrganisationFilter.Meta):
        fields = [*OrganisationFilter.Meta.fields, "cluster"]

    def filter_cluster(
        self, queryset: QuerySet[Organisation], name: str, cluster: Cluster
    ) -> QuerySet[Organisation]:
        memberships = Membership.objects.current_on(timezone.localdate()).filter(
            organisation=OuterRef("pk"), cluster=cluster
        )
        return queryset.filter(Exists(memberships))


def organisation_directory(request: HtmxHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    filterset = MemberOrganisationFilter(request.GET, queryset=member_organisations(today))
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
        organisation.memberships.filter(cluster__status=Cluster.Status.PUBLISHED)
        .select_related("cluster")
        .order_by("-joined_on")
    )
    current = [item for item in memberships if item.left_on is None or item.left_on > today]
    past = [item for item in memberships if item not in current]
    if not memberships:
        # Only organisations that are or were members of a published cluster are public.
        raise Http404
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
