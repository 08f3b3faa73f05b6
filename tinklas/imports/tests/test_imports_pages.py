"""The pages of imports: who opens them, the progress of a running import, and the history
whose queries do not grow with the number of imports."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tinklas.accounts.tests.factories import cluster_manager, staff
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.imports.models import ImportRun
from tinklas.imports.tests.builders import csv_file, last_run, stored_run, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster():
    return ClusterFactory(name="Food cluster")


@pytest.fixture
def manager(client, cluster):
    user = cluster_manager(cluster)
    client.force_login(user)
    return user


def test_a_running_import_shows_its_progress_and_polls(client, cluster, manager):
    run = stored_run(
        cluster, manager, status=ImportRun.Status.CHECKING, total_rows=800, processed_rows=200
    )
    page = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert '<progress class="w-100" max="800" value="200"' in page
    assert "Checking the rows: 200 of 800 (25 %)." in page
    assert 'hx-trigger="every 2s"' in page
    assert "Reload to see the progress" in page

    polled = client.get(reverse("imports:run", args=[run.pk]), headers={"HX-Request": "true"})
    assert "200 of 800" in polled.content.decode()
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.CHECKED)
    finished = client.get(reverse("imports:run", args=[run.pk]), headers={"HX-Request": "true"})
    assert finished["HX-Refresh"] == "true"


def test_a_manager_imports_only_into_their_own_cluster(client, cluster, manager):
    other = ClusterFactory(name="Other cluster")
    response = upload(client, other, csv_file([{"name": "UAB X", "joined_on": "2025-01-01"}]))
    assert response.status_code == 403
    assert client.get(reverse("imports:list")).status_code == 403
    assert not ImportRun.objects.exists()


def test_only_the_uploader_and_staff_open_a_run(client, cluster, manager):
    upload(client, cluster, csv_file([{"name": "UAB X", "joined_on": "2025-01-01"}]))
    run = last_run()
    colleague = cluster_manager(cluster)
    client.force_login(colleague)
    assert client.get(reverse("imports:run", args=[run.pk])).status_code == 403
    assert client.post(reverse("imports:commit", args=[run.pk])).status_code == 403
    page = client.get(reverse("imports:cluster", args=[cluster.slug])).content.decode()
    assert "members.csv" in page  # listed in the cluster's history, not linked
    assert reverse("imports:run", args=[run.pk]) not in page
    client.force_login(staff())
    assert client.get(reverse("imports:run", args=[run.pk])).status_code == 200


def test_the_history_runs_the_same_queries_for_3_or_30_imports(client, cluster, manager):
    client.force_login(staff())

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("imports:list"))
        assert response.status_code == 200
        return len(queries)

    for _number in range(3):
        stored_run(ClusterFactory(), cluster_manager(cluster))
    few = count()
    for _number in range(27):
        stored_run(ClusterFactory(), cluster_manager(cluster))
    assert count() == few
