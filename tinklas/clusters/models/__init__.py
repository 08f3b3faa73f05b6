"""Clusters, their members and labels; who manages each cluster. One module per concern, all
re-exported here."""

from tinklas.clusters.models.clusters import PROFILE_FIELDS, Cluster, ClusterQuerySet, Maturity
from tinklas.clusters.models.labels import (
    EXPIRING_WITHIN,
    FIRST_LABEL_YEAR,
    Label,
    LabelQuerySet,
    LabelStatus,
    label_dates_from_year,
)
from tinklas.clusters.models.memberships import (
    OPEN_MEMBERSHIP,
    Membership,
    MembershipQuerySet,
    public_organisations,
)
from tinklas.clusters.models.team import ClusterManagerRole, Invitation, InvitationQuerySet

__all__ = [
    "EXPIRING_WITHIN",
    "FIRST_LABEL_YEAR",
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
    "label_dates_from_year",
    "public_organisations",
]
