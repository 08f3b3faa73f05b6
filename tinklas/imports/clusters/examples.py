"""The example rows of the cluster-list template, built from the site's own data (its
country, languages, municipalities, fields and labels) in the shapes sources give: a name in
one language only, a founding year, a label known by its year, a coordinator by name."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from modeltranslation.utils import build_localized_fieldname

from tinklas.taxonomy.models import Region, Sector

# Marked for the catalogue here, translated into each language of the site below.
EXAMPLE_NAME = gettext_noop("Example Food Technology Cluster")


def in_each_language(text: str) -> dict[str, str]:
    names = {}
    for code, _language in settings.LANGUAGES:
        with translation.override(code):
            names[build_localized_fieldname("name", code)] = _(text)
    return names


def example_rows() -> list[dict[str, Any]]:
    country = settings.TINKLAS_COUNTRY
    municipalities = list(
        Region.objects.filter(kind=Region.Kind.MUNICIPALITY, country=country).order_by("code")[:2]
    )
    fields = list(Sector.objects.order_by("position", "slug")[:2])
    last_year = timezone.localdate().year - 1
    first_language = build_localized_fieldname("name", settings.LANGUAGE_CODE)
    english_only = build_localized_fieldname("name", "en")
    return [
        {
            **in_each_language(EXAMPLE_NAME),
            "acronym": "EFTC",
            "status": "published",
            "country": country,
            "municipality": municipalities[0].code if municipalities else "",
            "founded": "2011",
            "fields": fields[0].slug if fields else "",
            "technologies": "food technology, dairy",
            "maturity": "developing",
            "maturity_assessed_on": datetime.date(last_year, 6, 30),
            "website": "https://food-cluster.example.org",
            "reported_members": 42,
            "reported_members_on": f"{last_year}-12",
            "coordinator_name": _("Example Cluster Management Association"),
            "labels": f"Bronze {last_year - 1}",
            "network_joined_on": "2020-05-27",
            "sources": "https://food-cluster.example.org/about",
        },
        {
            # Only an English name, as many sources give it.
            english_only if english_only != first_language else first_language: (
                "Example Photonics Cluster"
            ),
            "acronym": "EPC",
            "municipality": municipalities[-1].code if municipalities else "",
            "founded": "c. 2006",
            "fields": "; ".join(item.slug for item in fields),
            "labels": f"Silver {last_year - 2}-03-15 {last_year}-03-14",
            "network_joined_on": f"{last_year}-10",
            "staff_note": _("Member list promised for next month."),
        },
    ]
