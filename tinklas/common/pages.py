"""Helpers shared by list pages: safe pagination, query-string editing, JSON-LD."""

from __future__ import annotations

import json
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


def page_of_ordered_ids(
    queryset: QuerySet[Any], raw_page: str | None, per_page: int, related: list[str]
) -> Page[Any]:
    """The same page as page_of, for a result of a few thousand rows: one query reads the
    ordered ids (which also gives the count), a second reads the page's rows."""
    ids = list(queryset.values_list("pk", flat=True))
    page = Paginator(ids, per_page).get_page(page_number(raw_page))
    rows = queryset.model.objects.select_related(*related).in_bulk(list(page.object_list))
    page.object_list = [rows[pk] for pk in page.object_list]
    return page


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
