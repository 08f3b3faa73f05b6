"""Helpers shared by list pages: safe pagination, query-string editing, JSON-LD."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.safestring import SafeString

from tinklas.common.requests import HtmxHttpRequest

MAX_PAGE = 100_000


def page_number(raw_page: str | None) -> int:
    """Anything that is not a page number means the first page."""
    try:
        number = int(str(raw_page or "1").strip()[:7])
    except ValueError:
        number = 1
    return max(1, min(number, MAX_PAGE))


def page_of(queryset: QuerySet[Any], raw_page: str | None, per_page: int) -> Page[Any]:
    """The requested page; a number past the end gives the last page."""
    return Paginator(queryset, per_page).get_page(page_number(raw_page))


# Searched results up to this size are paged by their ordered ids (OrderedRows).
ORDERED_IDS_UP_TO = 50_000


class OrderedRows(Sequence[Any]):
    """A searched result of up to some thousands of rows, read for a paginator in two cheap
    queries instead of a count and an ordered page, which each scan the matches: the ordered
    ids (which give the count) once, then each page's rows by id."""

    def __init__(self, queryset: QuerySet[Any], ordered_ids: list[Any]) -> None:
        # The rows are read by id alone: the search and filters already chose them. Only the
        # joins and prefetches the page needs are kept.
        rows = queryset.model._default_manager.all()
        rows.query.select_related = queryset.query.select_related
        prefetches = getattr(queryset, "_prefetch_related_lookups", ())  # not public API
        self.rows = rows.prefetch_related(*prefetches)
        self.ordered_ids = ordered_ids

    def __len__(self) -> int:
        return len(self.ordered_ids)

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        wanted = self.ordered_ids[index]
        found = {row.pk: row for row in self.rows.filter(pk__in=wanted).order_by()}
        return [found[pk] for pk in wanted if pk in found]


def page_of_ordered_ids(
    queryset: QuerySet[Any], raw_page: str | None, per_page: int, related: list[str]
) -> Page[Any]:
    """The same page as page_of, for a searched result of up to ORDERED_IDS_UP_TO rows."""
    ids = list(queryset.values_list("pk", flat=True))
    rows = OrderedRows(queryset.select_related(*related), ids)
    return Paginator(rows, per_page).get_page(page_number(raw_page))


def query_without(query: QueryDict, *names: str, **replace: str) -> str:
    """The query string with some parameters removed or replaced (and the page reset)."""
    result = query.copy()
    for name in (*names, "page"):
        result.pop(name, None)
    for name, value in replace.items():
        result[name] = value
    return result.urlencode()


def json_ld(data: dict[str, Any]) -> SafeString:
    """A schema.org JSON-LD block; <, > and & are escaped so text cannot close the tag."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))


def list_template(request: HtmxHttpRequest, template: str) -> str:
    """The whole page, or only its results partial when htmx asks for an update."""
    if request.htmx and not request.htmx.boosted:
        return f"{template}#results"
    return template
