"""A large registry's open-data zip is built by the background worker: downloads meanwhile get
the previous zip, or a page asking to come back when there is none yet."""

import io
import zipfile

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.opendata import archive as open_data_build

pytestmark = pytest.mark.django_db
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def large_registry(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(open_data_build, "BUILD_IN_REQUEST_UP_TO", -1)


def clusters_file(response) -> bytes:
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    return zipfile.ZipFile(io.BytesIO(content)).read("clusters.csv")


def run_queued_builds() -> None:
    for queued in DBTaskResult.objects.all():
        open_data_build.build_in_background.call(*queued.args_kwargs["args"])
    DBTaskResult.objects.all().delete()


def test_the_worker_builds_the_zip_and_the_previous_one_is_sent_meanwhile(client, settings):
    settings.TASKS = QUEUE
    cluster = ClusterFactory(name="First name")
    response = client.get(reverse("opendata:archive"))
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert "is being prepared" in response.content.decode()
    client.get(reverse("opendata:archive"))
    assert DBTaskResult.objects.count() == 1  # queued once, not once per download

    run_queued_builds()
    assert b"First name" in clusters_file(client.get(reverse("opendata:archive")))
    assert not DBTaskResult.objects.exists()

    cluster.name = "Second name"
    cluster.save()
    assert b"First name" in clusters_file(client.get(reverse("opendata:archive")))
    assert DBTaskResult.objects.count() == 1
    run_queued_builds()
    assert b"Second name" in clusters_file(client.get(reverse("opendata:archive")))


def test_without_a_worker_the_download_builds_at_once(client, settings):
    settings.TASKS = IMMEDIATE
    ClusterFactory(name="Only cluster")
    assert b"Only cluster" in clusters_file(client.get(reverse("opendata:archive")))
