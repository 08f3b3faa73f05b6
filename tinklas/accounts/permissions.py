"""Predicates about the person alone. Roles on clusters and organisations live in those
apps' permissions modules."""

from __future__ import annotations

import rules

from tinklas.accounts.models import User


@rules.predicate
def is_network_staff(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


rules.add_perm("audit.view_log", is_network_staff)
rules.add_perm("clusters.review_applications", is_network_staff)
rules.add_perm("clusters.apply", rules.is_authenticated)
