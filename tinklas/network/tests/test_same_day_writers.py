"""Whoever writes to the registry — a manager on the pages, staff in the admin, a program
through the API, an import, the approval of an application, a load of the register — the
open-data download and the key figures of the same day follow at once. Each test first reads
both, so that a stale zip or cached figure would be served if the change did not mark the
registry as changed."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tinklas.accounts.tests.factories import cluster_manager, staff, superuser
from tinklas.accounts.tokens import create_token
from tinklas.clusters.models import Cluster, Membership
from tinklas.imports.models import ImportRun
from tinklas.network.models import Network, NetworkMembership
from tinklas.organisations.models import Organisation
from tinklas.organisations.register.tests.register_data import (
    REGISTERED_HEADER,
    company_code,
    load,
    register_file,
    registered,
)
from tinklas.organisations.tests.factories import OrganisationFactory
from tinklas.taxonomy.models import Sector

pytestmark = pytest.mark.django_db


def form_data(response) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """What the browser would post back for the form as the page shows it."""
    data: dict[str, object] = {}
    for field in response.context["form"]:
        value = field.value()
        if isinstance(value, list | tuple):
            data[field.name] = [str(item) for item in value]
        elif isinstance(value, datetime.date):
            data[field.name] = value.isoformat()
        else:
            data[field.name] = "" if value is None else str(value)
    return data


def test_a_profile_edited_on_its_page(
    client, member_cluster, open_data, key_figures, rows_by
) -> None:
    open_data()
    assert key_figures().fields == 0
    client.force_login(cluster_manager(member_cluster))
    edit = reverse("clusters:edit", args=[member_cluster.slug])
    data = form_data(client.get(edit))
    data.update(name_en="Smart food cluster", sectors=[str(Sector.objects.get(slug="ict").pk)])
    assert client.post(edit, data).status_code == 302

    clusters = rows_by(open_data()["clusters.csv"], "identifier")
    assert clusters["food"]["name"] == "Smart food cluster"
    assert key_figures().fields == 1


def test_a_member_added_on_the_page(client, member_cluster, open_data, key_figures, rows_by):
    open_data()
    assert key_figures().member_organisations == 1
    newcomer = OrganisationFactory(name="UAB Duona", slug="duona", headcount=3)
    client.force_login(cluster_manager(member_cluster))
    today = timezone.localdate()
    response = client.post(
        reverse("clusters:member-add", args=[member_cluster.slug]),
        {"organisation": newcomer.pk, "joined_on": today.isoformat(), "role": "member"},
    )
    assert response.status_code == 302

    published = open_data()
    assert rows_by(published["clusters.csv"], "identifier")["food"]["members"] == "2"
    assert "duona" in rows_by(published["organisations.csv"], "identifier")
    memberships = rows_by(published["memberships.csv"], "organisation")
    assert memberships["duona"]["joined_on"] == today.isoformat()
    assert (key_figures().member_organisations, key_figures().member_smes) == (2, 2)


def test_an_organisation_changed_in_the_admin(
    client, member_cluster, open_data, key_figures, rows_by
) -> None:
    open_data()
    assert key_figures().member_smes == 1
    organisation = Organisation.objects.get(name="UAB Pienas")
    client.force_login(superuser("admin@example.org"))
    response = client.post(
        reverse("admin:organisations_organisation_change", args=[organisation.pk]),
        {
            "name": "UAB Didysis pienas",
            "slug": organisation.slug,
            "kind": organisation.kind,
            "country": organisation.country,
            "headcount": "900",  # no longer a small or medium company
            "description_lt": "",
            "description_en": "",
            "representatives-TOTAL_FORMS": "0",
            "representatives-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    organisations = rows_by(open_data()["organisations.csv"], "identifier")
    assert organisations[organisation.slug]["name"] == "UAB Didysis pienas"
    assert key_figures().member_smes == 0


def test_a_membership_ended_through_the_api(
    client, member_cluster, open_data, key_figures, rows_by
) -> None:
    open_data()
    assert key_figures().member_organisations == 1
    membership = Membership.objects.get(cluster=member_cluster)
    key = create_token(cluster_manager(member_cluster), "test")[1]
    today = timezone.localdate()
    response = client.patch(
        f"/api/v1/memberships/{membership.pk}/",
        json.dumps({"left_on": today.isoformat()}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 200, response.content

    published = open_data()
    assert rows_by(published["clusters.csv"], "identifier")["food"]["members"] == "0"
    ended = rows_by(published["memberships.csv"], "organisation")[membership.organisation.slug]
    assert ended["left_on"] == today.isoformat()
    assert rows_by(published["organisations.csv"], "name")["UAB Pienas"]["clusters"] == ""
    assert key_figures().member_organisations == 0


def test_a_member_list_imported(client, member_cluster, open_data, key_figures, rows_by):
    open_data()
    assert key_figures().member_organisations == 1
    client.force_login(cluster_manager(member_cluster))
    today = timezone.localdate()
    content = io.StringIO()
    writer = csv.DictWriter(content, fieldnames=["name", "kind", "headcount", "joined_on"])
    writer.writeheader()
    writer.writerow({"name": "UAB Sūris", "headcount": "4", "joined_on": today.isoformat()})
    upload = SimpleUploadedFile("members.csv", content.getvalue().encode())
    client.post(reverse("imports:cluster", args=[member_cluster.slug]), {"file": upload})
    run = ImportRun.objects.latest("pk")
    client.post(reverse("imports:commit", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.COMMITTED

    published = open_data()
    assert rows_by(published["clusters.csv"], "identifier")["food"]["members"] == "2"
    assert "UAB Sūris" in rows_by(published["organisations.csv"], "name")
    assert (key_figures().member_organisations, key_figures().member_smes) == (2, 2)


def test_an_approved_application(
    client, member_cluster, submitted_application, open_data, key_figures, rows_by
) -> None:
    open_data()
    figures_before = key_figures()
    client.force_login(staff())
    response = client.post(
        reverse("applications:review", args=[submitted_application.pk]),
        {"decision": "approve", "approve-message": ""},
    )
    assert response.status_code == 302
    cluster = Cluster.objects.get(acronym="BRC")

    published = open_data()
    approved = rows_by(published["clusters.csv"], "identifier")[cluster.slug]
    assert (approved["name"], approved["members"]) == ("Baltic Robotics Cluster", "3")
    members = [row for row in published["memberships.csv"] if row["cluster"] == cluster.slug]
    assert len(members) == 3
    assert "UAB Griebtuvai" in rows_by(published["organisations.csv"], "name")
    # The key figures count the network's member clusters: the approval registers the
    # cluster in the directory, and the network admits it the same day.
    assert key_figures() == figures_before
    NetworkMembership.objects.create(
        network=Network.objects.get(), cluster=cluster, joined_on=timezone.localdate()
    )
    assert key_figures().clusters == figures_before.clusters + 1
    assert key_figures().member_organisations == figures_before.member_organisations + 3


def test_a_register_load(tmp_path, member_cluster, open_data, open_data_zips, key_figures):
    """The register's entities are read where they are compared with organisations; neither
    the download nor the figures show them, so a load leaves the day's zip as it is built
    rather than building it again."""
    published = open_data()
    figures_before = key_figures()
    archives = open_data_zips()
    assert len(archives) == 1
    entities = [registered(company_code("30000001"), "UAB Pienas")]
    loaded = load(register_file(tmp_path / "register.csv", REGISTERED_HEADER, entities))
    assert loaded.state == loaded.State.DONE

    assert open_data() == published
    assert open_data_zips() == archives
    assert key_figures() == figures_before
