"""Clusters, their members and labels; who manages each cluster; applications of new
clusters; imports of member lists. One module per concern, all re-exported here."""

from tinklas.clusters.models.application import (
    ApplicationMember,
    ClusterApplication,
    EligibilityCriteria,
)
from tinklas.clusters.models.imports import ImportRun
from tinklas.clusters.models.registry import (
    EXPIRING_WITHIN,
    Cluster,
    ClusterQuerySet,
    Label,
    LabelQuerySet,
    LabelStatus,
    Maturity,
    Membership,
)
from tinklas.clusters.models.team import ClusterManagerRole, Invitation, InvitationQuerySet

__all__ = [
    "EXPIRING_WITHIN",
    "ApplicationMember",
    "Cluster",
    "ClusterApplication",
    "ClusterManagerRole",
    "ClusterQuerySet",
    "EligibilityCriteria",
    "ImportRun",
    "Invitation",
    "InvitationQuerySet",
    "Label",
    "LabelQuerySet",
    "LabelStatus",
    "Maturity",
    "Membership",
]
