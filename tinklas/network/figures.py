"""Key figures of the network, each as of a date. Everything the network reports is
computed here from the registry; pages, the API and reports call these functions."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, Sum

from tinklas.clusters.models import Cluster, ClusterQuerySet, Label, LabelQuerySet, Membership
from tinklas.common import versions
from tinklas.organisations.models import Organisation, OrganisationQuerySet
from tinklas.organisations.sizes import SME_CLASSES
from tinklas.taxonomy.models import Region, Sector


def member_clusters(on: datetime.date) -> ClusterQuerySet:
    """Clusters that are members of the network on the day."""
    from tinklas.network.models import NetworkMembership

    return Cluster.objects.filter(
        Exists(NetworkMembership.objects.current_on(on).filter(cluster=OuterRef("pk")))
    )


def founding_clusters() -> ClusterQuerySet:
    return Cluster.objects.filter(network_memberships__founding_member=True).distinct()


def member_organisations(on: datetime.date) -> OrganisationQuerySet:
    """Distinct organisations that are members of at least one member cluster on the day."""
    memberships = Membership.objects.current_on(on).filter(
        organisation=OuterRef("pk"), cluster__in=member_clusters(on)
    )
    return Organisation.objects.filter(Exists(memberships))


def clusters_with_reported_members(on: datetime.date) -> ClusterQuerySet:
    """Member clusters whose members are only reported: none is counted from a member list on
    the day, but the cluster reported how many it had, on the day or before. Their numbers
    are not in the organisation figures, which count registered members only."""
    counted = Membership.objects.current_on(on).filter(cluster=OuterRef("pk"))
    return member_clusters(on).filter(
        ~Exists(counted), reported_member_count__isnull=False, reported_members_on__lte=on
    )


def member_smes(on: datetime.date) -> OrganisationQuerySet:
    return member_organisations(on).smes()


def labels_in_force(on: datetime.date) -> LabelQuerySet:
    """Labels of member clusters that are valid (or expiring) on the day."""
    return Label.objects.in_force_on(on).filter(cluster__in=member_clusters(on))


def clusters_per_sector(on: datetime.date) -> list[tuple[Sector, int]]:
    """Every field with the number of member clusters working in it (a cluster may work in
    several fields)."""
    clusters = member_clusters(on)
    sectors = Sector.objects.annotate(
        cluster_count=Count("clusters", filter=Q(clusters__in=clusters), distinct=True)
    )
    return [(sector, sector.cluster_count) for sector in sectors]


def clusters_per_county(on: datetime.date) -> list[tuple[Region, int]]:
    """Every county with the number of member clusters seated in one of its municipalities."""
    clusters = member_clusters(on)
    counties = Region.objects.filter(kind=Region.Kind.COUNTY).annotate(
        cluster_count=Count(
            "children__clusters", filter=Q(children__clusters__in=clusters), distinct=True
        )
    )
    return [(county, county.cluster_count) for county in counties]


def smes_per_county(on: datetime.date) -> list[tuple[Region, int]]:
    """Every county with the number of member SMEs registered in it."""
    smes = member_smes(on)
    counties = Region.objects.filter(kind=Region.Kind.COUNTY).annotate(
        sme_count=Count(
            "children__organisations",
            filter=Q(children__organisations__in=smes),
            distinct=True,
        )
    )
    return [(county, county.sme_count) for county in counties]


def smes_per_sector(on: datetime.date) -> list[tuple[Sector, int]]:
    """Every field with the number of distinct SMEs that are members of its clusters."""
    current = Membership.objects.current_on(on).filter(cluster__in=member_clusters(on))
    sectors = Sector.objects.annotate(
        sme_count=Count(
            "clusters__memberships__organisation",
            filter=Q(
                clusters__memberships__in=current,
                clusters__memberships__organisation__in=Organisation.objects.smes(),
            ),
            distinct=True,
        )
    )
    return [(sector, sector.sme_count) for sector in sectors]


@dataclass(frozen=True)
class KeyFigures:
    as_of: datetime.date
    clusters: int
    member_organisations: int
    member_smes: int
    fields: int
    labels_in_force: int
    # Beside the organisations counted from member lists: member clusters whose members are
    # only reported, and the total they reported.
    clusters_with_reported_members: int
    reported_members: int


def key_figures(on: datetime.date) -> KeyFigures:
    # Counting distinct organisations straight from the memberships reads one table instead
    # of testing every organisation; the result equals member_organisations(on).count().
    memberships = Membership.objects.current_on(on).filter(cluster__in=member_clusters(on))
    smes = memberships.filter(
        organisation__kind=Organisation.Kind.COMPANY, organisation__size_class__in=SME_CLASSES
    )
    return KeyFigures(
        as_of=on,
        clusters=member_clusters(on).count(),
        member_organisations=memberships.values("organisation_id").distinct().count(),
        member_smes=smes.values("organisation_id").distinct().count(),
        fields=Sector.objects.filter(clusters__in=member_clusters(on)).distinct().count(),
        labels_in_force=labels_in_force(on).count(),
        **reported_members(on),
    )


def reported_members(on: datetime.date) -> dict[str, int]:
    totals = clusters_with_reported_members(on).aggregate(
        clusters=Count("pk"), members=Sum("reported_member_count")
    )
    return {
        "clusters_with_reported_members": totals["clusters"],
        "reported_members": totals["members"] or 0,
    }


@dataclass(frozen=True)
class Overview:
    """What the home and network pages show, cached until the registry changes."""

    figures: KeyFigures
    clusters_per_sector: list[tuple[Sector, int]]
    # (county, member clusters seated there, member SMEs registered there)
    per_county: list[tuple[Region, int, int]]


def overview(on: datetime.date) -> Overview:
    # The field names are part of the key: after a release that changes Overview or its
    # KeyFigures, values cached by the previous release are not read back.
    shape = "-".join(item.name for kind in (Overview, KeyFigures) for item in fields(kind))
    key = f"overview:{shape}:{on.isoformat()}:{versions.current(REGISTRY)}"
    cached = cache.get(key)
    if cached is None:
        smes = dict(smes_per_county(on))
        cached = Overview(
            key_figures(on),
            clusters_per_sector(on),
            [
                (county, clusters, smes.get(county, 0))
                for county, clusters in clusters_per_county(on)
            ],
        )
        cache.set(key, cached)
    return cached


# The version stamp of everything the figures and the open-data download are computed from,
# named only here; bumped by network/upkeep.py, after each save or once per bulk change.
REGISTRY = "registry"
