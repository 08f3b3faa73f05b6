from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from tinklas.clusters.directory import FACETS, facets, published_clusters
from tinklas.clusters.filters import SORT_CHOICES, ClusterFilter
from tinklas.clusters.models import Label
from tinklas.clusters.profile import member_groups, profile_json_ld
from tinklas.common.pages import list_template, page_of
from tinklas.common.requests import HtmxHttpRequest
from tinklas.search.filters import search_list_context

PER_PAGE = 20


def directory(request: HtmxHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    filterset = ClusterFilter(request.GET, queryset=published_clusters(), today=today)
    clusters = filterset.qs.select_related("municipality__parent").prefetch_related(
        "sectors",
        Prefetch("labels", queryset=Label.objects.in_force_on(today), to_attr="current_labels"),
    )
    page = page_of(clusters, request.GET.get("page"), PER_PAGE)
    context = {
        **search_list_context(request, filterset, page, FACETS),
        "facets": facets(request.GET, filterset, today),
        "sort_choices": SORT_CHOICES,
    }
    return render(request, list_template(request, "clusters/directory.html"), context)


def profile(request: HttpRequest, slug: str) -> HttpResponse:
    today = timezone.localdate()
    cluster = get_object_or_404(
        published_clusters()
        .select_related("coordinator", "municipality__parent")
        .prefetch_related("sectors", "ecosystems", "labels", "network_memberships"),
        slug=slug,
    )
    groups = member_groups(cluster, today)
    member_total = sum(group.total for group in groups)
    labels = [(label, label.status_on(today)) for label in cluster.labels.all()]
    network_membership = next(
        (item for item in cluster.network_memberships.all() if item.left_on is None), None
    )
    members_url = reverse("clusters:organisation-directory") + f"?cluster={cluster.slug}"
    return render(
        request,
        "clusters/profile.html",
        {
            "cluster": cluster,
            "groups": groups,
            "member_total": member_total,
            "labels": labels,
            "network_membership": network_membership,
            "members_url": members_url,
            "json_ld": profile_json_ld(request, cluster, groups),
            "today": today,
        },
    )
