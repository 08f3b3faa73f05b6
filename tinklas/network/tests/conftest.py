"""Fixtures for the tests of what the network publishes: the open-data download and the key
figures as a visitor gets them, and a small registry with one member cluster of the network."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Callable

import pytest
from django.urls import reverse
from django.utils import timezone
from stdnum.lt import pvm

from tinklas.accounts.tests import factories as people
from tinklas.applications.models import ApplicationMember, ClusterApplication
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.network import figures
from tinklas.network.models import Network, NetworkMembership
from tinklas.taxonomy.models import Region, Sector

OpenData = dict[str, list[dict[str, str]]]


@pytest.fixture
def open_data(client) -> Callable[[], OpenData]:  # type: ignore[no-untyped-def]
    """Downloads today's open-data zip as a visitor would: its files' rows by file name."""

    def download() -> OpenData:
        response = client.get(reverse("opendata:archive"))
        assert response.status_code == 200
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        return {
            name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
            for name in archive.namelist()
            if name.endswith(".csv")
        }

    return download


@pytest.fixture
def key_figures() -> Callable[[], figures.KeyFigures]:
    """Today's key figures as the home and network pages show them (cached)."""
    return lambda: figures.overview(timezone.localdate()).figures


@pytest.fixture
def network() -> Network:
    return Network.objects.create(name="Klasterių tinklas", founded_on=datetime.date(2020, 5, 27))


@pytest.fixture
def member_cluster(network: Network) -> Cluster:
    """A published cluster that is a member of the network, with one member SME."""
    cluster = ClusterFactory(
        name_lt="Maisto klasteris", name_en="Food cluster", slug="food", acronym="FOOD"
    )
    NetworkMembership.objects.create(
        network=network, cluster=cluster, joined_on=datetime.date(2021, 1, 1)
    )
    MembershipFactory(cluster=cluster, organisation__name="UAB Pienas", organisation__headcount=12)
    return cluster


def by_column(rows: list[dict[str, str]], column: str) -> dict[str, dict[str, str]]:
    return {row[column]: row for row in rows}


@pytest.fixture
def rows_by() -> Callable[[list[dict[str, str]], str], dict[str, dict[str, str]]]:
    """A file's rows by the value of one column (a cluster's identifier, a name)."""
    return by_column


@pytest.fixture
def submitted_application() -> ClusterApplication:
    """A submitted application of "Baltic Robotics Cluster" with three new members."""

    def company_code(number: int) -> str:
        first = f"{number:08d}"
        return first + pvm.calc_check_digit(first)

    application = ClusterApplication.objects.create(
        applicant=people.person(),
        status=ClusterApplication.Status.SUBMITTED,
        submitted_at=timezone.now(),
        name="Baltic Robotics Cluster",
        acronym="BRC",
        description="Robot makers and integrators of the Baltic coast.",
        website="https://robotics.example.org",
        municipality=Region.objects.filter(kind=Region.Kind.MUNICIPALITY).order_by("pk")[0],
        coordinator_name="Robotai",
        coordinator_code=company_code(30470000),
        management_fte="1.5",
        contact_person="Rasa Petraitė",
        contact_email="rasa@robotics.example.org",
    )
    application.sectors.set(Sector.objects.order_by("pk")[:1])
    for number, name in enumerate(["UAB Robotai", "UAB Griebtuvai", "UAB Jutikliai"]):
        ApplicationMember.objects.create(
            application=application,
            name=name,
            company_code=company_code(30470000 + number),
            kind="company",
        )
    return application
