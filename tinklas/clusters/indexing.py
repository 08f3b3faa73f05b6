"""The cluster's search document: names, descriptions, technologies and the names of its
current members. Kept current by clusters/derived.py."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from tinklas.clusters.models import Cluster, Membership
from tinklas.common.text import translations
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


def current_member_names(cluster_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """The names of today's members by cluster, read in one query for any number of
    clusters (all of them when not given)."""
    current = Membership.objects.current_on(timezone.localdate())
    if cluster_ids is not None:
        current = current.filter(cluster_id__in=list(cluster_ids))
    names: dict[int, list[str]] = {}
    rows = current.values_list("cluster_id", "organisation__name").iterator(chunk_size=5000)
    for cluster_id, name in rows:
        names.setdefault(cluster_id, []).append(name)
    return names


def reindex_clusters(cluster_ids: Iterable[int]) -> None:
    """Indexes the clusters that exist and removes the entries of those that do not (deleted
    within a bulk change)."""
    ids = set(cluster_ids)
    clusters = list(Cluster.objects.filter(pk__in=ids))
    names = current_member_names(ids)
    index.index_documents(
        cluster_document(cluster, names.get(cluster.pk, [])) for cluster in clusters
    )
    if deleted := ids - {cluster.pk for cluster in clusters}:
        index.remove_documents(KIND, deleted)


def rebuild_cluster_entries() -> None:
    """Every cluster's entry anew, for writers that bypassed the models' signals."""
    names = current_member_names()
    index.clear(KIND)
    index.bulk_index_documents(
        cluster_document(cluster, names.get(cluster.pk, []))
        for cluster in Cluster.objects.iterator(chunk_size=500)
    )
