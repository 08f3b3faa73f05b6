"""Every write is logged with its actor, time, request id and field changes."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from tinklas.accounts.tests.factories import superuser
from tinklas.clusters.models import Cluster, Membership
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import rename_in_admin

pytestmark = pytest.mark.django_db


def entries_for(instance):
    return LogEntry.objects.get_for_object(instance).order_by("timestamp", "pk")


def test_admin_edits_are_logged_with_actor_request_id_and_changes(client):
    staff = superuser("audit@example.org")
    client.force_login(staff)
    organisation = Organisation.objects.create(name="UAB Senas", kind="company")
    response = rename_in_admin(client, organisation, "UAB Naujas", HTTP_X_REQUEST_ID="request-123")
    assert response.status_code == 302
    assert response["X-Request-ID"] == "request-123"
    entry = entries_for(organisation).last()
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == staff
    assert entry.cid == "request-123"
    assert entry.changes_dict["name"] == ["UAB Senas", "UAB Naujas"]
    assert "is_member" not in entry.changes_dict  # derived fields are not logged


def test_every_response_carries_a_request_id(client):
    first = client.get(reverse("network:home"))["X-Request-ID"]
    second = client.get(reverse("network:home"))["X-Request-ID"]
    assert first and second and first != second
    assert (
        client.get(reverse("network:home"), HTTP_X_REQUEST_ID="<bad id>")["X-Request-ID"]
        != "<bad id>"
    )


def test_creates_updates_and_deletes_of_each_kind_are_logged():
    cluster = Cluster.objects.create(name_lt="Klasteris", name_en="Cluster")
    organisation = Organisation.objects.create(name="UAB Narys", kind="company")
    membership = Membership.objects.create(
        cluster=cluster, organisation=organisation, joined_on=datetime.date(2024, 1, 1)
    )
    membership.end(datetime.date(2025, 1, 1))
    cluster_pk, membership_pk = cluster.pk, membership.pk
    membership.delete()
    actions = list(
        LogEntry.objects.filter(content_type__model="membership", object_pk=str(membership_pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE]
    assert entries_for(organisation).first().action == LogEntry.Action.CREATE
    assert LogEntry.objects.filter(
        object_pk=str(cluster_pk), action=LogEntry.Action.CREATE
    ).exists()
