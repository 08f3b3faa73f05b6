"""A cluster's public profile: its facts, labels, members grouped by kind and size, and its
schema.org data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from tinklas.accounts.permissions import is_network_staff
from tinklas.clusters.models import Cluster, Membership
from tinklas.common.pages import json_ld
from tinklas.common.partial_dates import iso_partial_date
from tinklas.organisations.models import Organisation
from tinklas.organisations.sizes import SizeClass

SHOWN_PER_GROUP = 15

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


@dataclass(frozen=True)
class Member:
    name: str
    slug: str
    role: str


@dataclass
class MemberGroup:
    kind: str
    size_class: str
    heading: str
    total: int = 0
    members: list[Member] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.total - len(self.members)


def member_groups(cluster: Cluster, today: datetime.date) -> list[MemberGroup]:
    """Current members grouped by kind (companies by size class), each group with its total
    and its first members by name; large clusters list the rest in the directory. One query
    of plain values, however many members."""
    groups = {
        (str(kind), str(size_class)): MemberGroup(str(kind), str(size_class), str(heading))
        for kind, size_class, heading in GROUPS
    }
    rows = (
        Membership.objects.current_on(today)
        .filter(cluster=cluster)
        .order_by("organisation__name")
        .values_list(
            "organisation__kind",
            "organisation__size_class",
            "organisation__name",
            "organisation__slug",
            "role",
        )
    )
    for kind, size_class, name, slug, role in rows:
        group = groups.get((kind, size_class if kind == Organisation.Kind.COMPANY else ""))
        if group is None:
            continue
        group.total += 1
        if len(group.members) < SHOWN_PER_GROUP:
            group.members.append(Member(name, slug, role))
    return [group for group in groups.values() if group.total]


def profile_json_ld(
    request: HttpRequest, cluster: Cluster, groups: list[MemberGroup]
) -> SafeString:
    # One URL resolution for all members: their pages differ only by slug.
    member_url = request.build_absolute_uri(reverse("clusters:organisation", args=["-slug-"]))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": cluster.name,
        "alternateName": cluster.acronym or None,
        "url": request.build_absolute_uri(),
        "description": cluster.description,
        # ISO 8601 cut to what is known: "2011" for a founding year, never 2011-01-01.
        "foundingDate": iso_partial_date(cluster.founded_on, cluster.founded_precision) or None,
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
                "name": member.name,
                "url": member_url.replace("-slug-", member.slug),
            }
            for group in groups
            for member in group.members
        ],
        "memberOf": [
            {
                "@type": "Organization",
                "name": str(network_membership.network),
                "url": request.build_absolute_uri(reverse("network:about")),
            }
            for network_membership in cluster.network_memberships.all()
            if network_membership.left_on is None
        ],
    }
    return json_ld({key: value for key, value in data.items() if value not in (None, [])})


def profile(request: HttpRequest, slug: str) -> HttpResponse:
    today = timezone.localdate()
    cluster = get_object_or_404(
        Cluster.objects.published()
        .select_related("coordinator", "municipality__parent")
        .prefetch_related("sectors", "ecosystems", "labels", "network_memberships"),
        slug=slug,
    )
    groups = member_groups(cluster, today)
    member_total = sum(group.total for group in groups)
    labels = [(label, label.status_on(today)) for label in cluster.labels.all()]
    network_membership = next(
        (item for item in cluster.network_memberships.all() if item.left_on is None), None
    )
    members_url = reverse("clusters:organisation-directory") + f"?cluster={cluster.slug}"
    return render(
        request,
        "clusters/profile.html",
        {
            "cluster": cluster,
            "groups": groups,
            "member_total": member_total,
            "labels": labels,
            "network_membership": network_membership,
            "members_url": members_url,
            "json_ld": profile_json_ld(request, cluster, groups),
            "today": today,
            # The staff note is the secretariat's; nobody else is sent it.
            "staff_note": cluster.staff_note if is_network_staff(request.user) else "",
        },
    )
