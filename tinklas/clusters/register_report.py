"""The staff report comparing the member organisations with the register of legal entities:
names or legal forms that differ from the register's, members being reorganised,
liquidated, bankrupt or deregistered (with the clusters they belong to), and members the
register does not know.

Members are the current members of published clusters (Organisation.is_member) of the
register's country. Each is read once with its register entry beside it, so the page's
queries do not grow with the members; the lists are capped, the counts are not."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tinklas.clusters.models import Membership
from tinklas.common.access import permission_required
from tinklas.organisations.models import LegalEntity, Organisation
from tinklas.organisations.register.lookup import REGISTER_COUNTRY, same_legal_form, same_name

VIEW_REPORT = "clusters.view_register_report"
LISTED = 500  # rows shown per list; the counts cover every member
TROUBLED = [
    LegalEntity.Status.REORGANISATION,
    LegalEntity.Status.LIQUIDATION,
    LegalEntity.Status.BANKRUPTCY,
    LegalEntity.Status.DEREGISTERED,
]
REGISTER_FIELDS = ["name", "legal_form", "status", "status_name", "status_since"]


@dataclass
class Comparison:
    differing: list[dict[str, Any]] = field(default_factory=list)
    differing_count: int = 0
    troubled: list[dict[str, Any]] = field(default_factory=list)
    troubled_count: int = 0
    not_found: list[dict[str, Any]] = field(default_factory=list)
    not_found_count: int = 0
    without_code: int = 0
    compared: int = 0


def compare_members() -> Comparison:
    comparison = Comparison()
    entry = LegalEntity.objects.filter(code=OuterRef("company_code"))
    members = (
        Organisation.objects.current_members()
        .filter(country=REGISTER_COUNTRY)
        .annotate(
            in_register=Exists(entry),
            **{f"register_{name}": Subquery(entry.values(name)[:1]) for name in REGISTER_FIELDS},
        )
        .order_by("name", "pk")
        .values(
            "pk",
            "name",
            "slug",
            "legal_form",
            "company_code",
            "in_register",
            *[f"register_{name}" for name in REGISTER_FIELDS],
        )
    )
    for member in members.iterator(chunk_size=2000):
        if not member["company_code"]:
            comparison.without_code += 1
            continue
        if not member["in_register"]:
            comparison.not_found_count += 1
            if len(comparison.not_found) < LISTED:
                comparison.not_found.append(member)
            continue
        comparison.compared += 1
        member["name_differs"] = not same_name(member["name"], member["register_name"])
        member["legal_form_differs"] = not same_legal_form(
            member["legal_form"], member["register_legal_form"]
        )
        if member["name_differs"] or member["legal_form_differs"]:
            comparison.differing_count += 1
            if len(comparison.differing) < LISTED:
                comparison.differing.append(member)
        if member["register_status"] in TROUBLED:
            comparison.troubled_count += 1
            if len(comparison.troubled) < LISTED:
                comparison.troubled.append(member)
    return comparison


def add_clusters(members: list[dict[str, Any]], today: datetime.date) -> None:
    """Each member's current memberships of published clusters, as `memberships`."""
    memberships = defaultdict(list)
    found = (
        Membership.objects.current_on(today)
        .of_published_clusters()
        .filter(organisation_id__in=[member["pk"] for member in members])
        .select_related("cluster")
        .order_by("cluster__name")
    )
    for membership in found:
        memberships[membership.organisation_id].append(membership)
    for member in members:
        member["memberships"] = memberships[member["pk"]]


@permission_required(VIEW_REPORT)
def report(request: HttpRequest) -> HttpResponse:
    latest_extract = LegalEntity.objects.aggregate(latest=Max("extract_date"))["latest"]
    comparison = compare_members() if latest_extract else Comparison()
    add_clusters(comparison.troubled, timezone.localdate())
    statuses = dict(LegalEntity.Status.choices)
    for member in comparison.troubled:
        member["register_status_label"] = statuses.get(member["register_status"], "")
    return render(
        request,
        "clusters/register_report.html",
        {
            "latest_extract": latest_extract,
            "comparison": comparison,
            "listed": LISTED,
            # Members without an entry matter only where the register is the country's own.
            "counts_missing": settings.TINKLAS_COUNTRY == REGISTER_COUNTRY,
        },
    )
