"""Filters of organisation lists: one FilterSet for the page and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tinklas.organisations.models import Organisation
from tinklas.organisations.sizes import SizeClass
from tinklas.search.filters import SearchableFilterSet
from tinklas.taxonomy.models import Region


class OrganisationFilter(SearchableFilterSet):
    search_kind = "organisation"

    kind = django_filters.MultipleChoiceFilter(choices=Organisation.Kind.choices, label=_("Kind"))
    size = django_filters.MultipleChoiceFilter(
        field_name="size_class", choices=SizeClass.choices, label=_("Size class")
    )
    county = django_filters.ModelMultipleChoiceFilter(
        to_field_name="code",
        queryset=Region.objects.filter(kind=Region.Kind.COUNTY),
        label=_("County"),
        method="filter_county",
    )
    activity = django_filters.CharFilter(
        method="filter_activity",
        label=_("NACE activity code"),
        help_text=_("A section letter or a code or its beginning, such as 62 or 62.1."),
    )
    sort = django_filters.ChoiceFilter(
        choices=[("relevance", _("relevance")), ("name", _("name"))],
        method="keep",
        label=_("Sort by"),
        empty_label=None,
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "size", "county", "activity", "sort"]

    def filter_county(
        self, queryset: QuerySet[Any], name: str, counties: list[Region]
    ) -> QuerySet[Any]:
        if not counties:
            return queryset
        # The counties' municipalities as plain ids: no join, and the database can estimate
        # how many organisations they hold.
        municipalities = list(
            Region.objects.filter(parent__in=counties).values_list("pk", flat=True)
        )
        return queryset.filter(municipality_id__in=municipalities)

    def filter_activity(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        code = value.strip().upper()[:5]
        if not code:
            return queryset
        if code.isalpha():
            return queryset.filter(main_activity__section=code)
        return queryset.filter(main_activity__code__startswith=code)
