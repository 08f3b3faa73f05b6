"""Clusters, their members and labels; who manages each cluster. One module per concern, all
re-exported here."""

from tinklas.clusters.models.registry import (
    EXPIRING_WITHIN,
    OPEN_MEMBERSHIP,
    PROFILE_FIELDS,
    Cluster,
    ClusterQuerySet,
    Label,
    LabelQuerySet,
    LabelStatus,
    Maturity,
    Membership,
    MembershipQuerySet,
    public_organisations,
)
from tinklas.clusters.models.team import ClusterManagerRole, Invitation, InvitationQuerySet

__all__ = [
    "EXPIRING_WITHIN",
    "OPEN_MEMBERSHIP",
    "PROFILE_FIELDS",
    "Cluster",
    "ClusterManagerRole",
    "ClusterQuerySet",
    "Invitation",
    "InvitationQuerySet",
    "Label",
    "LabelQuerySet",
    "LabelStatus",
    "Maturity",
    "Membership",
    "MembershipQuerySet",
    "public_organisations",
]
