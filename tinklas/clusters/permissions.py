"""Who may do what with a cluster: network staff everything, its managers their own
cluster. The table in docs/permissions.md lists every page and action per role."""

from __future__ import annotations

import rules
from django.utils import timezone

from tinklas.accounts.models import User
from tinklas.accounts.permissions import is_network_staff
from tinklas.clusters.models import Cluster
from tinklas.organisations.models import Organisation
from tinklas.organisations.permissions import is_representative


@rules.predicate
def is_cluster_manager(user: User, cluster: Cluster | None) -> bool:
    if cluster is None or not user.is_authenticated:
        return False
    return cluster.manager_roles.filter(user=user).exists()


@rules.predicate
def manages_a_cluster_of(user: User, organisation: Organisation | None) -> bool:
    """The organisation is a current member of a cluster this person manages."""
    if organisation is None or not user.is_authenticated:
        return False
    return (
        organisation.memberships.current_on(timezone.localdate())
        .filter(cluster__manager_roles__user=user)
        .exists()
    )


cluster_staff_or_manager = is_network_staff | is_cluster_manager

EDIT_CLUSTER = "clusters.edit_cluster"
MANAGE_MEMBERS = "clusters.manage_members"
MANAGE_LABELS = "clusters.manage_labels"
# Registering clusters (the API's POST) and linking the coordinators sources named are the
# secretariat's work.
CREATE_CLUSTER = "clusters.create_cluster"
LINK_COORDINATORS = "clusters.link_coordinators"

rules.add_perm(EDIT_CLUSTER, cluster_staff_or_manager)
rules.add_perm(MANAGE_MEMBERS, cluster_staff_or_manager)
rules.add_perm("clusters.manage_team", cluster_staff_or_manager)
rules.add_perm("clusters.view_history", cluster_staff_or_manager)
rules.add_perm(
    "organisations.view_history", is_network_staff | is_representative | manages_a_cluster_of
)
rules.add_perm("clusters.view_register_report", is_network_staff)
# Labels are awarded by outside bodies (ESCA, EUCLES); the secretariat records them.
rules.add_perm(MANAGE_LABELS, is_network_staff)
rules.add_perm(CREATE_CLUSTER, is_network_staff)
rules.add_perm(LINK_COORDINATORS, is_network_staff)
