from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from tinklas.clusters.models import Cluster
from tinklas.common.text import collation_key
from tinklas.network import figures
from tinklas.network.models import AlliancePartner, GovernancePosition, Network, NetworkMembership

RECENT_CLUSTERS = 6


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    recent = (
        NetworkMembership.objects.current_on(today)
        .filter(cluster__in=Cluster.objects.published())
        .select_related("cluster__municipality")
        .order_by("-joined_on", "cluster__name")[:RECENT_CLUSTERS]
    )
    overview = figures.overview(today)
    return render(
        request,
        "network/home.html",
        {
            "figures": overview.figures,
            "sectors": overview.clusters_per_sector,
            "recent_memberships": recent,
            "founding_clusters": figures.founding_clusters().order_by("name"),
        },
    )


def network_page(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    overview = figures.overview(today)
    network = Network.objects.first()
    positions = GovernancePosition.objects.filter(ended_on__isnull=True).select_related(
        "organisation"
    )
    members = (
        NetworkMembership.objects.current_on(today)
        .select_related("cluster__municipality__parent")
        .order_by("joined_on", "cluster__name")
    )
    return render(
        request,
        "network/network.html",
        {
            "network_record": network,
            "positions": positions,
            "members": members,
            "partners": AlliancePartner.objects.all(),
            "overview": overview,
            "per_county": sorted(
                overview.per_county,
                key=lambda row: collation_key(row[0].name, get_language()),
            ),
        },
    )
