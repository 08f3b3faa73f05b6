"""The columns of a cluster-list import: everything a network knows about its clusters, in
the shapes sources give it (names in either language, years for dates, labels by year, the
coordinator by name)."""

from __future__ import annotations

from django.conf import settings
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from tinklas.imports.columns import Column, ColumnSet

PARTIAL_DATE = _("A date as YYYY-MM-DD, a month as YYYY-MM, a year as YYYY, or c. YYYY.")


def per_language(field: str, title: Promise, meaning: Promise, accepted: Promise) -> list[Column]:
    """One column per language of the site, such as name_lt and name_en; the language's name
    comes from Django's own catalogue."""
    return [
        Column(
            build_localized_fieldname(field, code),
            format_lazy("{} ({})", title, gettext_lazy(get_language_info(code)["name"])),
            meaning,
            accepted,
            build_localized_fieldname(field, code),
        )
        for code, _language in settings.LANGUAGES
    ]


CLUSTER_COLUMNS = [
    Column(
        "slug",
        _("Slug"),
        _("The cluster's identifier in addresses: matches a registered cluster."),
        _("Lowercase letters, digits and hyphens. Empty: found by acronym or name, or made."),
        "slug",
    ),
    *per_language(
        "name",
        _("Name"),
        _("The cluster's name. At least one language is required."),
        _("Text, up to 200 characters."),
    ),
    Column(
        "acronym",
        _("Acronym"),
        _("The short name: also matches a registered cluster."),
        _("Text, up to 40 characters."),
        "acronym",
    ),
    *per_language("description", _("Description"), _("What the cluster does."), _("Text.")),
    Column(
        "status",
        _("Status"),
        _("Whether the cluster is public."),
        _("draft, submitted, published or archived. Empty: published for a new cluster."),
        "status",
    ),
    Column(
        "country",
        _("Country"),
        _("The country of the cluster's seat and of its coordinator's register."),
        _("A two-letter ISO 3166-1 code such as LT. Empty: the network's country."),
    ),
    Column(
        "municipality",
        _("Municipality"),
        _("The municipality of the cluster's seat."),
        _(
            "The ISO 3166-2 code, such as LT-57, or the municipality's name as the register "
            "or people write it (Vilniaus m. sav., Kaunas)."
        ),
        "municipality",
    ),
    Column("founded", _("Founded"), _("When the cluster was founded."), PARTIAL_DATE, "founded_on"),
    Column(
        "fields",
        _("Fields"),
        _("The fields the cluster works in."),
        _("Field slugs or names, separated by semicolons."),
        "sectors",
    ),
    Column(
        "ecosystems",
        _("EU industrial ecosystems"),
        _("The EU industrial ecosystems of the cluster."),
        _("Ecosystem slugs or names, separated by semicolons."),
        "ecosystems",
    ),
    Column(
        "technologies",
        _("Technology keywords"),
        _("Technologies and topics."),
        _("Separated by commas."),
        "technologies",
    ),
    Column(
        "maturity",
        _("Maturity"),
        _("The maturity level of the national cluster concept."),
        _("emerging, formed, developing or mature, or the level's name."),
        "maturity",
    ),
    Column(
        "maturity_assessed_on",
        _("Maturity assessed on"),
        _("When the maturity was assessed; required with a maturity."),
        _("A date as YYYY-MM-DD."),
        "maturity_assessed_on",
    ),
    Column("website", _("Website"), _("The cluster's website."), _("A web address."), "website"),
    Column(
        "contact_person",
        _("Contact person"),
        _("Who answers for the cluster."),
        _("Text."),
        "contact_person",
    ),
    Column(
        "contact_email",
        _("Contact email"),
        _("The cluster's address for enquiries."),
        _("An email address."),
        "contact_email",
    ),
    Column(
        "contact_phone",
        _("Contact phone"),
        _("The cluster's phone number."),
        _("Text, up to 40 characters."),
        "contact_phone",
    ),
    Column(
        "management_fte",
        _("Management team (FTE)"),
        _("The cluster management's staff in full-time equivalents."),
        _("A number such as 2.5."),
        "management_fte",
    ),
    Column(
        "reported_members",
        _("Reported members"),
        _("The number of members the cluster reports, shown until its member list is here."),
        _("A whole number; give the day it held in the next column."),
        "reported_member_count",
    ),
    Column(
        "reported_members_on",
        _("Members reported on"),
        _("The day the reported number held."),
        PARTIAL_DATE,
        "reported_members_on",
    ),
    Column(
        "coordinator_code",
        _("Coordinator's company code"),
        _("The cluster management organisation, by its code in its country's register."),
        _(
            "A registered organisation's code, or one in the loaded register of legal "
            "entities (the organisation is then registered from it)."
        ),
        "coordinator",
    ),
    Column(
        "coordinator_name",
        _("Coordinator"),
        _("The cluster management organisation, by name."),
        _(
            "A registered organisation's name, or any name: kept as text until staff link "
            "it to an organisation."
        ),
        "coordinator_name",
    ),
    Column(
        "labels",
        _("Labels"),
        _("Cluster Management Excellence labels."),
        _(
            "Labels separated by semicolons, each its kind and the year of the award (Bronze "
            "2018: dates derived and marked approximate) or its dates (Silver 2021-03-15 "
            "2023-03-14)."
        ),
    ),
    Column(
        "network_joined_on",
        _("Member of the network since"),
        _("Makes the cluster a member of the network from this day."),
        PARTIAL_DATE,
    ),
    Column(
        "network_founding_member",
        _("Founding member of the network"),
        _("Whether the cluster founded the network."),
        _("yes or no. Empty: no."),
    ),
    Column(
        "sources",
        _("Sources"),
        _("Where the facts come from."),
        _("Web addresses separated by spaces, semicolons or new lines."),
        "source_urls",
    ),
    Column(
        "staff_note",
        _("Staff note"),
        _("A note for the network's staff; never published."),
        _("Text."),
        "staff_note",
    ),
]

CLUSTER_LIST = ColumnSet(CLUSTER_COLUMNS)
# The columns that match a row to a registered cluster, in order.
NAME_KEYS = [column.key for column in CLUSTER_COLUMNS if column.key.startswith("name_")]
