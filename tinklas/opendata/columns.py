"""The columns of the open-data files besides clusters and organisations (whose columns are the
directory exports', clusters/export_columns.py): memberships, labels and the vocabularies."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tinklas.clusters.models import Cluster, Label, Membership
from tinklas.common.partial_dates import iso_partial_date
from tinklas.common.tables import Column, Table, attach_shared, choice_label, joined
from tinklas.taxonomy.models import Ecosystem, NaceActivity, Region, Sector


def prepare_memberships(
    queryset: QuerySet[Membership], today: datetime.date
) -> QuerySet[Membership]:
    return queryset.select_related("organisation")


def published_clusters() -> Callable[[list[Membership] | list[Label]], None]:
    """Every published cluster read once for all rows, rather than joined into each."""
    clusters = Cluster.objects.published().in_bulk()

    def attach(items: list[Membership] | list[Label]) -> None:
        attach_shared(items, "cluster", clusters)

    return attach


MEMBERSHIPS: Table[Membership] = Table(
    name="memberships",
    title=_("Memberships"),
    description=_(
        "Every membership of an organisation in a published cluster, current and past; "
        "memberships are ended, never deleted."
    ),
    prepare=prepare_memberships,
    shared=published_clusters,
    columns=[
        Column(
            "cluster",
            _("Cluster identifier"),
            lambda membership: membership.cluster.slug,
            _("The cluster's identifier in clusters.csv."),
        ),
        Column(
            "cluster_name",
            _("Cluster"),
            lambda membership: membership.cluster.name,
            _("The cluster's name."),
            width=40,
        ),
        Column(
            "organisation",
            _("Organisation identifier"),
            lambda membership: membership.organisation.slug,
            _("The organisation's identifier in organisations.csv."),
        ),
        Column(
            "organisation_name",
            _("Organisation"),
            lambda membership: membership.organisation.name,
            _("The organisation's name."),
            width=40,
        ),
        Column(
            "role",
            _("Role"),
            lambda membership: choice_label(Membership.Role, membership.role),
            _("Coordinator, founding member or member."),
        ),
        Column(
            "joined_on",
            _("Joined on"),
            lambda membership: iso_partial_date(membership.joined_on, membership.joined_precision),
            _(
                "When the membership began, as precisely as it is known: YYYY-MM-DD, YYYY-MM "
                "(a month) or YYYY (a year)."
            ),
            width=12,
        ),
        Column(
            "joined_precision",
            _("Joining date precision"),
            lambda membership: membership.joined_precision,
            _("How precise joined_on is: day, month, year, or about (about that year)."),
            width=10,
        ),
        Column(
            "left_on",
            _("Left on"),
            lambda membership: membership.left_on,
            _("First day it was no longer a member; empty while the membership lasts."),
            width=12,
        ),
    ],
)


LABELS: Table[Label] = Table(
    name="labels",
    title=_("Labels"),
    description=_(
        "Quality labels (Cluster Management Excellence and others) of the published "
        "clusters, past ones included."
    ),
    shared=published_clusters,
    columns=[
        Column(
            "cluster",
            _("Cluster identifier"),
            lambda label: label.cluster.slug,
            _("The cluster's identifier in clusters.csv."),
        ),
        Column(
            "cluster_name",
            _("Cluster"),
            lambda label: label.cluster.name,
            _("The cluster's name."),
            width=40,
        ),
        Column("label", _("Label"), lambda label: label.display_name, _("Name of the label."), 40),
        Column(
            "issuer",
            _("Issuer"),
            lambda label: choice_label(Label.Issuer, label.issuer),
            _("Body that awarded the label."),
            width=30,
        ),
        Column(
            "awarded_on",
            _("Awarded on"),
            lambda label: label.awarded_on,
            _("Date awarded (YYYY-MM-DD)."),
            width=12,
        ),
        Column(
            "valid_until",
            _("Valid until"),
            lambda label: label.valid_until,
            _("Last day it is valid (YYYY-MM-DD)."),
            width=12,
        ),
        Column(
            "dates_approximate",
            _("Dates approximate"),
            lambda label: label.approximate,
            _(
                "true when only the year of the award is known: awarded_on is then 1 January "
                "of that year and valid_until follows from the two years of a first award."
            ),
            width=10,
        ),
        Column(
            "status",
            _("Status"),
            lambda label: capfirst(str(label.status_on(timezone.localdate()).label)),
            _(
                "On the day of the download: not yet awarded, valid, expiring (within 90 days "
                "of its last valid day), in renewal window (up to 12 months after it) or expired."
            ),
        ),
    ],
)


def prepare_sectors(queryset: QuerySet[Sector], today: datetime.date) -> QuerySet[Sector]:
    return queryset.prefetch_related("ecosystems")


FIELDS: Table[Sector] = Table(
    name="fields",
    title=_("Fields"),
    description=_("The network's fields; clusters.csv names them in its fields column."),
    prepare=prepare_sectors,
    columns=[
        Column("identifier", _("Identifier"), lambda sector: sector.slug, _("Permanent code.")),
        Column("name", _("Name"), lambda sector: sector.name, _("Name."), width=40),
        Column(
            "ecosystems",
            _("EU industrial ecosystems"),
            lambda sector: joined(sector.ecosystems.all()),
            _("EU industrial ecosystems the field belongs to."),
            width=40,
        ),
        Column(
            "description",
            _("Description"),
            lambda sector: sector.description,
            _("Description."),
            width=60,
        ),
    ],
)

ECOSYSTEMS: Table[Ecosystem] = Table(
    name="ecosystems",
    title=_("EU industrial ecosystems"),
    description=_(
        "The 14 industrial ecosystems of the EU industrial strategy (2021 update); "
        "clusters.csv names them in its ecosystems column."
    ),
    columns=[
        Column(
            "identifier", _("Identifier"), lambda ecosystem: ecosystem.slug, _("Permanent code.")
        ),
        Column("name", _("Name"), lambda ecosystem: ecosystem.name, _("Name."), width=40),
    ],
)


def prepare_regions(queryset: QuerySet[Region], today: datetime.date) -> QuerySet[Region]:
    return queryset.select_related("parent")


REGIONS: Table[Region] = Table(
    name="regions",
    title=_("Regions"),
    description=_(
        "Counties and municipalities; clusters.csv and organisations.csv name them in their "
        "municipality and county columns."
    ),
    prepare=prepare_regions,
    columns=[
        Column("code", _("ISO 3166-2 code"), lambda region: region.code, _("ISO 3166-2 code."), 10),
        Column(
            "kind",
            _("Kind"),
            lambda region: choice_label(Region.Kind, region.kind),
            _("County or municipality."),
        ),
        Column("name", _("Name"), lambda region: region.name, _("Name."), width=30),
        Column(
            "county_code",
            _("County code"),
            lambda region: region.parent.code if region.parent else "",
            _("ISO 3166-2 code of a municipality's county; empty for counties."),
            width=10,
        ),
        Column(
            "nuts_code",
            _("NUTS code"),
            lambda region: region.nuts_code,
            _("Code in the EU classification of territorial units for statistics (NUTS)."),
            width=10,
        ),
        Column(
            "lau_code",
            _("LAU code"),
            lambda region: region.lau_code,
            _("Code of the local administrative unit (LAU)."),
            width=10,
        ),
    ],
)


def prepare_activities(
    queryset: QuerySet[NaceActivity], today: datetime.date
) -> QuerySet[NaceActivity]:
    return queryset.select_related("parent")


NACE_ACTIVITIES: Table[NaceActivity] = Table(
    name="nace-activities",
    title=_("NACE activities"),
    description=_(
        "The NACE economic activities that organisations.csv names as a main or other activity."
    ),
    prepare=prepare_activities,
    columns=[
        Column(
            "revision",
            _("Revision"),
            lambda activity: activity.revision,
            _("NACE revision: 2.0 or 2.1."),
            width=8,
        ),
        Column("code", _("Code"), lambda activity: activity.code, _("Code, such as 62.10."), 8),
        Column(
            "level",
            _("Level"),
            lambda activity: choice_label(NaceActivity.Level, activity.level),
            _("Section, division, group or class."),
            width=10,
        ),
        Column(
            "section",
            _("Section"),
            lambda activity: activity.section,
            _("Letter of the section the activity belongs to."),
            width=8,
        ),
        Column(
            "parent_code",
            _("Parent code"),
            lambda activity: activity.parent.code if activity.parent else "",
            _("Code of the heading one level up; empty for sections."),
            width=10,
        ),
        Column("label", _("Label"), lambda activity: activity.label, _("Name."), width=60),
    ],
)
