"""Marks the registry as changed whenever anything the key figures or the open-data download
are computed from is saved or deleted, so that neither is ever stale (see
common/versions.py)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from tinklas.clusters.models import Cluster, Label, Membership
from tinklas.common import versions
from tinklas.network.figures import REGISTRY
from tinklas.network.models import Network, NetworkMembership
from tinklas.organisations.models import Organisation
from tinklas.search import index
from tinklas.taxonomy.models import Ecosystem, NaceActivity, Region, Sector


def registry_changed(sender: type, **kwargs: Any) -> None:
    if not index.is_suspended():  # bulk work bumps once at its end
        versions.bump(REGISTRY)


def connect() -> None:
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
