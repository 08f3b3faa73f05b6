"""A person's data held by the applications app: the applications they made (see
tinklas/accounts/privacy.py)."""

from __future__ import annotations

from typing import Any

from tinklas.accounts import privacy
from tinklas.accounts.models import User
from tinklas.applications.models import ClusterApplication


def export(user: User) -> list[dict[str, Any]]:
    applications = ClusterApplication.objects.filter(applicant=user).order_by("created_at")
    return [
        {
            "cluster_name": application.name,
            "status": application.status,
            "created": application.created_at,
            "submitted": application.submitted_at,
            "decided": application.decided_at,
            "contact_person": application.contact_person,
            "contact_email": application.contact_email,
            "contact_phone": application.contact_phone,
        }
        for application in applications
    ]


def erase(user: User) -> None:
    """One model instance at a time, so that the audit log records each change."""
    # Drafts were never sent to the network; submitted and decided applications are part of
    # the registry's history and stay without their applicant.
    for application in ClusterApplication.objects.filter(applicant=user):
        if application.status == ClusterApplication.Status.DRAFT:
            application.delete()
        else:
            application.applicant = None
            application.save(update_fields=["applicant"])


def register() -> None:
    privacy.register_section("applications", export=export, erase=erase)
