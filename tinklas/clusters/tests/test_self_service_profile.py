"""Cluster managers edit their cluster's profile in every language; two managers editing at
once never overwrite each other silently."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from tinklas.accounts.tests.factories import cluster_manager
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.taxonomy.models import Sector

pytestmark = pytest.mark.django_db


def form_data(response):
    """What the browser would post back for the form as the page shows it."""
    data = {}
    for field in response.context["form"]:
        value = field.value()
        if isinstance(value, list | tuple):
            data[field.name] = [str(item) for item in value]
        elif value is None:
            data[field.name] = ""
        elif isinstance(value, datetime.date):
            data[field.name] = value.isoformat()
        else:
            data[field.name] = str(value)
    return data


@pytest.fixture
def cluster():
    cluster = ClusterFactory(name_lt="Maisto klasteris", name_en="Food cluster", acronym="MK")
    MembershipFactory(cluster=cluster, organisation__name="UAB Koordinatorius")
    return cluster


def edit_url(cluster):
    return reverse("clusters:edit", args=[cluster.slug])


def test_manager_edits_both_languages_and_the_public_profile_shows_them(client, cluster):
    manager = cluster_manager(cluster)
    client.force_login(manager)
    data = form_data(client.get(edit_url(cluster)))
    ict = Sector.objects.get(slug="ict")
    data.update(
        name_lt="Sumanaus maisto klasteris",
        name_en="Smart food cluster",
        description_lt="Jungia maisto gamintojus.",
        description_en="Brings food producers together.",
        sectors=[str(ict.pk)],
        maturity="mature",
        maturity_assessed_on="2025-03-01",
    )
    response = client.post(edit_url(cluster), data)
    assert response.status_code == 302

    english = client.get(reverse("clusters:profile", args=[cluster.slug])).content.decode()
    assert "Smart food cluster" in english
    assert "Brings food producers together." in english
    assert ict.name_en in english
    lithuanian = client.get(f"/lt/clusters/{cluster.slug}/").content.decode()
    assert "Sumanaus maisto klasteris" in lithuanian
    assert "Jungia maisto gamintojus." in lithuanian
    entry = LogEntry.objects.get_for_object(cluster).latest("timestamp")
    assert entry.actor == manager


def test_the_models_rules_are_shown_next_to_the_field(client, cluster):
    client.force_login(cluster_manager(cluster))
    data = form_data(client.get(edit_url(cluster)))
    data.update(maturity="formed", maturity_assessed_on="", name_lt="", name_en="")
    response = client.post(edit_url(cluster), data)
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"maturity_assessed_on", "name_lt"}
    assert "Give the date the maturity was assessed." in response.content.decode()
    assert "Give the cluster&#x27;s name in at least one language." in response.content.decode()
    assert Cluster.objects.get(pk=cluster.pk).maturity == ""


def test_a_cluster_with_only_an_english_name_saves_its_profile(client, cluster):
    client.force_login(cluster_manager(cluster))
    data = form_data(client.get(edit_url(cluster)))
    data.update(name_lt="", name_en="Laser Cluster")
    assert client.post(edit_url(cluster), data).status_code == 302
    cluster.refresh_from_db()
    assert not cluster.name_lt
    assert cluster.name_en == "Laser Cluster"


def test_changing_only_the_fields_is_saved_and_logged(client, cluster):
    manager = cluster_manager(cluster)
    client.force_login(manager)
    data = form_data(client.get(edit_url(cluster)))
    tourism = Sector.objects.get(slug="tourism")
    data["sectors"] = [str(tourism.pk)]
    assert client.post(edit_url(cluster), data).status_code == 302
    assert list(cluster.sectors.all()) == [tourism]
    # The row's version moved too, so a form loaded before this save sees a conflict.
    stale = client.post(edit_url(cluster), data)
    assert stale.status_code == 200
    assert stale.context["form"].conflict is not None


def test_concurrent_edits_are_shown_and_never_overwrite(client, cluster):
    first = cluster_manager(cluster, "first@example.org")
    second = cluster_manager(cluster, "second@example.org")
    client.force_login(first)
    first_data = form_data(client.get(edit_url(cluster)))
    client.force_login(second)
    second_data = form_data(client.get(edit_url(cluster)))

    client.force_login(first)
    first_data.update(name_en="Food and drink cluster", contact_phone="+370 600 00001")
    assert client.post(edit_url(cluster), first_data).status_code == 302

    client.force_login(second)
    second_data.update(name_en="Food cluster of Lithuania")
    response = client.post(edit_url(cluster), second_data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this page after you opened it" in page
    assert "first@example.org" in page
    assert "Name (English)</strong>: Food cluster → Food and drink cluster" in page
    assert "Saved by someone else meanwhile: +370 600 00001" in page
    # The second manager's own input is still in the form.
    assert 'value="Food cluster of Lithuania"' in page
    cluster.refresh_from_db()
    assert cluster.name_en == "Food and drink cluster"
    assert cluster.contact_phone == "+370 600 00001"

    # Saving once more, deliberately, succeeds: the form now carries the new version.
    again = form_data(response)
    assert client.post(edit_url(cluster), again).status_code == 302
    cluster.refresh_from_db()
    assert cluster.name_en == "Food cluster of Lithuania"
    entry = LogEntry.objects.get_for_object(cluster).latest("timestamp")
    assert entry.actor == second


def test_a_conflict_lists_changed_fields_in_the_readers_language(client, cluster):
    cluster.sectors.set([Sector.objects.get(slug="tourism")])
    cluster.save()
    first = cluster_manager(cluster, "pirmas@example.org")
    second = cluster_manager(cluster, "antras@example.org")
    english_url = edit_url(cluster)  # reverse() follows the language of the last request
    client.force_login(second)
    second_data = form_data(client.get(english_url))

    # The first manager works in Lithuanian: the log names the fields in Lithuanian.
    client.force_login(first)
    lithuanian_url = f"/lt/clusters/{cluster.slug}/edit/"
    first_data = form_data(client.get(lithuanian_url))
    first_data["sectors"] = [str(Sector.objects.get(slug="ict").pk)]
    assert client.post(lithuanian_url, first_data).status_code == 302

    client.force_login(second)
    page = client.post(english_url, second_data).content.decode()
    assert "Fields</strong>: Tourism → Information and communication technologies" in page
