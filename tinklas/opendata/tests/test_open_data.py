"""The open-data download: a zip of every public record with a README naming every column,
rebuilt when the registry changes and served as it is when it does not."""

import csv
import datetime
import io
import os
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory, LabelFactory, MembershipFactory
from tinklas.opendata import archive as open_data_build
from tinklas.opendata.archive import TABLES, archive_name
from tinklas.organisations.tests.factories import OrganisationFactory
from tinklas.taxonomy.models import NaceActivity

pytestmark = pytest.mark.django_db
FILES = [
    "clusters.csv",
    "organisations.csv",
    "memberships.csv",
    "labels.csv",
    "fields.csv",
    "ecosystems.csv",
    "regions.csv",
    "nace-activities.csv",
]


def url(language="en"):
    with translation.override(language):
        return reverse("opendata:archive")


def download(client, language="en") -> zipfile.ZipFile:
    response = client.get(url(language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="open-data-{language}-'
    )
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    raw = archive.read(name)
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_the_zip_holds_every_file_and_a_readme_naming_every_column(client, demo_network):
    archive = download(client, "lt")
    assert sorted(archive.namelist()) == sorted([*FILES, "README.md", "README.lt.md"])
    assert len(rows(archive, "clusters.csv")) == 57
    english = archive.read("README.md").decode()
    lithuanian = archive.read("README.lt.md").decode()
    for table in TABLES:
        assert f"### {table.name}.csv" in english
        header = archive.read(f"{table.name}.csv").decode("utf-8-sig").splitlines()[0]
        assert header.split(",") == table.column_keys()
        for key in table.column_keys():
            assert f"| `{key}` |" in english
            assert f"| `{key}` |" in lithuanian
    assert "Creative Commons Attribution 4.0 International (CC BY 4.0)" in english
    assert "Lithuanian Cluster Network" in english
    assert "57 rows." in english
    # Names are in the language of the address; the README in English says so.
    smart_food = next(
        row for row in rows(archive, "clusters.csv") if row["acronym"] == "SMART FOOD"
    )
    assert smart_food["name"] == "SMART FOOD klasteris"
    assert "Names and labels in the files are in this language: Lithuanian." in english


def test_the_files_hold_what_the_public_pages_show(client):
    today = datetime.date.today()
    published = ClusterFactory(name="Open cluster")
    draft = ClusterFactory(name="Draft cluster", status=Cluster.Status.DRAFT)
    activity = NaceActivity.objects.get(revision="2.1", code="62.10")
    current = MembershipFactory(
        cluster=published, organisation=OrganisationFactory(main_activity=activity)
    )
    former = MembershipFactory(cluster=published, left_on=today)
    MembershipFactory(cluster=draft)
    LabelFactory(cluster=published, valid_until=today + datetime.timedelta(days=200))
    LabelFactory(cluster=draft)
    archive = download(client)
    assert [row["name"] for row in rows(archive, "clusters.csv")] == ["Open cluster"]
    organisations = {row["identifier"]: row for row in rows(archive, "organisations.csv")}
    assert set(organisations) == {current.organisation.slug, former.organisation.slug}
    assert organisations[current.organisation.slug]["clusters"] == "Open cluster"
    assert organisations[former.organisation.slug]["clusters"] == ""
    memberships = rows(archive, "memberships.csv")
    assert {(row["organisation"], row["left_on"]) for row in memberships} == {
        (current.organisation.slug, ""),
        (former.organisation.slug, today.isoformat()),
    }
    assert [row["cluster"] for row in rows(archive, "labels.csv")] == [published.slug]
    assert [row["code"] for row in rows(archive, "nace-activities.csv")] == ["62.10"]
    regions = rows(archive, "regions.csv")
    assert {"LT-VL", "LT-57"} <= {row["code"] for row in regions}
    assert len(rows(archive, "fields.csv")) == 9


def test_the_zip_is_rebuilt_after_a_change_and_kept_without_one(client, open_data_zips):
    cluster = ClusterFactory(name="First name")
    first = download(client).read("clusters.csv")
    [built] = open_data_zips()
    modified = default_storage.get_modified_time(f"open-data/{built}")
    assert download(client).read("clusters.csv") == first
    assert open_data_zips() == [built]
    # Served as it was, not built again.
    assert default_storage.get_modified_time(f"open-data/{built}") == modified

    cluster.name = "Second name"
    cluster.save()
    second = download(client).read("clusters.csv")
    assert b"Second name" in second and b"First name" not in second
    [rebuilt] = open_data_zips()  # the older zip is removed, and nothing else is left
    assert rebuilt != built


def test_a_newer_zip_finished_by_another_request_meanwhile_is_kept(
    client, open_data_zips, monkeypatch
):
    ClusterFactory()
    today = datetime.date.today()
    # Left by another server whose version stamps run ahead, before this build started.
    stale = f"open-data/{archive_name('en', today, 10**20)}"
    older_day = f"open-data/{archive_name('en', datetime.date(2020, 1, 1), 1)}"
    other_language = f"open-data/{archive_name('lt', datetime.date(2020, 1, 1), 1)}"
    for name in (stale, older_day, other_language):
        default_storage.save(name, ContentFile(b""))
        # Saved long ago: the storage API cannot set a file's time, the file system can.
        os.utime(default_storage.path(name), (0, 0))
    newer = f"open-data/{archive_name('en', today, 10**21)}"
    write_archive = open_data_build.write_archive

    def concurrent(*args, **kwargs):  # type: ignore[no-untyped-def]
        # Another request finishes a newer version during this build.
        default_storage.save(newer, ContentFile(b""))
        write_archive(*args, **kwargs)

    monkeypatch.setattr(open_data_build, "write_archive", concurrent)
    download(client)
    assert default_storage.exists(newer) and default_storage.exists(other_language)
    assert not default_storage.exists(stale) and not default_storage.exists(older_day)
    assert len([name for name in open_data_zips() if name.startswith("open-data-en-")]) == 2


def grow(clusters: int) -> None:
    activities = list(NaceActivity.objects.filter(revision="2.1", level=4)[:3])
    for _number in range(clusters):
        cluster = ClusterFactory()
        LabelFactory(cluster=cluster)
        for _member in range(2):
            organisation = OrganisationFactory(main_activity=activities[0])
            organisation.other_activities.set(activities[1:])
            MembershipFactory(cluster=cluster, organisation=organisation)


def build_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        download(client)
    return len(captured)


def test_building_takes_as_many_queries_for_50_clusters_as_for_5(client):
    grow(5)
    download(client)  # the daily recount runs once, before counting
    ClusterFactory()  # a change, so that the next download builds again
    few = build_queries(client)
    grow(45)
    many = build_queries(client)
    assert many == few
