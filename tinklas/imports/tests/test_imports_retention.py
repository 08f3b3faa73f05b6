"""What is kept of imports, and how many a cluster may have: a run keeps the results of a
limited number of rows and its file only until it is written or can no longer be; old runs are
pruned by a command; a cluster has a limited number of imports a day."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

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


def test_a_large_file_keeps_the_results_of_a_few_rows_errors_first_and_says_so(
    client, cluster, manager, settings
):
    settings.TINKLAS_IMPORT_RESULTS_KEPT = 3
    rows: list[dict[str, object]] = [
        {"name": f"UAB Eilė {number}", "joined_on": "2025-01-01"} for number in range(1, 6)
    ]
    rows.append({"name": "UAB Klaida", "company_code": "123", "joined_on": "2025-01-01"})
    upload(client, cluster, csv_file(rows))

    run = last_run()
    assert (run.new_rows, run.error_rows, run.processed_rows) == (5, 1, 6)  # every row counted
    assert [result["row"] for result in run.results] == [2, 3, 7]  # the error, then the top
    page = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert "5 new" in page
    assert "Only 3 rows of the 6 are kept and shown" in page
    assert "UAB Klaida" in page
    assert "UAB Eilė 1" in page
    assert "UAB Eilė 5" not in page


def test_the_uploaded_file_is_dropped_once_written_and_when_it_cannot_be(client, cluster, manager):
    upload(client, cluster, csv_file([{"name": "UAB Rašoma", "joined_on": "2025-01-01"}]))
    written = last_run()
    assert written.may_commit
    assert written.content  # the commit reads it

    client.post(reverse("imports:commit", args=[written.pk]))

    written.refresh_from_db()
    assert written.status == ImportRun.Status.COMMITTED
    assert written.content is None
    upload(client, cluster, csv_file([{"name": "UAB Klaida", "company_code": "123"}]))
    with_errors = last_run()
    assert with_errors.error_rows == 1
    assert with_errors.content is None  # it can never be written


def test_prune_deletes_the_runs_older_than_the_setting_and_keeps_recent_ones(cluster, settings):
    settings.TINKLAS_IMPORT_RUNS_KEPT_DAYS = 30
    user = cluster_manager(cluster)
    now = timezone.now()
    stored_run(cluster, user, created_at=now - datetime.timedelta(days=31))
    recent = stored_run(cluster, user, created_at=now - datetime.timedelta(days=29))
    output = io.StringIO()

    call_command("prune_import_runs", stdout=output)

    assert output.getvalue() == "Imports uploaded more than 30 days ago deleted: 1.\n"
    assert list(ImportRun.objects.all()) == [recent]


def test_the_21st_import_of_a_day_is_refused_with_the_limit_named(client, cluster, manager):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    stored_run(cluster, manager, created_at=yesterday)  # another day's does not count
    stored_run(ClusterFactory(), manager)  # nor another cluster's
    for _number in range(19):
        stored_run(cluster, manager)
    content = csv_file([{"name": "UAB Dvidešimta", "joined_on": "2025-01-01"}])
    assert upload(client, cluster, content).status_code == 302  # the 20th
    runs = ImportRun.objects.count()
    message = (
        "This cluster has had 20 imports today, the most a cluster may have in a day. "
        "Upload the file again tomorrow, or ask the network&#x27;s staff to import it."
    )

    page = client.get(reverse("imports:cluster", args=[cluster.slug]))
    refused = upload(client, cluster, content)

    assert message in page.content.decode()
    assert refused.status_code == 200
    assert message in refused.content.decode()
    assert ImportRun.objects.count() == runs
    client.force_login(staff())  # staff are not limited
    assert upload(client, cluster, content).status_code == 302
    assert ImportRun.objects.count() == runs + 1
