"""The cluster directory: search, facets, sorting and paging, one page for people and
htmx."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tinklas.clusters.facets import FACETS, facets
from tinklas.clusters.filters import SORT_CHOICES, ClusterFilter
from tinklas.clusters.models import Cluster, Label
from tinklas.common.pages import list_template, page_of
from tinklas.common.requests import HtmxHttpRequest
from tinklas.search.filters import search_list_context

PER_PAGE = 20


def directory(request: HtmxHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    filterset = ClusterFilter(request.GET, queryset=Cluster.objects.published(), today=today)
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
