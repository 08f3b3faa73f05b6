"""Who may import what: a cluster's member list is the cluster's (clusters.manage_members);
the network's cluster list only network staff import."""

from __future__ import annotations

import rules

from tinklas.accounts.permissions import is_network_staff

IMPORT_CLUSTERS = "imports.import_clusters"
rules.add_perm(IMPORT_CLUSTERS, is_network_staff)
