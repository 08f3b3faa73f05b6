"""Filters of organisation lists: one FilterSet for the page and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import IntegerField, QuerySet, Value
from django.db.models.expressions import Case, When
from django.utils.translation import gettext_lazy as _

from tinklas.organisations.models import Organisation
from tinklas.organisations.sizes import SizeClass
from tinklas.search.index import Search
from tinklas.taxonomy.models import Region

KIND = "organisation"


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.MultipleChoiceFilter(choices=Organisation.Kind.choices, label=_("Kind"))
    size = django_filters.MultipleChoiceFilter(
        field_name="size_class", choices=SizeClass.choices, label=_("Size class")
    )
    county = django_filters.ModelMultipleChoiceFilter(
        field_name="municipality__parent__code",
        to_field_name="code",
        queryset=Region.objects.filter(kind=Region.Kind.COUNTY),
        label=_("County"),
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

    @property
    def search_query(self) -> Search:
        valid = self.is_bound and self.form.is_valid()
        return Search.parse(self.form.cleaned_data.get("q") or "" if valid else "")

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        search = Search.parse(value)
        return queryset.filter(search.matches(KIND)) if search else queryset

    def filter_activity(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        code = value.strip().upper()[:5]
        if not code:
            return queryset
        if code.isalpha():
            return queryset.filter(main_activity__section=code)
        return queryset.filter(main_activity__code__startswith=code)

    def keep(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset  # ordering is applied in filter_queryset, after every filter

    def sort_value(self) -> str:
        chosen = self.form.cleaned_data.get("sort") if self.form.is_valid() else None
        return chosen or ("relevance" if self.search_query else "name")

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        queryset = super().filter_queryset(queryset)
        search = self.search_query
        if self.sort_value() == "relevance" and search:
            return queryset.annotate(
                name_hit=Case(
                    When(pk__in=search.name_matches(KIND), then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            ).order_by("-name_hit", "name", "pk")
        return queryset.order_by("name", "pk")
