"""The clusters' derived data — member counts, membership flags and the clusters' search
entries — kept current by the mechanism of common/derived.py: after every save or delete of a
cluster, a membership or a member organisation, or once at the end of a bulk change; and every
night by the worker, when memberships dated in advance begin or end without any save.

Signals, although DESIGN.md rules them out for business rules: this is derived data, and the
models' signals are the one path that every writer takes (pages, admin, API, imports)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django_tasks import task

from tinklas.clusters.indexing import KIND, rebuild_cluster_entries, reindex_clusters
from tinklas.clusters.member_counts import (
    refresh_clusters,
    refresh_member_counts,
    refresh_member_flags,
)
from tinklas.clusters.models import Cluster, Membership
from tinklas.common import derived, schedule
from tinklas.organisations import indexing as organisation_indexing
from tinklas.organisations.models import Organisation
from tinklas.search import index

# A change of a cluster or of one of its memberships: its count, its members' flags and its
# entry follow. (A change of an organisation is recorded by organisations/indexing.py under
# its own kind; the clusters listing it are reindexed for its name.)
CLUSTERS = KIND
ORGANISATIONS = organisation_indexing.KIND


def after_bulk_change(changes: derived.Changes) -> None:
    today = timezone.localdate()
    if changes.touched_everything:
        refresh_member_counts(today)
        refresh_member_flags(today)
        rebuild_cluster_entries()
        return
    cluster_ids = changes.of(CLUSTERS)
    if cluster_ids:
        refresh_clusters(today, cluster_ids)
    listing: set[int] = set()
    if organisation_ids := changes.of(ORGANISATIONS):
        memberships = Membership.objects.filter(organisation_id__in=organisation_ids)
        listing = set(memberships.values_list("cluster_id", flat=True))
    if cluster_ids or listing:
        reindex_clusters(cluster_ids | listing)


def on_cluster_saved(sender: type, instance: Cluster, **kwargs: Any) -> None:
    if derived.defer(CLUSTERS, [instance.pk]):
        return
    reindex_clusters([instance.pk])
    refresh_clusters(timezone.localdate(), [instance.pk])  # its status decides who is public


def on_cluster_deleted(sender: type, instance: Cluster, **kwargs: Any) -> None:
    if derived.defer(CLUSTERS, [instance.pk]):
        return
    index.remove_documents(KIND, [instance.pk])


def on_membership_changed(sender: type, instance: Membership, **kwargs: Any) -> None:
    if derived.defer(CLUSTERS, [instance.cluster_id]):
        return
    reindex_clusters([instance.cluster_id])
    refresh_clusters(timezone.localdate(), [instance.cluster_id])


def on_organisation_saved(sender: type, instance: Organisation, **kwargs: Any) -> None:
    if derived.defer(ORGANISATIONS, [instance.pk]):
        return
    # The clusters it belongs to list its name.
    cluster_ids = list(instance.memberships.values_list("cluster_id", flat=True).distinct())
    if cluster_ids:
        reindex_clusters(cluster_ids)


def connect() -> None:
    derived.register(after_bulk_change)
    post_save.connect(on_cluster_saved, sender=Cluster, dispatch_uid="cluster-index")
    post_delete.connect(on_cluster_deleted, sender=Cluster, dispatch_uid="cluster-unindex")
    post_save.connect(on_membership_changed, sender=Membership, dispatch_uid="membership-index")
    post_delete.connect(on_membership_changed, sender=Membership, dispatch_uid="membership-unindex")
    post_save.connect(
        on_organisation_saved, sender=Organisation, dispatch_uid="organisation-clusters-index"
    )


# The nightly recount -----------------------------------------------------------------------


@task()
def recount_members(since: str) -> None:
    """Run by the worker just after each local midnight; `since` is the day it was scheduled
    on (ISO format). Enqueues the next night's run."""
    # First, so that a recount that fails does not end the nightly chain: the next run's
    # days begin with today, so it makes up for this one; the failure is recorded on this run.
    schedule_recount()
    recount_since(datetime.date.fromisoformat(since))


def recount_since(since: datetime.date) -> None:
    """Memberships dated in advance begin and end at midnight without any save. The clusters
    with such a membership from `since` to today (more than one night when the worker was
    stopped) are recorded as changed: their counts, their members' flags and the member names
    in their entries follow, and the registry's version is bumped, so that the day's open-data
    download carries the new counts. Every other cluster's counts did not change."""
    today = timezone.localdate()
    days = (min(since, today), today)
    starting_or_ending = Membership.objects.filter(
        Q(joined_on__range=days) | Q(left_on__range=days)
    )
    cluster_ids = set(starting_or_ending.values_list("cluster_id", flat=True))
    if cluster_ids:  # a quiet night changes nothing, not even the registry's version
        with derived.bulk_change() as change:
            change.add(CLUSTERS, cluster_ids)


def schedule_recount() -> bool:
    """Makes sure exactly one nightly recount waits in the queue, for the next local midnight;
    True if it enqueued one. Without a queue (TASKS_IMMEDIATE) nothing can wait: False."""
    if not schedule.can_wait(recount_members):
        return False
    since = timezone.localdate().isoformat()
    return schedule.ensure_one_waiting(recount_members, schedule.next_local_midnight(), since)
