"""Marks the registry as changed whenever anything the key figures are computed from is
saved or deleted, so that cached figures are never stale (see common/versions.py)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from tinklas.clusters.models import Cluster, Label, Membership
from tinklas.common import versions
from tinklas.network.figures import REGISTRY
from tinklas.network.models import Network, NetworkMembership
from tinklas.organisations.models import Organisation
from tinklas.search import index


def registry_changed(sender: type, **kwargs: Any) -> None:
    if not index.is_suspended():  # bulk work bumps once at its end
        versions.bump(REGISTRY)


def connect() -> None:
    for model in (Cluster, Label, Membership, Network, NetworkMembership, Organisation):
        post_save.connect(registry_changed, sender=model, dispatch_uid=f"registry-{model.__name__}")
        post_delete.connect(
            registry_changed, sender=model, dispatch_uid=f"registry-delete-{model.__name__}"
        )
    m2m_changed.connect(
        registry_changed, sender=Cluster.sectors.through, dispatch_uid="registry-sectors"
    )
