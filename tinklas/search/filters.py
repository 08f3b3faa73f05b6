"""The part every searchable list shares: the `q` and `sort` parameters, and ordering by
relevance (name matches first, then alphabetical, identical on every engine)."""

from __future__ import annotations

from typing import Any, ClassVar

import django_filters
from django.core.paginator import Page
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tinklas.common.pages import query_without
from tinklas.search.engines import among_ids
from tinklas.search.index import Search


class SearchableFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))

    # Set by subclasses: the index kind, and each sort choice's ordering.
    search_kind: ClassVar[str]
    orderings: ClassVar[dict[str, list[str]]] = {"name": ["name", "pk"]}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The ids the search matched, fetched once however many queries use them.
        self.matched_ids: list[int] | None = None

    @property
    def search_query(self) -> Search:
        valid = self.is_bound and self.form.is_valid()
        return Search.parse(self.form.cleaned_data.get("q") or "" if valid else "")

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        search = Search.parse(value)
        if not search:
            return queryset
        # Fetching the matches first, rather than joining the full-text query into the list
        # query, keeps each engine's planner from testing the text row by row, and lets the
        # count, the page and the facets reuse them.
        if self.matched_ids is None:
            self.matched_ids = search.matching_ids(self.search_kind)
        return queryset.filter(among_ids(queryset.model, self.matched_ids))

    def keep(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        """For `sort`: ordering is applied in filter_queryset, after every filter."""
        return queryset

    def sort_choice(self) -> str:
        """The sort the visitor chose; relevance (the form's first choice) by default. Without
        search words relevance means alphabetical."""
        chosen = self.form.cleaned_data.get("sort") if self.form.is_valid() else None
        return chosen or "relevance"

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        queryset = super().filter_queryset(queryset)
        sort, search = self.sort_choice(), self.search_query
        if sort == "relevance" and search:
            return queryset.annotate(
                name_hit=Case(
                    When(pk__in=search.name_matches(self.search_kind), then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            ).order_by("-name_hit", "name", "pk")
        return queryset.order_by(*self.orderings.get(sort, self.orderings["name"]))


def search_list_context(
    request: HttpRequest, filterset: SearchableFilterSet, page: Page[Any], filters: list[str]
) -> dict[str, Any]:
    """What every searchable list page shows besides its rows: the query, whether it had
    words to search for, the values ignored as unknown, and links without the filters."""
    search = filterset.search_query
    return {
        "filterset": filterset,
        "page": page,
        "query": request.GET.get("q", "")[:200],
        "search_was_empty": bool(request.GET.get("q", "").strip()) and not search,
        "ignored_filters": [str(filterset.filters[name].label) for name in filterset.form.errors],
        "active_filters": any(request.GET.getlist(name) for name in filters) or bool(search),
        "clear_query": query_without(request.GET, *filters),
        "page_query": query_without(request.GET),
        "sort": filterset.sort_choice(),
    }
