from __future__ import annotations

import datetime

from django import template

from tinklas.common.partial_dates import shown_partial_date

register = template.Library()


@register.filter
def partial_date(day: datetime.date | None, precision: str) -> str:
    """{{ cluster.founded_on|partial_date:cluster.founded_precision }}: "2011", "c. 2006",
    "October 2014" or the full date, in the page's language."""
    return shown_partial_date(day, precision)
