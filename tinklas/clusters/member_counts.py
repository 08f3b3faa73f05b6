"""Derived membership data stored for lists at any scale: each cluster's number of current
members, and whether an organisation is a current member of a published cluster. Kept current
when memberships or clusters change, and once a day, when memberships dated in advance begin
or end."""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef

from tinklas.clusters.models import Cluster, Membership
from tinklas.organisations.models import Organisation


def refresh_member_counts(on: datetime.date, cluster_ids: list[int] | None = None) -> None:
    clusters = (
        Cluster.objects.all() if cluster_ids is None else Cluster.objects.filter(pk__in=cluster_ids)
    )
    current = Membership.objects.current_on(on)
    if cluster_ids is not None:
        current = current.filter(cluster_id__in=cluster_ids)
    totals = dict(
        current.order_by()
        .values_list("cluster_id")
        .annotate(total=Count("pk"))
        .values_list("cluster_id", "total")
    )
    changed = []
    for cluster in clusters.only("pk", "member_count"):
        total = totals.get(cluster.pk, 0)
        if cluster.member_count != total:
            cluster.member_count = total
            changed.append(cluster)
    Cluster.objects.bulk_update(changed, ["member_count"], batch_size=500)


def refresh_member_flags(on: datetime.date, organisation_ids: list[int] | None = None) -> None:
    members = Membership.objects.current_on(on).filter(cluster__status=Cluster.Status.PUBLISHED)
    organisations = Organisation.objects.all()
    if organisation_ids is not None:
        organisations = organisations.filter(pk__in=organisation_ids)
        members = members.filter(organisation_id__in=organisation_ids)
    # EXISTS rather than IN: PostgreSQL runs NOT IN over a large subquery row by row.
    is_current = Exists(members.filter(organisation_id=OuterRef("pk")))
    organisations.filter(is_member=True).exclude(is_current).update(is_member=False)
    organisations.filter(is_current, is_member=False).update(is_member=True)


def refresh_cluster(on: datetime.date, cluster_id: int) -> None:
    """After a change to one cluster's memberships or status."""
    refresh_member_counts(on, [cluster_id])
    organisation_ids = list(
        Membership.objects.filter(cluster_id=cluster_id).values_list("organisation_id", flat=True)
    )
    refresh_member_flags(on, organisation_ids)


def ensure_member_counts_current(today: datetime.date) -> None:
    """Recounts everything on the first call of the day (cheap afterwards)."""
    key = f"member-counts-refreshed:{today.isoformat()}"
    if cache.get(key) is None:
        refresh_member_counts(today)
        refresh_member_flags(today)
        cache.set(key, True, timeout=2 * 24 * 3600)
