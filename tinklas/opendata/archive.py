"""The open-data download: one zip of CSV files of everything public in the registry, with a
README describing every file and column. Built once per registry version, day and language and
kept in the default file storage under open-data/, which web and worker processes share
(decision 7); a change to the registry bumps its version (network/upkeep.py) and the next
download builds a new zip and removes the older ones."""

from __future__ import annotations

import datetime
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass
from typing import IO, Any

from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from tinklas.clusters.models import Cluster, Label, Membership, public_organisations
from tinklas.common import versions
from tinklas.common.csv_files import write_csv
from tinklas.common.tables import Table
from tinklas.network.figures import REGISTRY
from tinklas.network.models import Network
from tinklas.opendata.columns import (
    ECOSYSTEMS,
    FIELDS,
    LABELS,
    MEMBERSHIPS,
    NACE_ACTIVITIES,
    REGIONS,
)
from tinklas.opendata.export_columns import CLUSTERS, ORGANISATIONS
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import Ecosystem, NaceActivity, Region, Sector

TABLES: list[Table[Any]] = [
    CLUSTERS,
    ORGANISATIONS,
    MEMBERSHIPS,
    LABELS,
    FIELDS,
    ECOSYSTEMS,
    REGIONS,
    NACE_ACTIVITIES,
]
LICENCE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ARCHIVE_NAME = re.compile(
    r"^open-data-(?P<language>[a-z-]+?)-(?P<day>\d{4}-\d{2}-\d{2})-(?P<version>\d+)\.zip$"
)
# Downloads build the zip themselves while the registry holds up to this many memberships
# (a few seconds' work); a larger registry's zip is built by the background worker.
BUILD_IN_REQUEST_UP_TO = 20_000
QUEUED_FOR = 3600  # seconds
# The folder of the zips in the default file storage.
DIRECTORY = "open-data"
# What a stopped process left in the folder is removed after this long. A save copies a
# finished zip in, which takes seconds and changes the file all along; a part of a zip
# unchanged for this long will never be finished.
ABANDONED_AFTER = datetime.timedelta(minutes=10)
# Stored files' times may come from a coarser clock than this process's (the file system's,
# an object store's): a file saved just after a build started may look a little older.
FILE_CLOCK_MARGIN = datetime.timedelta(seconds=2)


def querysets() -> dict[str, QuerySet[Any]]:
    """The rows of each file, by file name: what the public pages show."""
    clusters = Cluster.objects.published()
    memberships = Membership.objects.of_published_clusters()
    # Every organisation with a public page, so that every membership's organisation is in
    # organisations.csv.
    organisations = public_organisations()
    other_activities = Organisation.other_activities.through.objects.filter(
        naceactivity=OuterRef("pk"), organisation__in=organisations
    )
    activities = NaceActivity.objects.filter(
        Q(Exists(organisations.filter(main_activity=OuterRef("pk")))) | Q(Exists(other_activities))
    )
    return {
        CLUSTERS.name: clusters.order_by("name", "pk"),
        ORGANISATIONS.name: organisations.order_by("name", "pk"),
        MEMBERSHIPS.name: memberships.order_by(
            "cluster__name", "cluster", "organisation__name", "organisation", "joined_on"
        ),
        LABELS.name: Label.objects.of_published_clusters().order_by(
            "cluster__name", "cluster", "-awarded_on", "pk"
        ),
        FIELDS.name: Sector.objects.all(),
        ECOSYSTEMS.name: Ecosystem.objects.all(),
        REGIONS.name: Region.objects.order_by("kind", "code"),
        NACE_ACTIVITIES.name: activities.order_by("revision", "code"),
    }


@dataclass
class FileDescription:
    name: str
    description: str
    rows: int
    columns: list[tuple[str, str, str]]  # key, header, description


def markdown_cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def describe(tables: list[Table[Any]], counts: dict[str, int]) -> list[FileDescription]:
    """Every file and column in the active language, for the README."""
    return [
        FileDescription(
            name=f"{table.name}.csv",
            description=str(table.description),
            rows=counts.get(table.name, 0),
            columns=[
                (column.key, markdown_cell(column.header), markdown_cell(column.description))
                for column in table.columns
            ],
        )
        for table in tables
    ]


def readme(
    language: str, data_language: str, counts: dict[str, int], built: datetime.datetime
) -> str:
    with translation.override(language):
        return render_to_string(
            "opendata/readme.md",
            {
                "network": Network.objects.first(),
                "files": describe(TABLES, counts),
                "built": built,
                "data_language": translation.get_language_info(data_language)["name_translated"],
                "licence_name": LICENCE_NAME,
                "licence_url": LICENCE_URL,
            },
        )


