"""Cached figures and stored member counts follow every change at once."""

import datetime
import re
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from tinklas.clusters.derived import recount_members
from tinklas.clusters.models import Cluster, Membership
from tinklas.network.models import Network, NetworkMembership
from tinklas.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def shown_figure(client, name):
    page = client.get(reverse("network:home")).content.decode()
    return int(re.search(rf'data-figure="{name}">([\d,\s]+)<', page).group(1).replace(",", ""))


def test_home_figures_change_as_soon_as_the_registry_does(client, demo_network):
    assert shown_figure(client, "clusters") == 57
    cluster = Cluster.objects.create(name_lt="Naujas", name_en="New", status="published")
    NetworkMembership.objects.create(
        network=Network.objects.get(), cluster=cluster, joined_on=datetime.date(2024, 1, 1)
    )
    assert shown_figure(client, "clusters") == 58
    company = Organisation.objects.create(name="UAB Nauja", kind="company", headcount=3)
    Membership.objects.create(
        cluster=cluster, organisation=company, joined_on=datetime.date(2024, 1, 1)
    )
    assert shown_figure(client, "smes") == 778
    company.headcount = 900
    company.save()
    assert shown_figure(client, "smes") == 777


def test_member_counts_follow_memberships(demo_network):
    cluster = Cluster.objects.get(acronym="SMART FOOD")
    before = cluster.member_count
    assert before == cluster.memberships.filter(left_on__isnull=True).count()
    company = Organisation.objects.create(name="UAB Dar viena", kind="company")
    membership = Membership.objects.create(
        cluster=cluster, organisation=company, joined_on=datetime.date(2024, 1, 1)
    )
    cluster.refresh_from_db()
    assert cluster.member_count == before + 1
    membership.end(datetime.date.today())
    cluster.refresh_from_db()
    assert cluster.member_count == before


def test_memberships_dated_in_advance_count_from_their_day(demo_network):
    cluster = Cluster.objects.get(acronym="SMART FOOD")
    before = cluster.member_count
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    company = Organisation.objects.create(name="UAB Rytojaus", kind="company")
    Membership.objects.create(cluster=cluster, organisation=company, joined_on=tomorrow)
    cluster.refresh_from_db()
    assert cluster.member_count == before
    # The worker's run just after the next midnight.
    with mock.patch.object(timezone, "localdate", return_value=tomorrow):
        recount_members.call(today.isoformat())
    cluster.refresh_from_db()
    assert cluster.member_count == before + 1


def test_member_directory_follows_memberships_and_cluster_status(client, demo_network):
    def listed(name):
        response = client.get(reverse("clusters:organisation-directory"), {"q": name})
        return [item.name for item in response.context["page"].object_list]

    cluster = Cluster.objects.get(acronym="SMART FOOD")
    company = Organisation.objects.create(name="UAB Ąžuolinė kubilinė", kind="company")
    assert listed("kubiline") == []
    membership = Membership.objects.create(
        cluster=cluster, organisation=company, joined_on=datetime.date(2024, 1, 1)
    )
    assert listed("kubiline") == ["UAB Ąžuolinė kubilinė"]
    cluster.status = Cluster.Status.ARCHIVED
    cluster.save()
    assert listed("kubiline") == []
    cluster.status = Cluster.Status.PUBLISHED
    cluster.save()
    membership.end(datetime.date.today())
    assert listed("kubiline") == []
