"""The cluster directory's filters: one FilterSet for the page and the API."""

from __future__ import annotations

import datetime
from typing import Any

import django_filters
from django.db.models import (
    Exists,
    OuterRef,
    Q,
    QuerySet,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models import Cluster, Label, Maturity, Membership
from tinklas.organisations.filters import OrganisationFilter
from tinklas.organisations.models import Organisation
from tinklas.search.filters import SearchableFilterSet
from tinklas.taxonomy.models import Ecosystem, Region, Sector

# Bands of current member count; 15 is the European Cluster Collaboration Platform minimum.
MEMBER_BANDS = {
    "1-14": (1, 14),
    "15-49": (15, 49),
    "50-199": (50, 199),
    "200+": (200, None),
}
MEMBER_BAND_CHOICES = [(band, band.replace("-", "–")) for band in MEMBER_BANDS]

LABEL_CHOICES = [
    ("any", _("any valid label")),
    (Label.Kind.BRONZE, _("Bronze")),
    (Label.Kind.SILVER, _("Silver")),
    (Label.Kind.GOLD, _("Gold")),
]

SORT_CHOICES = [
    ("relevance", _("relevance")),
    ("name", _("name")),
    ("members", _("most members")),
    ("founded", _("newest")),
    ("oldest", _("oldest")),
]


def labels_in_force(kind: str, on: datetime.date) -> Exists:
    labels = Label.objects.in_force_on(on).filter(cluster=OuterRef("pk"))
    if kind != "any":
        labels = labels.filter(kind=kind)
    return Exists(labels)


class ClusterFilter(SearchableFilterSet):
    search_kind = "cluster"
    orderings = {
        "name": ["name", "pk"],
        "members": ["-member_count", "name", "pk"],
        "founded": ["-founded_on", "name", "pk"],
        "oldest": ["founded_on", "name", "pk"],
    }

    sector = django_filters.ModelMultipleChoiceFilter(
        field_name="sectors__slug",
        to_field_name="slug",
        queryset=Sector.objects.all(),
        label=_("Field"),
        distinct=True,
    )
    ecosystem = django_filters.ModelMultipleChoiceFilter(
        field_name="ecosystems__slug",
        to_field_name="slug",
        queryset=Ecosystem.objects.all(),
        label=_("EU industrial ecosystem"),
        distinct=True,
    )
    county = django_filters.ModelMultipleChoiceFilter(
        field_name="municipality__parent__code",
        to_field_name="code",
        queryset=Region.objects.filter(kind=Region.Kind.COUNTY),
        label=_("County"),
        distinct=False,  # a foreign-key path: no duplicate rows to remove
    )
    label = django_filters.MultipleChoiceFilter(
        choices=LABEL_CHOICES, method="filter_label", label=_("Label")
    )
    maturity = django_filters.MultipleChoiceFilter(choices=Maturity.choices, label=_("Maturity"))
    members = django_filters.MultipleChoiceFilter(
        choices=MEMBER_BAND_CHOICES, method="filter_members", label=_("Members")
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="keep", label=_("Sort by"), empty_label=None
    )

    class Meta:
        model = Cluster
        fields = ["q", "sector", "ecosystem", "county", "label", "maturity", "members", "sort"]

    def __init__(self, *args: Any, today: datetime.date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()

    def filter_label(
        self, queryset: QuerySet[Cluster], name: str, kinds: list[str]
    ) -> QuerySet[Cluster]:
        if not kinds:
            return queryset
        condition = Q()
        for kind in kinds:
            condition |= Q(labels_in_force(kind, self.today))
        return queryset.filter(condition)

    def filter_members(
        self, queryset: QuerySet[Cluster], name: str, bands: list[str]
    ) -> QuerySet[Cluster]:
        if not bands:
            return queryset
        condition = Q()
        for band in bands:
            low, high = MEMBER_BANDS[band]
            condition |= Q(member_count__gte=low) & (Q(member_count__lte=high) if high else Q())
        return queryset.filter(condition)


class MemberOrganisationFilter(OrganisationFilter):
    cluster = django_filters.ModelChoiceFilter(
        queryset=Cluster.objects.published(),
        to_field_name="slug",
        method="filter_cluster",
        label=_("Cluster"),
    )

    class Meta(OrganisationFilter.Meta):
        fields = [*OrganisationFilter.Meta.fields, "cluster"]

    def filter_cluster(
        self, queryset: QuerySet[Organisation], name: str, cluster: Cluster
    ) -> QuerySet[Organisation]:
        memberships = Membership.objects.current_on(timezone.localdate()).filter(
            organisation=OuterRef("pk"), cluster=cluster
        )
        return queryset.filter(Exists(memberships))
