"""Every list page and profile runs the same number of queries however much data there is."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tinklas.clusters.models import Cluster, Label, Membership
from tinklas.network.models import Network, NetworkMembership
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import Ecosystem, Region, Sector

pytestmark = pytest.mark.django_db


def grow(extra_clusters: int, members_each: int) -> None:
    """Adds published member clusters, each with members, a label, fields and ecosystems."""
    network = Network.objects.get()
    vilnius = Region.objects.get(code="LT-57")
    for number in range(extra_clusters):
        cluster = Cluster.objects.create(
            name_lt=f"Papildomas klasteris {number}",
            name_en=f"Extra cluster {number}",
            acronym=f"EX{number}",
            status="published",
            municipality=vilnius,
            founded_on=datetime.date(2015, 1, 1),
        )
        cluster.sectors.set(Sector.objects.all()[:2])
        cluster.ecosystems.set(Ecosystem.objects.all()[:2])
        Label.objects.create(
            cluster=cluster,
            kind="bronze",
            issuer="ESCA",
            awarded_on=datetime.date.today() - datetime.timedelta(days=10),
            valid_until=datetime.date.today() + datetime.timedelta(days=700),
        )
        NetworkMembership.objects.create(
            network=network, cluster=cluster, joined_on=datetime.date(2021, 1, 1)
        )
        for member in range(members_each):
            organisation = Organisation.objects.create(
                name=f"UAB Papildoma {number}-{member}",
                kind="company",
                headcount=5,
                municipality=vilnius,
            )
            Membership.objects.create(
                cluster=cluster, organisation=organisation, joined_on=datetime.date(2022, 1, 1)
            )


def query_count(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, address
    return len(queries)


def addresses() -> list[str]:
    smart_food = Cluster.objects.get(acronym="SMART FOOD")
    member = smart_food.memberships.exclude(role="coordinator").first().organisation
    directory = reverse("clusters:directory")
    organisations = reverse("clusters:organisation-directory")
    return [
        reverse("network:home"),
        directory,
        directory + "?q=klasteris&sector=ict&county=LT-VL&label=any",
        directory + "?sort=members&page=2",
        reverse("clusters:profile", args=[smart_food.slug]),
        organisations,
        organisations + "?q=uab&county=LT-VL&kind=company&size=micro",
        reverse("clusters:organisation", args=[member.slug]),
        reverse("network:about"),
    ]


def test_query_counts_do_not_grow_with_the_data(client, demo_network):
    pages = addresses()
    for address in pages:  # warm caches (content types, sessions) before counting
        client.get(address)
    before = {address: query_count(client, address) for address in pages}
    grow(extra_clusters=25, members_each=12)
    # SMART FOOD also gets many more members: its profile must stay flat too.
    smart_food = Cluster.objects.get(acronym="SMART FOOD")
    for number in range(60):
        organisation = Organisation.objects.create(
            name=f"UAB Pieno ūkis {number}", kind="company", headcount=3
        )
        Membership.objects.create(
            cluster=smart_food, organisation=organisation, joined_on=datetime.date(2023, 1, 1)
        )
    for address in pages:  # the cached overview is recomputed once after the change
        client.get(address)
    after = {address: query_count(client, address) for address in pages}
    assert after == before
    assert max(before.values()) <= 25
