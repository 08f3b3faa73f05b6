"""Generates the benchmark network: 1,500 published clusters of one network, 250,000
organisations and 300,000 memberships, with labels, fields and ecosystems, then builds the
search index. Deterministic: the same seed gives the same rows whatever the day (every date
is drawn before REFERENCE_DAY); only the created and updated timestamps differ.

Imports the models, so it is imported only after django.setup() (benchmarks/run.py does).
Writes only into a benchmark database; see ensure_benchmark_database."""

from __future__ import annotations

import datetime
import random
import time
from pathlib import Path

from django.db import connection

from benchmarks.records import PEOPLE, REFERENCE_DAY, RecordMaker
from tinklas.clusters import indexing as cluster_indexing
from tinklas.clusters.models import Cluster, Label, Membership
from tinklas.common import derived
from tinklas.common.dates import add_months
from tinklas.network.models import GovernancePosition, Network, NetworkMembership
from tinklas.organisations import indexing as organisation_indexing
from tinklas.organisations.models import Organisation
from tinklas.search.models import SearchEntry

BENCHMARKS_DIR = Path(__file__).resolve().parent
SEED = 20260101
GENERATOR_VERSION = 3
# Stored as the network's acronym: a database holding it and the expected counts holds what
# this version of the generator makes, so later runs reuse it instead of generating again.
FINGERPRINT = f"BENCH-{GENERATOR_VERSION}-{SEED}"
EXPECTED_SCALE = {"clusters": 1_500, "organisations": 250_000, "memberships": 300_000}
FEWEST_MEMBERS = 20
MOST_MEMBERS = 2_000
ENDED_SHARE = 0.02
BATCH_SIZE = 2_000
NETWORK_FOUNDED_ON = datetime.date(2020, 5, 27)
FOUNDING_CLUSTERS = 9

# What run.py searches and filters for; the names below make these common.
DIRECTORY_QUERY = "technologijos"
DIRECTORY_SECTOR = "ict"
ORGANISATION_QUERY = "sprendimai"
COUNTY = "LT-VL"


def ensure_benchmark_database() -> None:
    """Generation adds half a million invented rows: refuse any database that is not a
    benchmark's own, so that a wrong DATABASE_URL cannot bury a developer's data."""
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite":
        allowed = Path(name).resolve().parent == BENCHMARKS_DIR
    else:
        allowed = name.endswith("_bench")
    if not allowed:
        raise RuntimeError(
            f"Refusing to generate into {name!r}: use an SQLite file in benchmarks/ or a "
            "PostgreSQL database whose name ends in _bench."
        )


def database_scale() -> dict[str, int]:
    return {
        "clusters": Cluster.objects.count(),
        "organisations": Organisation.objects.count(),
        "memberships": Membership.objects.count(),
    }


def holds_generated_network() -> bool:
    """Whether the database holds a complete network made by this version of the generator."""
    return (
        Network.objects.filter(acronym=FINGERPRINT).exists()
        and database_scale() == EXPECTED_SCALE
        and SearchEntry.objects.filter(kind=cluster_indexing.KIND).count()
        == EXPECTED_SCALE["clusters"]
        and SearchEntry.objects.filter(kind=organisation_indexing.KIND).count()
        == EXPECTED_SCALE["organisations"]
    )


def is_empty() -> bool:
    """Whether the database holds no network, organisation or cluster, even before its first
    migration."""
    tables = set(connection.introspection.table_names())
    return not any(
        model._meta.db_table in tables and model.objects.exists()
        for model in (Network, Organisation, Cluster)
    )


def cluster_sizes(rng: random.Random, clusters: int, total: int) -> list[int]:
    """Member counts summing to `total`. The first cluster is the largest; each other one has
    FEWEST_MEMBERS plus a long-tailed (log-normal) share of the rest, as real clusters have:
    many of a few dozen members, a few of several hundred."""
    others = clusters - 1
    weights: list[float] = []
    while len(weights) < others:
        weight = rng.lognormvariate(0, 1.1)
        if weight <= 9:  # redrawn beyond nine times the median: none comes near the largest
            weights.append(weight)
    spread = (total - MOST_MEMBERS - FEWEST_MEMBERS * others) / sum(weights)
    sizes = [FEWEST_MEMBERS + int(weight * spread) for weight in weights]
    for index in range(total - MOST_MEMBERS - sum(sizes)):  # what rounding down left over
        sizes[index] += 1
    return [MOST_MEMBERS, *sizes]


