"""Fixtures for the tests of what the network publishes: the open-data download and the key
figures as a visitor gets them, and a small registry with one member cluster of the network."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone
from stdnum.lt import pvm

from tinklas.accounts.tests import factories as people
from tinklas.applications.models import ApplicationMember, ClusterApplication
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.network.models import Network, NetworkMembership
from tinklas.taxonomy.models import Region, Sector


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
