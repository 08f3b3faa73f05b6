"""A person's data held by the organisations app: the organisations they represent (see
tinklas/accounts/privacy.py)."""

from __future__ import annotations

from typing import Any

from tinklas.accounts import privacy
from tinklas.accounts.models import User
from tinklas.organisations.models import OrganisationRepresentative


def export(user: User) -> dict[str, Any]:
    representations = OrganisationRepresentative.objects.filter(user=user).select_related(
        "organisation"
    )
    return {
        "organisations_represented": [
            {"organisation": item.organisation.name, "since": item.granted_at}
            for item in representations
        ]
    }


def erase(user: User) -> None:
    """One at a time, so that the audit log records each removal; the organisations stay."""
    for representation in OrganisationRepresentative.objects.filter(user=user):
        representation.delete()


def register() -> None:
    privacy.register_section("organisations", export=export, erase=erase)
