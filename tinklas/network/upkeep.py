"""Marks the registry as changed whenever anything the key figures or the open-data download
are computed from is saved or deleted, so that neither is ever stale (see
common/versions.py): at once after an ordinary save, once at the end of a bulk change
(common/derived.py)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from tinklas.clusters.models import Cluster, Label, Membership
from tinklas.common import derived, versions
from tinklas.network.figures import REGISTRY
from tinklas.network.models import Network, NetworkMembership
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import Ecosystem, NaceActivity, Region, Sector


def registry_changed(sender: type, **kwargs: Any) -> None:
    if not derived.defer(REGISTRY):
        versions.bump(REGISTRY)


def after_bulk_change(changes: derived.Changes) -> None:
    # Whatever a bulk change recorded is part of the registry: the other kinds are recorded
    # by signals of the same models (clusters, memberships, organisations).
    if changes:
        versions.bump(REGISTRY)


def connect() -> None:
    derived.register(after_bulk_change)
    models = (Cluster, Label, Membership, Network, NetworkMembership, Organisation)
    vocabularies = (Sector, Ecosystem, Region, NaceActivity)
    for model in models + vocabularies:
        post_save.connect(registry_changed, sender=model, dispatch_uid=f"registry-{model.__name__}")
        post_delete.connect(
            registry_changed, sender=model, dispatch_uid=f"registry-delete-{model.__name__}"
        )
    for relation in (
        Cluster.sectors,
        Cluster.ecosystems,
        Organisation.other_activities,
        Sector.ecosystems,
    ):
        through = relation.through
        m2m_changed.connect(
            registry_changed, sender=through, dispatch_uid=f"registry-{through.__name__}"
        )
