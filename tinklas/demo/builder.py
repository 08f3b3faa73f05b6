"""Builds the demo network: the Lithuanian Cluster Network with its known facts (57 member
clusters, 777 member SMEs, nine founding clusters with Bronze labels from 2019) and invented
but plausible everything else. Deterministic: the same `today` gives the same network."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from auditlog.context import disable_auditlog
from stdnum.lt import pvm

from tinklas.clusters.models import Cluster, Label, Membership
from tinklas.common import derived
from tinklas.common.partial_dates import DatePrecision
from tinklas.common.text import unique_slug
from tinklas.demo import names
from tinklas.demo.clusters import demo_clusters
from tinklas.demo.network import create_labels, create_network
from tinklas.network.models import AlliancePartner, GovernancePosition, Network, NetworkMembership
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import NaceActivity, Region, Sector

MEMBER_SMES = 777
FORMER_MEMBER_SMES = 23
SECOND_MEMBERSHIPS = 90


@dataclass
class DemoBuilder:
    today: datetime.date
    random: random.Random = field(default_factory=lambda: random.Random(20200527))
    used_codes: set[str] = field(default_factory=set)
    used_names: set[str] = field(default_factory=set)
    used_slugs: set[str] = field(default_factory=set)

    # Identifiers -------------------------------------------------------------------
    def company_code(self) -> str:
        while True:
            stem = "30" + "".join(self.random.choice("0123456789") for _ in range(6))
            code = stem + pvm.calc_check_digit(stem)
            if code not in self.used_codes:
                self.used_codes.add(code)
                return code

    def vat_code(self) -> str:
        # Lithuanian VAT codes of legal persons: seven digits, a 1, the check digit.
        stem = "".join(self.random.choice("0123456789") for _ in range(7)) + "1"
        return f"LT{stem}{pvm.calc_check_digit(stem)}"

    def day_between(self, start: datetime.date, end: datetime.date) -> datetime.date:
        if end <= start:
            return start
        return start + datetime.timedelta(days=self.random.randrange((end - start).days))

    def person(self) -> str:
        first = self.random.choice(names.FIRST_NAMES)
        gender = "female" if first in names.FEMALE_FIRST_NAMES else "male"
        return f"{first} {self.random.choice(names.SURNAMES[gender])}"

    # Organisations -----------------------------------------------------------------
    def organisation(self, **values: Any) -> Organisation:
        """An unsaved organisation with its derived fields set, for bulk_create (which
        bypasses save() and so the search index; the builder rebuilds it at the end)."""
        organisation = Organisation(company_code=self.company_code(), country="LT", **values)
        organisation.derive_size_class()
        organisation.slug = unique_slug(values["name"], self.used_slugs.__contains__)
        self.used_slugs.add(organisation.slug)
        return organisation

    def sme_name(self, field_slug: str) -> str:
        for _attempt in range(200):
            name = (
                f"{self.random.choice(names.STEMS)} "
                f"{self.random.choice(names.ACTIVITY_WORDS[field_slug])}"
            )
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        raise RuntimeError(f"The demo ran out of company names for the field {field_slug}.")

    def sme(self, field_slug: str, municipality: Region, activity: NaceActivity) -> Organisation:
        size = self.random.choices(["micro", "small", "medium"], weights=[60, 28, 12])[0]
        headcount, turnover = {
            "micro": (self.random.randint(1, 9), self.random.randint(50, 1_900) * 1000),
            "small": (self.random.randint(10, 49), self.random.randint(900, 9_500) * 1000),
            "medium": (self.random.randint(50, 240), self.random.randint(8_000, 45_000) * 1000),
        }[size]
        name = self.sme_name(field_slug)
        founded = self.random.randint(1992, 2022)
        return self.organisation(
            name=f"UAB „{name}“",
            legal_form="UAB",
            kind=Organisation.Kind.COMPANY,
            vat_code=self.vat_code() if self.random.random() < 0.6 else "",
            headcount=headcount,
            annual_turnover=Decimal(turnover),
            main_activity=activity,
            municipality=municipality,
            address=f"{self.random.choice(names.STEMS)[:-1]}o g. {self.random.randint(1, 120)}",
            website=f"https://www.{slug_for_web(name)}.lt",
            founded_year=founded,
            description_lt=f"{name}: {activity.label_lt or activity.label_en}.",
            description_en=f"{name}: {activity.label_en}.",
        )


def slug_for_web(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name).replace("-", "")


def build_demo_network(today: datetime.date) -> Network:
    """Replaces the registry with the demo network, in one transaction."""
    # Replacing demo data is not a change anyone made: it is not audited.
    with derived.bulk_change() as change, disable_auditlog():
        network = build_registry(today)
        # Most rows are written with bulk_create, past the models' signals: every piece of
        # derived data is rebuilt at the end (counted for the real day, which pages show).
        change.everything()
    return network


def build_registry(today: datetime.date) -> Network:
    for model in (
        NetworkMembership,
        GovernancePosition,
        AlliancePartner,
        Network,
        Label,
        Membership,
        Cluster,
        Organisation,
    ):
        model.objects.all().delete()
    builder = DemoBuilder(today=today)
    sectors = {sector.slug: sector for sector in Sector.objects.prefetch_related("ecosystems")}
    municipalities = {region.code: region for region in Region.objects.filter(kind="municipality")}
    activities = {
        activity.code: activity for activity in NaceActivity.objects.filter(revision="2.1")
    }
    ecosystems_by_sector = {slug: list(sector.ecosystems.all()) for slug, sector in sectors.items()}

    clusters = create_clusters(builder, sectors, municipalities, ecosystems_by_sector)
    create_members(builder, clusters, municipalities, activities)
    give_founding_years_only(clusters)
    network = create_network(builder, clusters)
    create_labels(builder, clusters)
    return network


def create_clusters(
    builder: DemoBuilder,
    sectors: dict[str, Sector],
    municipalities: dict[str, Region],
    ecosystems_by_sector: dict[str, list],
) -> list[tuple[str, Cluster]]:
    clusters = []
    for position, row in enumerate(demo_clusters()):
        municipality = municipalities[row.municipality]
        founded_on = datetime.date(
            row.founded, builder.random.randint(1, 12), builder.random.randint(1, 28)
        )

        coordinator = builder.organisation(
            name=f"Asociacija „{row.name_lt}“",
            legal_form="Asociacija",
            kind=Organisation.Kind.ASSOCIATION,
            municipality=municipality,
            founded_year=row.founded,
            description_lt=f"{row.name_lt} valdymo organizacija.",
            description_en=f"The cluster management organisation of the {row.name_en}.",
        )
        coordinator.save()
        sector = sectors[row.field]
        cluster = Cluster(
            name_lt=row.name_lt,
            name_en=row.name_en,
            acronym=row.acronym,
            coordinator=coordinator,
            founded_on=founded_on,
            description_lt=(
                f"{row.name_lt} vienija {sector.name_lt.lower()} srities įmones, mokslo ir "
                f"viešojo sektoriaus organizacijas. Sritys: {row.technologies}."
            ),
            description_en=(
                f"The {row.name_en} brings together companies, research and public "
                f"organisations in {sector.name_en.lower()}. Focus: {row.technologies}."
            ),
            technologies=row.technologies,
            maturity=row.maturity,
            maturity_assessed_on=builder.day_between(
                datetime.date(2024, 1, 1), datetime.date(2025, 12, 31)
            ),
            municipality=municipality,
            website=f"https://{slug_for_web(row.acronym).lower()}.example.lt",
            contact_person=builder.person(),
            contact_email=f"info@{slug_for_web(row.acronym).lower()}.example.lt",
            contact_phone=(
                f"+370 {builder.random.randint(600, 699)} {builder.random.randint(10000, 99999)}"
            ),
            management_fte=Decimal(
                builder.random.choice(["0.5", "1.0", "1.5", "2.0", "3.0", "4.5"])
            ),
            status=Cluster.Status.PUBLISHED,
        )
        cluster.save()
        cluster.sectors.add(sector)
        if position % 4 == 1:
            # Some clusters also work in a neighbouring field.
            cluster.sectors.add(sectors["ict"] if row.field != "ict" else sectors["production"])
        cluster.ecosystems.set(ecosystems_by_sector[row.field][:2])
        Membership.objects.create(
            cluster=cluster,
            organisation=coordinator,
            role=Membership.Role.COORDINATOR,
            joined_on=founded_on,
        )
        clusters.append((row.field, cluster))
    return clusters


def give_founding_years_only(clusters: list[tuple[str, Cluster]]) -> None:
    """As real sources do, a third of the clusters give only the year they were founded. Set
    once the members are drawn, so that their joining days stay as they were."""
    for position, (_field, cluster) in enumerate(clusters):
        if position % 3 == 2 and cluster.founded_on is not None:
            cluster.founded_on = datetime.date(cluster.founded_on.year, 1, 1)
            cluster.founded_precision = DatePrecision.YEAR
            cluster.save(update_fields=["founded_on", "founded_precision"])


def create_members(
    builder: DemoBuilder,
    clusters: list[tuple[str, Cluster]],
    municipalities: dict[str, Region],
    activities: dict[str, NaceActivity],
) -> None:
    """777 SMEs, each a current member of one cluster of its field and some of a second
    cluster; former members; large companies, research organisations and public bodies."""
    rng = builder.random
    # SMART FOOD, the President's cluster, is the largest; the others vary.
    weights = [3.0 if index == 0 else rng.uniform(0.5, 1.6) for index in range(len(clusters))]
    memberships: list[Membership] = []

    def join(
        cluster: Cluster,
        organisation: Organisation,
        role: str = "member",
        left_on: datetime.date | None = None,
    ) -> None:
        earliest = max(cluster.founded_on, datetime.date(organisation.founded_year or 1990, 1, 1))
        if role == "founding":
            joined_on = cluster.founded_on
        else:
            joined_on = builder.day_between(earliest, builder.today - datetime.timedelta(days=30))
        if left_on is not None and left_on <= joined_on:
            joined_on = left_on - datetime.timedelta(days=365)
        memberships.append(
            Membership(
                cluster=cluster,
                organisation=organisation,
                role=role,
                joined_on=joined_on,
                left_on=left_on,
            )
        )

    def home_cluster() -> tuple[str, Cluster]:
        return rng.choices(clusters, weights=weights)[0]

    smes: list[Organisation] = []
    for number in range(MEMBER_SMES + FORMER_MEMBER_SMES):
        field_slug, cluster = home_cluster()
        # Most members sit in their cluster's municipality; some elsewhere in Lithuania.
        municipality = (
            cluster.municipality
            if rng.random() < 0.7
            else municipalities[rng.choice(sorted(municipalities))]
        )
        activity = activities[rng.choice(names.ACTIVITY_CODES[field_slug])]
        sme = builder.sme(field_slug, municipality, activity)
        if number < MEMBER_SMES:
            role = "founding" if rng.random() < 0.12 else "member"
            join(cluster, sme, role)
            smes.append(sme)
        else:
            # A former member: its only membership has ended.
            join(
                cluster,
                sme,
                left_on=builder.day_between(
                    datetime.date(2021, 1, 1), builder.today - datetime.timedelta(days=10)
                ),
            )
    for sme in rng.sample(smes, SECOND_MEMBERSHIPS):
        first_cluster_id = next(m.cluster_id for m in memberships if m.organisation is sme)
        _field, cluster = home_cluster()
        if cluster.pk != first_cluster_id:
            # Every third second membership has ended: the history is kept.
            ended = rng.random() < 0.33
            join(
                cluster,
                sme,
                left_on=builder.today - datetime.timedelta(days=rng.randint(30, 900))
                if ended
                else None,
            )

    partners = [
        builder.organisation(
            name=name,
            legal_form="Biudžetinė įstaiga" if kind == "research" else "Viešoji įstaiga",
            kind=kind,
            municipality=municipalities[code],
            founded_year=rng.randint(1950, 2010),
            website=f"https://www.{slug_for_web(name)[:20]}.example.lt",
        )
        for kind, rows in (
            ("research", names.RESEARCH_ORGANISATIONS),
            ("public", names.PUBLIC_BODIES),
        )
        for name, code in rows
    ]
    large_companies = [
        builder.organisation(
            name=f"AB „{stem} {word}“",
            legal_form="AB",
            kind=Organisation.Kind.COMPANY,
            headcount=rng.randint(260, 2500),
            annual_turnover=Decimal(rng.randint(60, 900) * 10**6),
            municipality=municipalities[rng.choice(["LT-57", "LT-15", "LT-20"])],
            main_activity=activities[names.ACTIVITY_CODES[field_slug][0]],
            founded_year=rng.randint(1990, 2005),
        )
        for stem, word, field_slug in (
            ("Baltijos", "grupė", "transport"),
            ("Nemuno", "pramonė", "production"),
            ("Gintaro", "energija", "energy-construction"),
            ("Aukštaitijos", "pienas", "agrifood"),
            ("Žalgirio", "telekomas", "ict"),
            ("Vilties", "farmacija", "health"),
        )
    ]
    for _field, cluster in clusters:
        for partner in rng.sample(partners, rng.randint(1, 3)):
            join(cluster, partner, "founding" if rng.random() < 0.5 else "member")
        if rng.random() < 0.3:
            join(cluster, rng.choice(large_companies))
    unsaved = {id(m.organisation): m.organisation for m in memberships if m.organisation.pk is None}
    Organisation.objects.bulk_create(unsaved.values())
    Membership.objects.bulk_create(memberships)
