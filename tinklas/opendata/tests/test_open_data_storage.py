"""The open-data zips live in the default file storage, whatever it is (decision 7): a reader
never gets part of a zip, and two builds of the same zip leave one copy."""

import io
import os
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.common import versions
from tinklas.network.figures import REGISTRY
from tinklas.opendata import archive as open_data_build

pytestmark = pytest.mark.django_db
IN_MEMORY = "django.core.files.storage.InMemoryStorage"
# The first bytes of a zip whose save is under way: a file's header, no directory yet.
PART_OF_A_ZIP = b"PK\x03\x04" + bytes(1000)


def clusters_file(client) -> bytes:
    response = client.get(reverse("opendata:archive"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="open-data-en-')
    content = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(content)  # whether built or stored
    return zipfile.ZipFile(io.BytesIO(content)).read("clusters.csv")


def current_name() -> str:
    version = versions.current(REGISTRY)
    return f"open-data/{open_data_build.archive_name('en', timezone.localdate(), version)}"


@pytest.fixture
def in_memory(settings) -> None:
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": IN_MEMORY}}


@pytest.mark.usefixtures("in_memory")
def test_a_storage_without_files_on_disk_holds_the_zips(client, settings, open_data_zips):
    cluster = ClusterFactory(name="First name")
    assert b"First name" in clusters_file(client)
    [built] = open_data_zips()
    assert b"First name" in clusters_file(client)  # served from the storage
    assert open_data_zips() == [built]

    cluster.name = "Second name"
    cluster.save()
    assert b"Second name" in clusters_file(client)
    [rebuilt] = open_data_zips()
    assert rebuilt != built  # the older zip is removed through the storage
    assert not Path(settings.MEDIA_ROOT).exists()  # nothing was written to disk


@pytest.mark.usefixtures("in_memory")
def test_the_worker_shares_the_zips_through_the_storage(client, settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(open_data_build, "BUILD_IN_REQUEST_UP_TO", -1)
    cluster = ClusterFactory(name="First name")
    assert client.get(reverse("opendata:archive")).status_code == 503
    open_data_build.build_in_background.call("en")
    assert b"First name" in clusters_file(client)

    cluster.name = "Second name"
    cluster.save()
    # Until the worker has built the new zip, the previous one is listed and sent.
    assert b"First name" in clusters_file(client)
    open_data_build.build_in_background.call("en")
    assert b"Second name" in clusters_file(client)
    assert not Path(settings.MEDIA_ROOT).exists()


def test_a_zip_another_process_is_still_saving_is_not_sent(client, open_data_zips):
    ClusterFactory(name="Only cluster")
    name = current_name()
    default_storage.save(name, ContentFile(PART_OF_A_ZIP))
    assert b"Only cluster" in clusters_file(client)  # built and sent by this request
    # The other process's file is left to it, and this build leaves no second copy.
    assert open_data_zips() == [name.removeprefix("open-data/")]
    with default_storage.open(name) as file:
        assert file.read() == PART_OF_A_ZIP


def test_part_of_a_zip_whose_save_stopped_long_ago_is_replaced(client):
    ClusterFactory(name="Only cluster")
    name = current_name()
    default_storage.save(name, ContentFile(PART_OF_A_ZIP))
    # Unchanged for hours: the storage API cannot set a file's time, the file system can.
    os.utime(default_storage.path(name), (0, 0))
    assert b"Only cluster" in clusters_file(client)
    with default_storage.open(name) as file:
        assert b"Only cluster" in zipfile.ZipFile(file).read("clusters.csv")


def test_two_builds_saving_the_same_zip_leave_one_copy(client, open_data_zips, monkeypatch):
    ClusterFactory(name="Only cluster")
    other_build = io.BytesIO()
    with zipfile.ZipFile(other_build, "w") as archive:
        archive.writestr("clusters.csv", "the other build's zip")
    save = default_storage.save

    def saved_by_another_build_first(name, content, max_length=None):  # type: ignore[no-untyped-def]
        # Another build saves the same name after this one found it free.
        save(name, ContentFile(other_build.getvalue()))
        return save(name, content, max_length)

    monkeypatch.setattr(default_storage, "save", saved_by_another_build_first)
    assert b"Only cluster" in clusters_file(client)  # this build's own copy is sent
    # The storage gave this build's copy another name; it is removed, the first one kept.
    assert open_data_zips() == [current_name().removeprefix("open-data/")]
    with default_storage.open(current_name()) as file:
        assert zipfile.ZipFile(file).read("clusters.csv") == b"the other build's zip"
