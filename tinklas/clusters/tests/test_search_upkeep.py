"""The search index follows every create, update and delete of clusters, organisations and
memberships, including those made in the admin."""

import datetime

import pytest
from django.urls import reverse

from tinklas.accounts.tests.factories import superuser
from tinklas.clusters.models import Cluster, Membership
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import rename_in_admin
from tinklas.search.index import Search

pytestmark = pytest.mark.django_db


def clusters_found(text):
    return set(
        Cluster.objects.filter(Search.parse(text).matches("cluster")).values_list(
            "acronym", flat=True
        )
    )


def organisations_found(text):
    return set(
        Organisation.objects.filter(Search.parse(text).matches("organisation")).values_list(
            "name", flat=True
        )
    )


def test_clusters_are_indexed_on_save_and_removed_on_delete():
    cluster = Cluster.objects.create(
        name_lt="Vandenilio klasteris", name_en="Hydrogen Cluster", acronym="H2"
    )
    assert clusters_found("vandenilio") == {"H2"}
    cluster.technologies = "elektrolizė"
    cluster.save()
    assert clusters_found("elektrolize") == {"H2"}
    cluster.delete()
    assert clusters_found("vandenilio") == set()


def test_members_names_follow_memberships_and_renames():
    cluster = Cluster.objects.create(
        name_lt="Pieno klasteris", name_en="Dairy Cluster", acronym="PK"
    )
    organisation = Organisation.objects.create(name="UAB Žalioji pieninė", kind="company")
    membership = Membership.objects.create(
        cluster=cluster, organisation=organisation, joined_on=datetime.date(2024, 1, 1)
    )
    assert clusters_found("pienine") == {"PK"}
    organisation.name = "UAB Gintarinė sūrinė"
    organisation.save()
    assert clusters_found("surine") == {"PK"}
    assert organisations_found("surine") == {"UAB Gintarinė sūrinė"}
    membership.end(datetime.date.today())
    assert clusters_found("surine") == set()
    Membership.objects.filter(pk=membership.pk).get().delete()
    assert organisations_found("gintarine") == {"UAB Gintarinė sūrinė"}
    organisation.delete()
    assert organisations_found("gintarine") == set()


def test_activities_are_searchable_by_code_and_words():
    from tinklas.taxonomy.models import NaceActivity

    organisation = Organisation.objects.create(
        name="UAB Kodas",
        kind="company",
        main_activity=NaceActivity.objects.get(revision="2.1", code="62.10"),
    )
    organisation.other_activities.add(NaceActivity.objects.get(revision="2.1", code="10.51"))
    assert organisations_found("62.10") == {"UAB Kodas"}
    assert organisations_found("programming") == {"UAB Kodas"}
    assert organisations_found("10.51") == {"UAB Kodas"}


def test_admin_edits_reach_the_index(client):
    staff = superuser("admin@example.org")
    client.force_login(staff)
    organisation = Organisation.objects.create(name="UAB Senas vardas", kind="company")
    response = rename_in_admin(client, organisation, "UAB Naujas vardas")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert organisations_found("naujas") == {"UAB Naujas vardas"}
    assert organisations_found("senas") == set()
    response = client.post(
        reverse("admin:organisations_organisation_delete", args=[organisation.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert organisations_found("naujas") == set()