class NetworkGenerator:
    """Stores what RecordMaker invents, keeping only the ids it needs to link rows."""

    def __init__(self, seed: int) -> None:
        self.started = time.perf_counter()
        self.records = RecordMaker(random.Random(seed))
        self.random = self.records.random
        self.companies_by_sector: list[list[int]] = [[] for _ in self.records.sectors]
        self.partner_ids: list[int] = []  # research organisations and public bodies
        self.coordinator_ids: list[int] = []  # in the clusters' order

    def progress(self, message: str) -> None:
        print(f"  {time.perf_counter() - self.started:6.1f} s  {message}", flush=True)

    def create_organisations(self) -> None:
        total = EXPECTED_SCALE["organisations"]
        batch: list[tuple[Organisation, int]] = []
        for number in range(total):
            batch.append(self.records.organisation(number))
            if len(batch) == BATCH_SIZE or number == total - 1:
                Organisation.objects.bulk_create([row for row, _ in batch], batch_size=BATCH_SIZE)
                self.remember(batch)
                batch = []
        self.progress(f"{total:,} organisations")

    def remember(self, saved: list[tuple[Organisation, int]]) -> None:
        """Keeps the ids the memberships need; gives some companies a second activity."""
        Activity = Organisation.other_activities.through
        other_activities = []
        for organisation, sector_index in saved:
            if len(self.coordinator_ids) < len(self.records.clusters):
                self.coordinator_ids.append(organisation.pk)
            elif organisation.kind in {Organisation.Kind.RESEARCH, Organisation.Kind.PUBLIC_BODY}:
                self.partner_ids.append(organisation.pk)
            elif organisation.kind == Organisation.Kind.COMPANY:
                self.companies_by_sector[sector_index].append(organisation.pk)
                activity_id = self.random.choice(self.records.activities[sector_index])
                if self.random.random() < 0.15 and activity_id != organisation.main_activity_id:
                    other_activities.append(
                        Activity(organisation_id=organisation.pk, naceactivity_id=activity_id)
                    )
        Activity.objects.bulk_create(other_activities, batch_size=BATCH_SIZE)

    def create_clusters(self) -> None:
        for cluster, coordinator_id in zip(
            self.records.clusters, self.coordinator_ids, strict=True
        ):
            cluster.coordinator_id = coordinator_id
        Cluster.objects.bulk_create(self.records.clusters, batch_size=BATCH_SIZE)
        sector_rows, ecosystem_rows = [], []
        for cluster, sector_index in zip(
            self.records.clusters, self.records.cluster_sectors, strict=True
        ):
            sectors = [self.records.sectors[sector_index]]
            if self.random.random() < 0.25:  # some clusters also work in a neighbouring field
                sectors.append(self.records.sectors[(sector_index + 1) % len(self.records.sectors)])
            for sector in sectors:
                sector_rows.append(
                    Cluster.sectors.through(cluster_id=cluster.pk, sector_id=sector.pk)
                )
            ecosystems = {e.pk for sector in sectors for e in sector.ecosystems.all()}
            ecosystem_rows += [
                Cluster.ecosystems.through(cluster_id=cluster.pk, ecosystem_id=pk)
                for pk in sorted(ecosystems)
            ]
        Cluster.sectors.through.objects.bulk_create(sector_rows, batch_size=BATCH_SIZE)
        Cluster.ecosystems.through.objects.bulk_create(ecosystem_rows, batch_size=BATCH_SIZE)
        self.progress(f"{len(self.records.clusters):,} clusters with their fields and ecosystems")

    def create_memberships(self) -> None:
        """Each cluster: its coordinator, one to three research or public partners, then
        companies, most from its own field. Companies are taken in turn from a shuffled list
        of their field, so most belong to one cluster and some to two or three."""
        rng = self.random
        sizes = cluster_sizes(rng, len(self.records.clusters), EXPECTED_SCALE["memberships"])
        for companies in self.companies_by_sector:
            rng.shuffle(companies)
        all_companies = [pk for companies in self.companies_by_sector for pk in companies]
        next_company = [0] * len(self.records.sectors)
        batch: list[Membership] = []
        for cluster, sector_index, coordinator_id, size in zip(
            self.records.clusters,
            self.records.cluster_sectors,
            self.coordinator_ids,
            sizes,
            strict=True,
        ):
            members = [coordinator_id, *rng.sample(self.partner_ids, rng.randint(1, 3))]
            chosen = set(members)
            field_companies = self.companies_by_sector[sector_index] or all_companies
            while len(members) < size:
                if rng.random() < 0.85:
                    candidate = field_companies[next_company[sector_index] % len(field_companies)]
                    next_company[sector_index] += 1
                else:
                    candidate = rng.choice(all_companies)
                if candidate not in chosen:
                    chosen.add(candidate)
                    members.append(candidate)
            assert cluster.founded_on is not None
            latest_join = REFERENCE_DAY - datetime.timedelta(days=30)
            for position, organisation_id in enumerate(members):
                role, joined_on, left_on = Membership.Role.MEMBER, cluster.founded_on, None
                if position == 0:
                    role = Membership.Role.COORDINATOR
                elif rng.random() < 0.08:
                    role = Membership.Role.FOUNDING_MEMBER
                else:
                    joined_on = self.records.day_between(cluster.founded_on, latest_join)
                    if rng.random() < ENDED_SHARE:  # a few have left; history is kept
                        left_on = self.records.day_between(
                            joined_on + datetime.timedelta(days=1), REFERENCE_DAY
                        )
                batch.append(
                    Membership(
                        cluster_id=cluster.pk,
                        organisation_id=organisation_id,
                        role=role,
                        joined_on=joined_on,
                        left_on=left_on,
                    )
                )
            if len(batch) >= 10 * BATCH_SIZE:
                Membership.objects.bulk_create(batch, batch_size=BATCH_SIZE)
                batch = []
        Membership.objects.bulk_create(batch, batch_size=BATCH_SIZE)
        self.progress(f"{sum(sizes):,} memberships (largest cluster {max(sizes):,} members)")

    def create_network_and_labels(self) -> None:
        rng = self.random
        network = Network.objects.create(
            name_lt="Lietuvos klasterių tinklas (bandomieji duomenys)",
            name_en="Lithuanian Cluster Network (benchmark data)",
            acronym=FINGERPRINT,
            founded_on=NETWORK_FOUNDED_ON,
            description_lt="Sugeneruotas tinklas našumui matuoti.",
            description_en="A generated network for measuring performance.",
        )
        NetworkMembership.objects.bulk_create(
            [
                NetworkMembership(
                    network=network,
                    cluster=cluster,
                    joined_on=NETWORK_FOUNDED_ON
                    if number < FOUNDING_CLUSTERS
                    else self.records.day_between(NETWORK_FOUNDED_ON, REFERENCE_DAY),
                    founding_member=number < FOUNDING_CLUSTERS,
                )
                for number, cluster in enumerate(self.records.clusters)
            ],
            batch_size=BATCH_SIZE,
        )
        for number, role in enumerate(
            ["president", "board-member", "board-member", "board-member"]
        ):
            GovernancePosition.objects.create(
                network=network,
                person_name=PEOPLE[number],
                role=role,
                organisation_id=self.records.clusters[number].coordinator_id,
                started_on=NETWORK_FOUNDED_ON,
            )
        labels = []
        for cluster in rng.sample(self.records.clusters, len(self.records.clusters) // 4):
            awarded_on = self.records.day_between(datetime.date(2019, 1, 1), REFERENCE_DAY)
            labels.append(
                Label(
                    cluster=cluster,
                    kind=rng.choices(["bronze", "silver", "gold"], [65, 25, 10])[0],
                    issuer=Label.Issuer.ESCA,
                    awarded_on=awarded_on,
                    valid_until=add_months(awarded_on, 24) - datetime.timedelta(days=1),
                )
            )
        Label.objects.bulk_create(labels, batch_size=BATCH_SIZE)
        self.progress(f"the network, its member clusters and {len(labels):,} labels")


def generate(seed: int = SEED) -> float:
    """Fills an empty benchmark database; returns the seconds it took. One transaction, so
    an interrupted run leaves nothing half made."""
    ensure_benchmark_database()
    if not is_empty():
        raise RuntimeError("The benchmark database already holds data; regenerate from empty.")
    generator = NetworkGenerator(seed)
    with derived.bulk_change() as change:
        generator.records.plan_clusters(EXPECTED_SCALE["clusters"])
        generator.create_organisations()
        generator.create_clusters()
        generator.create_memberships()
        generator.create_network_and_labels()
        # bulk_create bypassed the signals that keep the derived data current: the search
        # index, member counts and flags are rebuilt at the end. Every membership began, and
        # every ended one ended, before REFERENCE_DAY: the counts are the same whatever the day.
        change.everything()
    generator.progress("search index, member counts and flags")
    settle_database()
    generator.progress("statistics and checkpoint")
    return time.perf_counter() - generator.started


def settle_database() -> None:
    """Leaves the database as a running site's would be a while after the load. PostgreSQL's
    autovacuum would vacuum and analyze the new rows; doing it now makes the timings
    independent of when autovacuum happens to run. SQLite gathers no statistics unless the
    application asks (it does not), so it gets none here either; its write-ahead log is
    folded into the file so that the reported size is the database's."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        elif connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
