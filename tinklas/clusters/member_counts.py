"""Derived membership data stored for lists at any scale: each cluster's number of current
members, and whether an organisation is a current member of a published cluster. Kept current
by clusters/derived.py when memberships or clusters change, and every night, when memberships
dated in advance begin or end."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet

from tinklas.clusters.models import Cluster, Membership
from tinklas.organisations.models import Organisation


def refresh_member_counts(on: datetime.date, cluster_ids: Collection[int] | None = None) -> None:
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


def refresh_member_flags(
    on: datetime.date, organisation_ids: Collection[int] | QuerySet[Any] | None = None
) -> None:
    """The flags of the given organisations (ids, or a query of ids), or of all."""
    members = Membership.objects.current_on(on).of_published_clusters()
    organisations = Organisation.objects.all()
    if organisation_ids is not None:
        organisations = organisations.filter(pk__in=organisation_ids)
        members = members.filter(organisation_id__in=organisation_ids)
    # EXISTS rather than IN: PostgreSQL runs NOT IN over a large subquery row by row.
    is_current = Exists(members.filter(organisation_id=OuterRef("pk")))
    organisations.filter(is_member=True).exclude(is_current).update(is_member=False)
    organisations.filter(is_current, is_member=False).update(is_member=True)


def refresh_clusters(on: datetime.date, cluster_ids: Collection[int]) -> None:
    """After a change to these clusters' memberships or status: their counts, and the flags
    of everyone who is or was their member (a subquery, so any number of members)."""
    refresh_member_counts(on, cluster_ids)
    members = Membership.objects.filter(cluster_id__in=cluster_ids).values("organisation_id")
    refresh_member_flags(on, members)
