"""The example rows of the member-list template, built from the site's own data (its country,
municipalities and NACE codes)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tinklas.organisations.identifiers import clean_company_code
from tinklas.organisations.models import NACE_REVISION
from tinklas.taxonomy.models import NaceActivity, Region


def example_company_code(country: str, first_digits: str) -> str:
    """A code the country's validator accepts: the first digits and a fitting last one."""
    for last in "0123456789":
        try:
            return clean_company_code(country, first_digits + last)
        except ValidationError:
            continue
    return ""


def example_rows() -> list[dict[str, Any]]:
    country = settings.TINKLAS_COUNTRY
    municipalities = list(
        Region.objects.filter(kind=Region.Kind.MUNICIPALITY, country=country).order_by("code")[:2]
    )
    classes = NaceActivity.objects.filter(revision=NACE_REVISION, level=NaceActivity.Level.CLASS)
    # Operation of dairies, for the example dairy; any class where the site has no such code.
    activities = list(classes.filter(code="10.51").values_list("code", flat=True)) or list(
        classes.order_by("code").values_list("code", flat=True)[:1]
    )
    first = municipalities[0] if municipalities else None
    second = municipalities[-1] if municipalities else None
    return [
        {
            "name": _("Example Dairy"),
            "kind": "company",
            "country": country,
            "company_code": example_company_code(country, "30000010"),
            "municipality": first.code if first else "",
            "address": _("Example street 1"),
            "website": "https://dairy.example.org",
            "headcount": 48,
            "annual_turnover": 7_300_000,
            "balance_sheet_total": 5_100_000,
            "founded_year": 2009,
            "main_nace_code": activities[0] if activities else "",
            "role": "member",
            "joined_on": datetime.date(2024, 5, 1),
        },
        {
            "name": _("Example Research Institute"),
            "kind": "research",
            "country": country,
            "company_code": example_company_code(country, "19000020"),
            "municipality": second.name if second else "",
            "role": "founding",
            "joined_on": datetime.date(2020, 5, 27),
        },
        {
            "name": _("Example Software"),
            "kind": "company",
            "country": country,
            "company_code": example_company_code(country, "30000030"),
            "role": "member",
            "joined_on": datetime.date(2021, 1, 1),
            "left_on": datetime.date(2026, 1, 1),
        },
    ]
