"""The cluster's search document — names, descriptions, technologies and the names of its
current members — and keeping it current when the cluster, a membership or a member
organisation changes (see organisations/indexing.py for why signals)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.db.models.signals import post_delete, post_save

from tinklas.clusters.member_counts import refresh_cluster
from tinklas.clusters.models import Cluster, Membership
from tinklas.common.text import translations
from tinklas.organisations.models import Organisation
from tinklas.search import index

KIND = "cluster"


def cluster_document(cluster: Cluster, member_names: list[str]) -> index.Document:
    return index.Document(
        kind=KIND,
        object_id=cluster.pk,
        name_text=" ".join([*translations(cluster, "name"), cluster.acronym]),
        body_text=" ".join(
            [
                *translations(cluster, "description"),
                cluster.technologies,
                *member_names,
            ]
        ),
    )


def current_member_names(cluster_id: int) -> list[str]:
    return list(
        Membership.objects.current_on(datetime.date.today())
        .filter(cluster_id=cluster_id)
        .values_list("organisation__name", flat=True)
    )


def reindex_clusters(cluster_ids: list[int]) -> None:
    if index.is_suspended():
        return
    clusters = Cluster.objects.filter(pk__in=cluster_ids)
    index.index_documents(
        cluster_document(cluster, current_member_names(cluster.pk)) for cluster in clusters
    )


def all_documents() -> Iterator[index.Document]:
    names: dict[int, list[str]] = {}
    current = Membership.objects.current_on(datetime.date.today())
    for cluster_id, name in current.values_list("cluster_id", "organisation__name").iterator(
        chunk_size=5000
    ):
        names.setdefault(cluster_id, []).append(name)
    for cluster in Cluster.objects.iterator(chunk_size=500):
        yield cluster_document(cluster, names.get(cluster.pk, []))


def on_cluster_saved(sender: type, instance: Cluster, **kwargs: Any) -> None:
    if index.is_suspended():
        return
    reindex_clusters([instance.pk])
    refresh_cluster(datetime.date.today(), instance.pk)  # its status decides who is public


def on_cluster_deleted(sender: type, instance: Cluster, **kwargs: Any) -> None:
    if index.is_suspended():
        return
    index.remove_documents(KIND, [instance.pk])


def on_membership_changed(sender: type, instance: Membership, **kwargs: Any) -> None:
    if index.is_suspended():
        return
    reindex_clusters([instance.cluster_id])
    refresh_cluster(datetime.date.today(), instance.cluster_id)


def on_organisation_saved(sender: type, instance: Organisation, **kwargs: Any) -> None:
    if index.is_suspended():
        return
    # The clusters it belongs to list its name.
    cluster_ids = list(instance.memberships.values_list("cluster_id", flat=True).distinct())
    if cluster_ids:
        reindex_clusters(cluster_ids)


def connect() -> None:
    post_save.connect(on_cluster_saved, sender=Cluster, dispatch_uid="cluster-index")
    post_delete.connect(on_cluster_deleted, sender=Cluster, dispatch_uid="cluster-unindex")
    post_save.connect(on_membership_changed, sender=Membership, dispatch_uid="membership-index")
    post_delete.connect(on_membership_changed, sender=Membership, dispatch_uid="membership-unindex")
    post_save.connect(
        on_organisation_saved, sender=Organisation, dispatch_uid="organisation-clusters-index"
    )


def rebuild_index() -> None:
    """Rebuilds every entry; for after bulk loads that bypass the models' signals."""
    from tinklas.organisations import indexing as organisation_indexing

    for kind, documents in (
        (organisation_indexing.KIND, organisation_indexing.all_documents),
        (KIND, all_documents),
    ):
        index.clear(kind)
        index.bulk_index_documents(documents())
