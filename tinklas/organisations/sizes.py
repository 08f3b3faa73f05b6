"""Enterprise size classes under the EU SME definition (Commission Recommendation
2003/361/EC): staff headcount and either annual turnover or balance sheet total."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class SizeClass(models.TextChoices):
    MICRO = "micro", _("micro enterprise")
    SMALL = "small", _("small enterprise")
    MEDIUM = "medium", _("medium-sized enterprise")
    LARGE = "large", _("large enterprise")


SME_CLASSES = (SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM)

# (class, staff below, turnover at most EUR, balance sheet at most EUR), smallest first.
CEILINGS = [
    (SizeClass.MICRO, 10, Decimal(2_000_000), Decimal(2_000_000)),
    (SizeClass.SMALL, 50, Decimal(10_000_000), Decimal(10_000_000)),
    (SizeClass.MEDIUM, 250, Decimal(50_000_000), Decimal(43_000_000)),
]


def size_class_for(
    headcount: int | None, turnover: Decimal | None, balance_sheet: Decimal | None
) -> str:
    """The smallest class whose ceilings the enterprise stays within, or "" when the
    headcount is unknown. An enterprise meets the financial ceiling when either figure is
    within it; when neither figure is known the headcount alone decides."""
    if headcount is None:
        return ""
    for size_class, staff_below, turnover_ceiling, balance_ceiling in CEILINGS:
        if headcount >= staff_below:
            continue
        financials_known = [
            figure <= ceiling
            for figure, ceiling in ((turnover, turnover_ceiling), (balance_sheet, balance_ceiling))
            if figure is not None
        ]
        if not financials_known or any(financials_known):
            return size_class
    return SizeClass.LARGE