def write_archive(file: IO[bytes], today: datetime.date, language: str) -> None:
    built = timezone.localtime()
    counts: dict[str, int] = {}
    rows_of = querysets()
    with (
        translation.override(language),
        zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for table in TABLES:
            member = archive.open(f"{table.name}.csv", "w", force_zip64=True)
            with io.TextIOWrapper(member, encoding="utf-8", newline="") as text:
                counts[table.name] = write_csv(
                    text, table.column_keys(), table.rows(rows_of[table.name], today)
                )
        archive.writestr("README.md", readme("en", language, counts, built))
        if language != "en":
            archive.writestr(f"README.{language}.md", readme(language, language, counts, built))


def archive_name(language: str, today: datetime.date, version: int) -> str:
    # The day is part of the name because figures in the files (member counts, labels in
    # force, label status) change with the date even when no data does.
    return f"open-data-{language}-{today.isoformat()}-{version}.zip"


def stored_name(name: str) -> str:
    return f"{DIRECTORY}/{name}"


def stored_files() -> list[str]:
    """The names of the files in the storage's folder of zips."""
    try:
        _folders, files = default_storage.listdir(DIRECTORY)
    except FileNotFoundError:  # nothing saved yet (a storage on disk or in memory)
        return []
    return files


def open_whole(name: str) -> File | None:
    """The stored zip, open for reading, if it is there and whole. Saving into a storage on
    disk writes the file under its final name as it copies it in, so a zip being saved by
    another process meanwhile shows part of itself; the zip's directory, written last,
    proves it whole."""
    try:
        stored = default_storage.open(name, "rb")
    except FileNotFoundError:
        return None
    try:
        zipfile.ZipFile(stored).close()  # closes the reader, not the file
    except zipfile.BadZipFile:
        stored.close()
        return None
    stored.seek(0)
    return stored


def modified_time(name: str) -> datetime.datetime | None:
    try:
        return default_storage.get_modified_time(name)
    except FileNotFoundError:  # removed by a concurrent build meanwhile
        return None


def remove_older(
    built: str, language: str, today: datetime.date, version: int, started: datetime.datetime
) -> None:
    """Removes the other zips of the language that are of an earlier version or day, or were
    already there when this build started (whatever version stamp they carry), but never one
    of a later version that a concurrent build finished meanwhile. Also removes what stopped
    builds left behind long ago."""
    latest = (today.isoformat(), version)
    for file_name in stored_files():
        found = ARCHIVE_NAME.match(file_name)
        name = stored_name(file_name)
        if (found and found["language"] != language) or name == built:
            continue
        modified = modified_time(name)
        if modified is None:
            continue
        if found:
            before_build = modified < started - FILE_CLOCK_MARGIN
            removable = (found["day"], int(found["version"])) < latest or before_build
        else:
            # A second copy whose removal never ran, or a partial file of an earlier release
            # of this module: nothing reads either.
            removable = timezone.now() - modified > ABANDONED_AFTER
        if removable:
            default_storage.delete(name)


def current_archive(today: datetime.date, language: str) -> File | None:
    """The zip of the registry's current version, open for reading, if it is built."""
    version = versions.current(REGISTRY)
    return open_whole(stored_name(archive_name(language, today, version)))


def builds_quickly() -> bool:
    """Whether a download may build the zip itself rather than leave it to the worker."""
    return Membership.objects.of_published_clusters().count() <= BUILD_IN_REQUEST_UP_TO


def publish(built: File, name: str) -> None:
    """Saves the finished zip under its name, unless another build has: both hold the same
    version of the same day. Never leaves a second copy behind."""
    if default_storage.exists(name):
        return
    saved = default_storage.save(name, built)
    if saved != name:
        # Another build saved the name between the check and this save, and the storage
        # gave this copy another name, which nobody would read.
        default_storage.delete(saved)


def build_archive(today: datetime.date, language: str) -> File:
    """Builds the zip of the registry's current version unless it is built already; returns
    it open for reading. The zip is written to a local temporary file and saved in the
    storage only once finished, so that whatever the storage, its name never holds a zip
    still being built; two builds at once each write their own and only one is kept."""
    version = versions.current(REGISTRY)
    name = stored_name(archive_name(language, today, version))
    existing = open_whole(name)
    if existing is not None:
        return existing
    modified = modified_time(name)
    if modified is not None and timezone.now() - modified > ABANDONED_AFTER:
        default_storage.delete(name)  # part of a zip whose save stopped long ago
    started = timezone.now()
    # Deleted when closed (by the response), so nothing is left on this machine.
    temporary = tempfile.TemporaryFile()  # noqa: SIM115
    built = File(temporary, name=archive_name(language, today, version))
    try:
        write_archive(temporary, today, language)
        publish(built, name)
    except BaseException:
        built.close()
        raise
    remove_older(name, language, today, version, started)
    # The local copy is sent, not the stored one: it is whole even while another build's
    # save of the same name is under way, and stays readable if a newer build removes it.
    built.seek(0)
    return built


def latest_archive(language: str) -> tuple[File, datetime.date] | None:
    """The newest zip built in the language, of whatever version, with its day: sent while
    the worker builds the current one."""
    built = []
    for file_name in stored_files():
        found = ARCHIVE_NAME.match(file_name)
        if found and found["language"] == language:
            built.append((found["day"], int(found["version"]), file_name))
    for day, _version, file_name in sorted(built, reverse=True):
        archive = open_whole(stored_name(file_name))
        if archive is not None:  # else removed or being saved meanwhile: try the next one
            return archive, datetime.date.fromisoformat(day)
    return None


@task()
def build_in_background(language: str) -> None:
    build_archive(timezone.localdate(), language).close()


def queue_build(today: datetime.date, language: str) -> None:
    """Asks the worker to build the current version's zip, once per version, day and
    language (again after an hour, should the worker have stopped meanwhile)."""
    name = archive_name(language, today, versions.current(REGISTRY))
    if cache.add(f"open-data-queued:{name}", True, timeout=QUEUED_FOR):
        build_in_background.enqueue(language)
