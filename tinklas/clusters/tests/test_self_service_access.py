"""Only a cluster's own managers (and network staff) reach its self-service pages; visitors
are sent to sign in."""

import pytest
from django.urls import reverse

from tinklas.accounts.tests.factories import cluster_manager, person
from tinklas.clusters.models import Cluster, Membership
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory

pytestmark = pytest.mark.django_db

PAGES = [
    ("clusters:edit", False),
    ("clusters:members", False),
    ("clusters:member-add", False),
    ("clusters:member-new", False),
    ("clusters:member-end", True),
]


@pytest.fixture
def membership():
    return MembershipFactory(cluster=ClusterFactory())


def page_url(name, membership, with_membership):
    arguments = [membership.cluster.slug] + ([membership.pk] if with_membership else [])
    return reverse(name, args=arguments)


@pytest.mark.parametrize(("name", "with_membership"), PAGES)
def test_visitors_are_sent_to_sign_in(client, membership, name, with_membership):
    address = page_url(name, membership, with_membership)
    for response in (client.get(address), client.post(address, {"confirm": "1"})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(("name", "with_membership"), PAGES)
def test_a_manager_of_another_cluster_is_refused(client, membership, name, with_membership):
    client.force_login(cluster_manager(ClusterFactory()))
    address = page_url(name, membership, with_membership)
    assert client.get(address).status_code == 403
    posted = client.post(address, {"left_on": "2026-01-01", "confirm": "1", "name_en": "Taken"})
    assert posted.status_code == 403
    assert Membership.objects.get(pk=membership.pk).left_on is None


@pytest.mark.parametrize(("name", "with_membership"), PAGES)
def test_a_person_without_a_role_is_refused(client, membership, name, with_membership):
    client.force_login(person())
    assert client.get(page_url(name, membership, with_membership)).status_code == 403


@pytest.mark.parametrize(("name", "with_membership"), PAGES)
def test_the_clusters_manager_gets_the_page(client, membership, name, with_membership):
    client.force_login(cluster_manager(membership.cluster))
    assert client.get(page_url(name, membership, with_membership)).status_code == 200


def test_a_membership_of_another_cluster_is_not_found(client, membership):
    client.force_login(cluster_manager(membership.cluster))
    other = MembershipFactory()
    address = reverse("clusters:member-end", args=[membership.cluster.slug, other.pk])
    assert client.post(address, {"left_on": "2026-01-01", "confirm": "1"}).status_code == 404
    assert Membership.objects.get(pk=other.pk).left_on is None


MANAGEMENT_PAGES = [
    "clusters:edit",
    "clusters:members",
    "clusters:team",
    "imports:cluster",
    "audit:cluster-history",
]


@pytest.mark.parametrize("name", MANAGEMENT_PAGES)
def test_an_unpublished_cluster_is_answered_like_an_address_that_leads_nowhere(client, name):
    for status in [Cluster.Status.DRAFT, Cluster.Status.ARCHIVED]:
        ClusterFactory(slug=f"hidden-{status}", status=status)
    addresses = [reverse(name, args=[slug]) for slug in ["hidden-draft", "hidden-archived"]]
    unknown = reverse(name, args=["no-such-cluster"])

    def answers() -> list[tuple[int, str]]:
        return [
            (response.status_code, response.get("Location", "").split("?")[0])
            for response in (client.get(address) for address in [*addresses, unknown])
        ]

    visitor = answers()
    assert len(set(visitor)) == 1 and visitor[0] == (302, reverse("account_login"))
    client.force_login(person())
    signed_in = answers()
    assert len(set(signed_in)) == 1 and signed_in[0][0] == 403


def test_staff_are_told_that_an_unknown_cluster_does_not_exist(client):
    from tinklas.accounts.tests.factories import staff

    client.force_login(staff())
    assert client.get(reverse("clusters:edit", args=["no-such-cluster"])).status_code == 404
