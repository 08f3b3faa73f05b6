"""Facet counts of the cluster directory: for each facet, how many clusters each value
would give with every other current filter applied (the standard faceted-search rule, so
that choosing a value in one facet never empties its own alternatives)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import get_language

from tinklas.clusters.filters import LABEL_CHOICES, MEMBER_BANDS, ClusterFilter
from tinklas.clusters.models import Cluster, Label, Maturity
from tinklas.common.text import collation_key
from tinklas.taxonomy.models import Ecosystem, Region, Sector

FACETS = ["sector", "ecosystem", "county", "label", "maturity", "members"]


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]

    @property
    def selected_count(self) -> int:
        return sum(value.selected for value in self.values)


def facets(data: QueryDict, filterset: ClusterFilter, today: datetime.date) -> list[Facet]:
    filterset.is_valid()  # validates once; invalid values are left out of cleaned_data
    cleaned = filterset.form.cleaned_data

    def filtered_without(facet: str) -> QuerySet[Cluster]:
        """The published clusters with every current filter but the facet's own (and the
        already validated values, so no form is built again)."""
        queryset = Cluster.objects.published()
        for name, value in cleaned.items():
            if name not in (facet, "sort"):
                queryset = filterset.filters[name].filter(queryset, value)
        return queryset.order_by()

    chosen = {name: set(data.getlist(name)) for name in FACETS}
    result: list[Facet] = []

    def facet(name: str, values: list[tuple[str, str, int]]) -> None:
        field = filterset.filters[name]
        result.append(
            Facet(
                name=name,
                label=str(field.label),
                values=[
                    FacetValue(value, label, count, value in chosen[name])
                    for value, label, count in values
                ],
            )
        )

    clusters = filtered_without("sector")
    sectors = Sector.objects.annotate(
        total=Count("clusters", filter=Q(clusters__in=clusters.values("pk")), distinct=True)
    )
    facet("sector", [(sector.slug, sector.name, sector.total) for sector in sectors])

    clusters = filtered_without("ecosystem")
    ecosystems = Ecosystem.objects.annotate(
        total=Count("clusters", filter=Q(clusters__in=clusters.values("pk")), distinct=True)
    )
    facet("ecosystem", [(item.slug, item.name, item.total) for item in ecosystems])

    clusters = filtered_without("county")
    counties = sorted(
        Region.objects.filter(kind=Region.Kind.COUNTY).annotate(
            total=Count(
                "children__clusters",
                filter=Q(children__clusters__in=clusters.values("pk")),
                distinct=True,
            )
        ),
        key=lambda county: collation_key(county.name, get_language()),
    )
    facet("county", [(county.code, county.name, county.total) for county in counties])

    clusters = filtered_without("label")
    labels = Label.objects.in_force_on(today).filter(cluster__in=clusters.values("pk"))
    label_totals = labels.aggregate(
        **{
            kind: Count("cluster", distinct=True, filter=None if kind == "any" else Q(kind=kind))
            for kind, _label in LABEL_CHOICES
        }
    )
    facet("label", [(kind, str(label), label_totals[kind]) for kind, label in LABEL_CHOICES])

    clusters = filtered_without("maturity")
    maturity_totals = dict(
        clusters.values_list("maturity")
        .annotate(total=Count("pk"))
        .values_list("maturity", "total")
    )
    facet(
        "maturity",
        [(value, str(label), maturity_totals.get(value, 0)) for value, label in Maturity.choices],
    )

    clusters = filtered_without("members")
    band_totals = clusters.aggregate(
        **{
            f"band_{index}": Count(
                "pk",
                filter=Q(member_count__gte=low) & (Q(member_count__lte=high) if high else Q()),
            )
            for index, (low, high) in enumerate(MEMBER_BANDS.values())
        }
    )
    facet(
        "members",
        [
            (band, band.replace("-", "–"), band_totals[f"band_{index}"])
            for index, band in enumerate(MEMBER_BANDS)
        ],
    )
    return result
