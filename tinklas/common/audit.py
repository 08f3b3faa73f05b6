"""Which models are audited, registered in one place: every create, update and delete of
them is logged with its actor, time, request id and field changes (django-auditlog)."""

from __future__ import annotations

from auditlog.registry import auditlog
from django.apps import apps

# Model: fields left out of the log (derived or bookkeeping) and many-to-many fields logged.
AUDITED: dict[str, tuple[list[str], list[str]]] = {
    "taxonomy.Sector": ([], ["ecosystems"]),
    "taxonomy.Ecosystem": ([], []),
    "organisations.Organisation": (["is_member", "size_class", "updated_at"], ["other_activities"]),
    # The application a cluster came from is logged on the application's side; the staff
    # note is never published, and a cluster's history is shown to its managers.
    "clusters.Cluster": (
        ["member_count", "updated_at", "application", "staff_note"],
        ["sectors", "ecosystems"],
    ),
    "clusters.Membership": ([], []),
    "clusters.Label": ([], []),
    "clusters.ClusterManagerRole": ([], []),
    "clusters.Invitation": (["token_digest"], []),
    "applications.ClusterApplication": (["updated_at"], ["sectors", "ecosystems"]),
    "applications.ApplicationMember": ([], []),
    "applications.EligibilityCriteria": ([], []),
    "organisations.OrganisationRepresentative": ([], []),
    "network.Network": ([], []),
    "network.NetworkMembership": ([], []),
    "network.GovernancePosition": ([], []),
    "network.AlliancePartner": ([], []),
    "accounts.ApiToken": (["key_digest", "last_used_at"], []),
}


def register_audited_models() -> None:
    for label, (excluded, many_to_many) in AUDITED.items():
        model = apps.get_model(label)
        if not auditlog.contains(model):
            auditlog.register(model, exclude_fields=excluded, m2m_fields=set(many_to_many))
