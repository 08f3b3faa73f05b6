"""Each cluster's number of current members, stored on the cluster so that the directory can
filter, count and sort by it at any scale. Kept current when memberships change, and once a
day, when memberships dated in advance begin or end."""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.db.models import Count

from tinklas.clusters.models import Cluster, Membership


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


def ensure_member_counts_current(today: datetime.date) -> None:
    """Recounts every cluster on the first call of the day (cheap afterwards)."""
    key = f"member-counts-refreshed:{today.isoformat()}"
    if cache.get(key) is None:
        refresh_member_counts(today)
        cache.set(key, True, timeout=2 * 24 * 3600)
