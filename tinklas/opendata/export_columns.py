"""The columns of the directories' downloads of clusters and organisations: the exports (CSV,
XLSX, JSON), the same files in the open-data download and its README are all written from these
definitions. Keys are stable English names; headers follow the visitor's language."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models import Cluster, Label, Maturity, Membership
from tinklas.common.partial_dates import iso_partial_date
from tinklas.common.tables import Column, Table, attach_shared, choice_label, joined
from tinklas.organisations.models import Organisation
from tinklas.organisations.sizes import SizeClass
from tinklas.taxonomy.models import NaceActivity, Region


def prepare_clusters(queryset: QuerySet[Cluster], today: datetime.date) -> QuerySet[Cluster]:
    # Prefetched into lists: reading a list costs nothing per row, a related manager does.
    return queryset.select_related("coordinator", "municipality__parent").prefetch_related(
        Prefetch("sectors", to_attr="sector_list"),
        Prefetch("ecosystems", to_attr="ecosystem_list"),
        Prefetch(
            "labels",
            queryset=Label.objects.in_force_on(today).order_by("-awarded_on", "pk"),
            to_attr="current_labels",
        ),
    )


def labels_in_force(cluster: Cluster) -> list[str]:
    return [
        gettext("%(label)s, valid until %(date)s")
        % {"label": label.display_name, "date": label.valid_until.isoformat()}
        for label in getattr(cluster, "current_labels", [])
    ]


def county_name(place: Cluster | Organisation) -> str:
    municipality = place.municipality
    return municipality.county.name if municipality else ""


CLUSTERS: Table[Cluster] = Table(
    name="clusters",
    title=_("Clusters"),
    description=_("Every published cluster, one row each."),
    prepare=prepare_clusters,
    columns=[
        Column(
            "identifier",
            _("Identifier"),
            lambda cluster: cluster.slug,
            _("The cluster's permanent short name, the last part of its profile's address."),
        ),
        Column("name", _("Name"), lambda cluster: cluster.name, _("Name."), width=40),
        Column("acronym", _("Acronym"), lambda cluster: cluster.acronym, _("Acronym.")),
        Column(
            "coordinator",
            _("Coordinator"),
            lambda cluster: cluster.coordinator.name if cluster.coordinator else "",
            _("The cluster management organisation, a registered organisation."),
            width=30,
        ),
        Column(
            "coordinator_name",
            _("Coordinator as named"),
            # Only while no registered organisation is linked: then the column above names it.
            lambda cluster: "" if cluster.coordinator_id else cluster.coordinator_name,
            _(
                "The cluster management organisation as the source names it, where it is not "
                "linked to a registered organisation yet; empty when coordinator names it."
            ),
            width=30,
        ),
        Column(
            "founded_on",
            _("Founded on"),
            lambda cluster: iso_partial_date(cluster.founded_on, cluster.founded_precision),
            _(
                "Founding date as precisely as it is known: YYYY-MM-DD, YYYY-MM (a month) or "
                "YYYY (a year)."
            ),
            width=12,
        ),
        Column(
            "founded_precision",
            _("Founding date precision"),
            lambda cluster: cluster.founded_precision if cluster.founded_on else "",
            _(
                "How precise founded_on is: day, month, year, or about (about that year); "
                "empty without a founding date."
            ),
            width=10,
        ),
        Column(
            "fields",
            _("Fields"),
            lambda cluster: joined(getattr(cluster, "sector_list", [])),
            _("The network's fields the cluster works in."),
            width=30,
        ),
        Column(
            "ecosystems",
            _("EU industrial ecosystems"),
            lambda cluster: joined(getattr(cluster, "ecosystem_list", [])),
            _("EU industrial ecosystems of the 2021 industrial strategy."),
            width=30,
        ),
        Column(
            "technologies",
            _("Technology keywords"),
            lambda cluster: cluster.technology_list,
            _("Technology keywords given by the cluster."),
            width=30,
        ),
        Column(
            "maturity",
            _("Maturity"),
            lambda cluster: choice_label(Maturity, cluster.maturity),
            _("Maturity level of the national cluster concept."),
            width=12,
        ),
        Column(
            "maturity_assessed_on",
            _("Maturity assessed on"),
            lambda cluster: cluster.maturity_assessed_on,
            _("Date the maturity was assessed (YYYY-MM-DD)."),
            width=12,
        ),
        Column(
            "municipality",
            _("Municipality"),
            lambda cluster: cluster.municipality.name if cluster.municipality else "",
            _("Municipality of the cluster's seat."),
        ),
        Column("county", _("County"), county_name, _("County of the cluster's seat.")),
        Column(
            "labels",
            _("Labels in force"),
            labels_in_force,
            _("Quality labels valid on the day of the download, with their last valid day."),
            width=40,
        ),
        Column(
            "members",
            _("Members"),
            lambda cluster: cluster.member_count,
            _("Number of current member organisations in the registry's member list."),
            width=10,
        ),
        Column(
            "reported_members",
            _("Reported members"),
            lambda cluster: cluster.reported_member_count,
            _(
                "Number of members the cluster reported, shown on its profile while its member "
                "list is not in the registry (members is then 0); empty if it reported none."
            ),
            width=10,
        ),
        Column(
            "reported_members_on",
            _("Members reported on"),
            lambda cluster: cluster.reported_members_on,
            _("The day the reported number held (YYYY-MM-DD)."),
            width=12,
        ),
        Column("website", _("Website"), lambda cluster: cluster.website, _("Website."), width=30),
        Column(
            "contact_person",
            _("Contact person"),
            lambda cluster: cluster.contact_person,
            _("Contact person named on the public profile."),
        ),
        Column(
            "contact_email",
            _("Contact email"),
            lambda cluster: cluster.contact_email,
            _("Contact email address."),
            width=30,
        ),
        Column(
            "contact_phone",
            _("Contact phone"),
            lambda cluster: cluster.contact_phone,
            _("Contact phone number."),
        ),
        Column(
            "management_fte",
            _("Management team (FTE)"),
            lambda cluster: cluster.management_fte,
            _("Size of the cluster management team in full-time equivalents."),
            width=12,
        ),
        Column(
            "sources",
            _("Sources"),
            lambda cluster: cluster.source_url_list,
            _("Web addresses the registry's facts about the cluster come from."),
            width=40,
        ),
        Column(
            "description",
            _("Description"),
            lambda cluster: cluster.description,
            _("Description."),
            width=60,
        ),
    ],
)


def prepare_organisations(
    queryset: QuerySet[Organisation], today: datetime.date
) -> QuerySet[Organisation]:
    public_memberships = (
        Membership.objects.current_on(today).of_published_clusters().order_by("joined_on", "pk")
    )
    return queryset.prefetch_related(
        Prefetch("other_activities", to_attr="other_activity_list"),
        Prefetch("memberships", queryset=public_memberships, to_attr="public_memberships"),
    )


def region_lookup() -> dict[int, Region]:
    """Every region by id, each municipality with its county."""
    regions = Region.objects.in_bulk()
    for region in regions.values():
        attach_shared([region], "parent", regions)
    return regions


def organisation_vocabularies() -> Callable[[list[Organisation]], None]:
    # A whole directory's organisations share a few dozen regions, a few hundred activities
    # and the clusters: read once, rather than joined into every row.
    regions = region_lookup()
    activities = NaceActivity.objects.in_bulk()
    clusters = Cluster.objects.published().in_bulk()

    def attach(organisations: list[Organisation]) -> None:
        attach_shared(organisations, "municipality", regions)
        attach_shared(organisations, "main_activity", activities)
        memberships = [
            membership
            for organisation in organisations
            for membership in getattr(organisation, "public_memberships", [])
        ]
        attach_shared(memberships, "cluster", clusters)

    return attach


def member_of(organisation: Organisation) -> list[str]:
    return joined(item.cluster.name for item in getattr(organisation, "public_memberships", []))


ORGANISATIONS: Table[Organisation] = Table(
    name="organisations",
    title=_("Member organisations"),
    description=_(
        "Organisations that are members of the published clusters, one row each. The open "
        "data also lists former members, whose clusters column is empty."
    ),
    prepare=prepare_organisations,
    shared=organisation_vocabularies,
    columns=[
        Column(
            "identifier",
            _("Identifier"),
            lambda organisation: organisation.slug,
            _("The organisation's permanent short name, the last part of its page's address."),
        ),
        Column("name", _("Name"), lambda organisation: organisation.name, _("Name."), width=40),
        Column(
            "legal_form",
            _("Legal form"),
            lambda organisation: organisation.legal_form,
            _("Legal form, such as UAB."),
            width=10,
        ),
        Column(
            "kind",
            _("Kind"),
            lambda organisation: choice_label(Organisation.Kind, organisation.kind),
            _("Company, research organisation or university, public body, association or other."),
        ),
        Column(
            "size_class",
            _("Size class"),
            lambda organisation: choice_label(SizeClass, organisation.size_class),
            _("Enterprise size under the EU SME definition (companies only)."),
        ),
        Column(
            "company_code",
            _("Company code"),
            lambda organisation: organisation.company_code,
            _("Legal entity code in its country's register."),
            width=12,
        ),
        Column(
            "vat_code",
            _("VAT code"),
            lambda organisation: organisation.vat_code,
            _("VAT identification number."),
            width=14,
        ),
        Column(
            "country",
            _("Country"),
            lambda organisation: organisation.country,
            _("Country of registration (ISO 3166-1 alpha-2 code)."),
            width=8,
        ),
        Column(
            "municipality",
            _("Municipality"),
            lambda organisation: (
                organisation.municipality.name if organisation.municipality else ""
            ),
            _("Municipality of the registered seat."),
        ),
        Column("county", _("County"), county_name, _("County of the registered seat.")),
        Column(
            "founded_year",
            _("Founding year"),
            lambda organisation: organisation.founded_year,
            _("Year the organisation was founded."),
            width=10,
        ),
        Column(
            "website", _("Website"), lambda organisation: organisation.website, _("Website."), 30
        ),
        Column(
            "nace_code",
            _("Main activity (NACE code)"),
            lambda organisation: (
                organisation.main_activity.code if organisation.main_activity else ""
            ),
            _("Code of the main economic activity in the NACE classification."),
            width=10,
        ),
        Column(
            "nace_label",
            _("Main activity"),
            lambda organisation: (
                organisation.main_activity.label if organisation.main_activity else ""
            ),
            _("Name of the main economic activity."),
            width=40,
        ),
        Column(
            "other_nace_codes",
            _("Other activities (NACE codes)"),
            lambda organisation: joined(
                activity.code for activity in getattr(organisation, "other_activity_list", [])
            ),
            _("Codes of other economic activities."),
        ),
        Column(
            "clusters",
            _("Member of"),
            member_of,
            _("Published clusters the organisation is a member of on the day of the download."),
            width=40,
        ),
        Column(
            "description",
            _("Description"),
            lambda organisation: organisation.description,
            _("Description."),
            width=60,
        ),
    ],
)
