"""Key figures say which members they count: the organisations counted from member lists,
and beside them the member clusters whose members are only reported, with the total they
reported, never added to the counted ones."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.network import figures
from tinklas.network.models import NetworkMembership

pytestmark = pytest.mark.django_db
REPORTED_ON = datetime.date(2025, 6, 30)


@pytest.fixture
def reporting(network, member_cluster):
    """Beside the member cluster with one counted member: a member cluster that reported 40
    members, and a cluster outside the network that reported 99."""
    cluster = ClusterFactory(
        name="Robotics", reported_member_count=40, reported_members_on=REPORTED_ON
    )
    NetworkMembership.objects.create(
        network=network, cluster=cluster, joined_on=datetime.date(2021, 1, 1)
    )
    ClusterFactory(name="Outside", reported_member_count=99, reported_members_on=REPORTED_ON)
    return cluster


def test_reported_members_are_counted_apart_from_the_member_lists(reporting):
    today = timezone.localdate()
    numbers = figures.key_figures(today)
    assert (numbers.clusters_with_reported_members, numbers.reported_members) == (1, 40)
    assert numbers.member_organisations == 1  # the one counted member, not 41
    before_the_report = figures.key_figures(REPORTED_ON - datetime.timedelta(days=1))
    assert before_the_report.clusters_with_reported_members == 0
    MembershipFactory(cluster=reporting)  # its member list begins: the count takes over
    later = figures.key_figures(today)
    assert (later.clusters_with_reported_members, later.reported_members) == (0, 0)
    assert later.member_organisations == 2


def test_the_home_page_and_the_api_say_which_figure_is_which(client, reporting):
    page = client.get("/en/").content.decode()
    assert "counted from the member lists" in page
    assert re.search(r'data-figure="reported-members">about 40<', page)
    assert "as reported by 1 member cluster with no member list here" in page
    data = client.get("/api/v1/key-figures/").json()
    assert (data["clusters_with_reported_members"], data["reported_members"]) == (1, 40)
    network_page = " ".join(client.get("/en/network/").content.decode().split())
    assert "1 member cluster without a member list here reported about 40 members." in network_page


def test_without_reported_members_the_home_page_shows_no_such_figure(client, member_cluster):
    page = client.get("/en/").content.decode()
    assert 'data-figure="reported-members"' not in page
