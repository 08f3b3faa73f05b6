"""The staff's list of clusters whose coordinator is known only by the name a source gave
(Cluster.coordinator_name), not yet linked to a registered organisation: each with the way
to its administration page, where the coordinator is chosen."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tinklas.clusters.models import Cluster
from tinklas.clusters.permissions import LINK_COORDINATORS
from tinklas.common.access import permission_required
from tinklas.common.pages import page_of

PER_PAGE = 100


@permission_required(LINK_COORDINATORS)
def unlinked_coordinators(request: HttpRequest) -> HttpResponse:
    # Every status: a draft's coordinator is worth linking before it is published.
    clusters = (
        Cluster.objects.filter(coordinator__isnull=True)
        .exclude(coordinator_name="")
        .order_by("name", "pk")
    )
    return render(
        request,
        "clusters/unlinked_coordinators.html",
        {"page": page_of(clusters, request.GET.get("page"), PER_PAGE)},
    )
