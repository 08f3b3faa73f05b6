"""What a cluster's public profile shows about its members, and its schema.org data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models import Cluster, Membership
from tinklas.common.pages import json_ld
from tinklas.organisations.models import Organisation
from tinklas.organisations.sizes import SizeClass

SHOWN_PER_GROUP = 30

# (kind, size class, heading): companies by size class, then the other kinds.
GROUPS = [
    (Organisation.Kind.COMPANY, SizeClass.LARGE, _("Large companies")),
    (Organisation.Kind.COMPANY, SizeClass.MEDIUM, _("Medium-sized companies")),
    (Organisation.Kind.COMPANY, SizeClass.SMALL, _("Small companies")),
    (Organisation.Kind.COMPANY, SizeClass.MICRO, _("Micro companies")),
    (Organisation.Kind.COMPANY, "", _("Companies of unknown size")),
    (Organisation.Kind.RESEARCH, "", _("Research organisations and universities")),
    (Organisation.Kind.PUBLIC_BODY, "", _("Public bodies")),
    (Organisation.Kind.ASSOCIATION, "", _("Associations and NGOs")),
    (Organisation.Kind.OTHER, "", _("Other organisations")),
]


@dataclass
class MemberGroup:
    kind: str
    size_class: str
    heading: str
    total: int
    members: list[Membership] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.total - len(self.members)


def member_groups(cluster: Cluster, today: datetime.date) -> list[MemberGroup]:
    """Current members grouped by kind (companies by size class), each group with its total
    and its first members by name; large clusters list the rest in the directory."""
    current = Membership.objects.current_on(today).filter(cluster=cluster)
    totals = {
        (kind, size): total
        for kind, size, total in current.values_list(
            "organisation__kind", "organisation__size_class"
        )
        .annotate(total=Count("pk"))
        .order_by()
    }
    groups = []
    for kind, size_class, heading in GROUPS:
        total = totals.get((kind, size_class), 0)
        if not total:
            continue
        members = list(
            current.filter(organisation__kind=kind, organisation__size_class=size_class)
            .select_related("organisation")
            .order_by("organisation__name")[:SHOWN_PER_GROUP]
        )
        groups.append(MemberGroup(kind, size_class, str(heading), total, members))
    return groups


def profile_json_ld(
    request: HttpRequest, cluster: Cluster, groups: list[MemberGroup]
) -> SafeString:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": cluster.name,
        "alternateName": cluster.acronym or None,
        "url": request.build_absolute_uri(),
        "description": cluster.description,
        "foundingDate": cluster.founded_on.isoformat() if cluster.founded_on else None,
        "sameAs": cluster.website or None,
        "email": cluster.contact_email or None,
        "address": {
            "@type": "PostalAddress",
            "addressRegion": cluster.municipality.name if cluster.municipality else None,
            "addressCountry": cluster.municipality.country if cluster.municipality else None,
        },
        "member": [
            {
                "@type": "Organization",
                "name": membership.organisation.name,
                "url": request.build_absolute_uri(
                    reverse("organisation-detail", args=[membership.organisation.slug])
                ),
            }
            for group in groups
            for membership in group.members
        ],
        "memberOf": [
            {
                "@type": "Organization",
                "name": str(network_membership.network),
                "url": request.build_absolute_uri(reverse("network")),
            }
            for network_membership in cluster.network_memberships.all()
            if network_membership.left_on is None
        ],
    }
    return json_ld({key: value for key, value in data.items() if value not in (None, [])})
