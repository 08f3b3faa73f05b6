"""Clusters join the network in bulk from the administration's cluster list: the joining day
asked on a page of its own, the clusters that are not members yet added in one transaction,
each addition audited, those already members named and left alone, a bad date refused naming
the field, and the key figures following at once."""

from __future__ import annotations

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from tinklas.accounts.tests.factories import superuser
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.network.models import NetworkMembership

pytestmark = pytest.mark.django_db
with translation.override("en"):
    CHANGELIST = reverse("admin:clusters_cluster_changelist")
JOINED = datetime.date(2024, 3, 1)


@pytest.fixture
def secretariat(client):  # type: ignore[no-untyped-def]
    user = superuser("secretariat@example.org")
    client.force_login(user)
    return user


def choose(client, clusters, **data):  # type: ignore[no-untyped-def]
    return client.post(
        CHANGELIST,
        {
            "action": "add_to_the_network",
            ACTION_CHECKBOX_NAME: [cluster.pk for cluster in clusters],
            **data,
        },
        follow="apply" in data,
    )


def messages_of(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(message) for message in response.context["messages"]]


def test_the_action_asks_for_the_day_then_adds_the_clusters_not_yet_members(
    client, secretariat, network, member_cluster, key_figures
):
    newcomers = [ClusterFactory(name="Alpha"), ClusterFactory(name="Beta")]
    before = key_figures().clusters
    asked = choose(client, [*newcomers, member_cluster])
    assert asked.status_code == 200
    page = asked.content.decode()
    assert 'name="joined_on"' in page and 'name="founding_member"' in page
    assert "Alpha" in page and "Food cluster" in page
    assert not NetworkMembership.objects.filter(cluster__in=newcomers).exists()

    done = choose(
        client,
        [*newcomers, member_cluster],
        apply="1",
        joined_on="2024-03-01",
        founding_member="on",
    )
    assert done.redirect_chain[-1][0].startswith(CHANGELIST)
    added = NetworkMembership.objects.filter(cluster__in=newcomers)
    assert [(item.cluster.name, item.joined_on, item.founding_member) for item in added] == [
        ("Alpha", JOINED, True),
        ("Beta", JOINED, True),
    ]
    assert NetworkMembership.objects.filter(cluster=member_cluster).count() == 1
    assert messages_of(done) == [
        "2 clusters joined the network: Alpha, Beta.",
        "1 cluster was already a member and was left as it was: Food cluster.",
    ]
    entries = LogEntry.objects.get_for_objects(added)
    assert entries.count() == 2
    assert {entry.actor for entry in entries} == {secretariat}
    assert key_figures().clusters == before + 2  # the cached figures follow at once


def test_a_bad_date_is_refused_naming_the_field_and_nothing_is_written(
    client, secretariat, network
):
    clusters = [ClusterFactory(name="Alpha")]
    response = choose(client, clusters, apply="1", joined_on="2024-02-30")
    assert response.status_code == 200  # the page again, with the error
    assert any(message.startswith("Joined on: ") for message in messages_of(response))
    assert "errors" in response.content.decode()
    assert not NetworkMembership.objects.exists()


def test_the_clusters_join_all_or_none(client, secretariat, network, monkeypatch):
    clusters = [ClusterFactory(name="Alpha"), ClusterFactory(name="Beta")]
    checked = NetworkMembership.full_clean

    def refuse_beta(membership, *args, **kwargs):  # type: ignore[no-untyped-def]
        if membership.cluster.name == "Beta":
            raise ValidationError({"joined_on": "Refused for the test."})
        checked(membership, *args, **kwargs)

    monkeypatch.setattr(NetworkMembership, "full_clean", refuse_beta)
    response = choose(client, clusters, apply="1", joined_on="2024-03-01")
    assert messages_of(response) == ["Beta: Joined on: Refused for the test."]
    assert not NetworkMembership.objects.exists()  # Alpha, saved first, is rolled back


def test_the_cluster_list_says_which_clusters_are_members(
    client, secretariat, network, member_cluster
):
    ClusterFactory(name="Outsider")
    response = client.get(CHANGELIST)
    members = {
        cluster.name: cluster.network_member for cluster in response.context["cl"].result_list
    }
    assert members == {"Food cluster": True, "Outsider": False}
