"""The open-data download: one zip of CSV files of everything public in the registry, with a
README describing every file and column. Built once per registry version, day and language and
kept under MEDIA_ROOT/open-data/; a change to the registry bumps its version (network/upkeep.py)
and the next download builds a new zip and removes the older ones."""

from __future__ import annotations

import datetime
import io
import os
import re
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from tinklas.clusters.models import Cluster, Label, Membership
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
# A partly written zip left behind by a stopped process is removed after this long.
ABANDONED_AFTER = datetime.timedelta(hours=6)
# File times come from a coarser clock than time.time(): a file written just after a build
# started may look a few milliseconds older.
FILE_CLOCK_MARGIN = 2.0


def querysets() -> dict[str, QuerySet[Any]]:
    """The rows of each file, by file name: what the public pages show."""
    clusters = Cluster.objects.published()
    memberships = Membership.objects.filter(cluster__status=Cluster.Status.PUBLISHED)
    # Every organisation that is or was a member of a published cluster (each has a public
    # page), so that every membership's organisation is in organisations.csv.
    organisations = Organisation.objects.filter(
        Exists(memberships.filter(organisation=OuterRef("pk")))
    )
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
        LABELS.name: Label.objects.filter(cluster__in=clusters).order_by(
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


def archive_directory() -> Path:
    return Path(settings.MEDIA_ROOT) / "open-data"


def archive_name(language: str, today: datetime.date, version: int) -> str:
    # The day is part of the name because figures in the files (member counts, labels in
    # force, label status) change with the date even when no data does.
    return f"open-data-{language}-{today.isoformat()}-{version}.zip"


def remove_older(
    built: Path, language: str, today: datetime.date, version: int, started: float
) -> None:
    """Removes the other zips of the language that are of an earlier version or day, or were
    already there when this build started (whatever version stamp they carry), but never one
    of a later version that a concurrent build finished meanwhile. Also removes partial files
    abandoned long ago."""
    latest = (today.isoformat(), version)
    for path in built.parent.iterdir():
        found = ARCHIVE_NAME.match(path.name)
        try:
            modified = path.stat().st_mtime
        except FileNotFoundError:  # removed by a concurrent build meanwhile
            continue
        if found and found["language"] == language and path != built:
            before_build = modified < started - FILE_CLOCK_MARGIN
            removable = (found["day"], int(found["version"])) < latest or before_build
        else:
            abandoned = time.time() - modified > ABANDONED_AFTER.total_seconds()
            removable = path.name.endswith(".part") and abandoned
        if removable:
            path.unlink(missing_ok=True)


def current_archive(today: datetime.date, language: str) -> IO[bytes] | None:
    """The zip of the registry's current version, open for reading, if it is built."""
    path = archive_directory() / archive_name(language, today, versions.current(REGISTRY))
    try:
        return path.open("rb")
    except FileNotFoundError:
        return None


def builds_quickly() -> bool:
    """Whether a download may build the zip itself rather than leave it to the worker."""
    memberships = Membership.objects.filter(cluster__status=Cluster.Status.PUBLISHED)
    return memberships.count() <= BUILD_IN_REQUEST_UP_TO


def build_archive(today: datetime.date, language: str) -> IO[bytes]:
    """Builds the zip of the registry's current version unless it is built already; returns
    it open for reading. Two builds at once each write their own temporary file and rename it
    into place; the rename is atomic, so a reader always gets a whole zip."""
    version = versions.current(REGISTRY)
    directory = archive_directory()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / archive_name(language, today, version)
    try:
        return path.open("rb")
    except FileNotFoundError:
        pass
    started = time.time()
    descriptor, temporary_name = tempfile.mkstemp(
        dir=directory, prefix=".open-data-", suffix=".part"
    )
    try:
        with os.fdopen(descriptor, "wb") as temporary:
            write_archive(temporary, today, language)
        os.chmod(temporary_name, 0o644)
        # Opened before the rename: the open file stays readable even if a newer build
        # removes it a moment later.
        result = open(temporary_name, "rb")  # noqa: SIM115 (closed by the response)
        os.replace(temporary_name, path)
    except BaseException:
        Path(temporary_name).unlink(missing_ok=True)
        raise
    remove_older(path, language, today, version, started)
    return result


def latest_archive(language: str) -> tuple[IO[bytes], datetime.date] | None:
    """The newest zip built in the language, of whatever version, with its day: sent while
    the worker builds the current one."""
    directory = archive_directory()
    if not directory.is_dir():
        return None
    built = []
    for path in directory.iterdir():
        found = ARCHIVE_NAME.match(path.name)
        if found and found["language"] == language:
            built.append((found["day"], int(found["version"]), path))
    for day, _version, path in sorted(built, reverse=True):
        try:
            return path.open("rb"), datetime.date.fromisoformat(day)
        except FileNotFoundError:  # removed by a build meanwhile: try the next one
            continue
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
