"""The staff's list of coordinators known only by name: every cluster whose source named its
coordinator and that is not linked to a registered organisation yet, with the way to link it;
for network staff only, reached from their menu."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tinklas.accounts.tests.factories import cluster_manager, staff
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
PAGE = "/en/clusters/coordinators/unlinked/"


@pytest.fixture
def clusters():
    return {
        "named": ClusterFactory(name="Named cluster", coordinator_name="VšĮ Inovacijų centras"),
        "draft": ClusterFactory(
            name="Draft cluster", coordinator_name="UAB Juodraštis", status=Cluster.Status.DRAFT
        ),
        "linked": ClusterFactory(
            name="Linked cluster",
            coordinator_name="UAB Susieta",
            coordinator=OrganisationFactory(name="UAB Susieta"),
        ),
        "unnamed": ClusterFactory(name="Unnamed cluster"),
    }


def test_staff_see_each_unlinked_coordinator_with_the_way_to_link_it(client, clusters):
    client.force_login(staff())
    response = client.get(PAGE)
    assert response.status_code == 200
    page = response.content.decode()
    assert [cluster.name for cluster in response.context["page"].object_list] == [
        "Draft cluster",
        "Named cluster",
    ]
    for key in ("named", "draft"):
        cluster = clusters[key]
        assert cluster.coordinator_name in page
        assert f'href="{reverse("admin:clusters_cluster_change", args=[cluster.pk])}"' in page
    assert "?q=V%C5%A1%C4%AE%20Inovacij%C5%B3%20centras" in page  # the organisation search
    assert f'href="{reverse("clusters:profile", args=["named-cluster"])}"' in page
    assert 'href="/en/clusters/draft-cluster/"' not in page  # a draft has no public page
    assert "UAB Susieta" not in page


def test_once_linked_the_cluster_leaves_the_list(client, clusters):
    client.force_login(staff())
    named = clusters["named"]
    named.coordinator = OrganisationFactory(name="VšĮ Inovacijų centras")
    named.save()
    page = client.get(PAGE).content.decode()
    assert "VšĮ Inovacijų centras" not in page
    assert "Draft cluster" in page


def test_the_page_is_for_network_staff_and_in_their_menu(client, clusters):
    assert client.get(PAGE).status_code == 302  # sign in first
    client.force_login(cluster_manager(clusters["named"]))
    assert client.get(PAGE).status_code == 403
    assert PAGE not in client.get("/en/clusters/").content.decode()
    client.force_login(staff())
    assert f'href="{PAGE}"' in client.get("/en/clusters/").content.decode()


def test_with_none_left_the_page_says_so(client):
    client.force_login(staff())
    page = client.get(PAGE).content.decode()
    assert "Every cluster's coordinator named by a source is linked" in page
