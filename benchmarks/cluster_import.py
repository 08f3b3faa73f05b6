"""Times the cluster-list import at the scale of a European network: 1,500 clusters with
coordinators (half by company code, found in the loaded register of legal entities and
registered from it; the others by name, kept as text), labels by year or dates, reported
member counts and membership of the network, into a fresh SQLite database.

Reports the dry run (reading and checking every row, nothing written) and the commit (every
row written in one transaction, audited, derived data brought up to date once), each against
its target (docs/import.md): 10 seconds for the dry run, 20 for the commit.

    .venv/bin/python -m benchmarks.cluster_import [--clusters 1500] [--keep]"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
TARGETS = {"dry run": 10.0, "commit": 20.0}
SEED = 20261203
HEADER = [
    "name_lt",
    "name_en",
    "acronym",
    "municipality",
    "founded",
    "fields",
    "technologies",
    "website",
    "reported_members",
    "reported_members_on",
    "coordinator_code",
    "coordinator_name",
    "labels",
    "network_joined_on",
    "network_founding_member",
    "sources",
]
FOUNDED = ["2011", "c. 2006", "2014-10", "2016-05-12", "", "ca. 2013", "2018"]
LABELS = ["Bronze 2018", "Bronze 2016; Silver 2019", "Gold 2022-03-01 2024-02-29", "", ""]


def company_code(number: int) -> str:
    from stdnum.lt import pvm

    first_eight = f"3{number:07d}"
    return first_eight + pvm.calc_check_digit(first_eight)


def cluster_list(count: int, municipalities: list[str], fields: list[str]) -> bytes:
    chooser = random.Random(SEED)
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=HEADER)
    writer.writeheader()
    for number in range(count):
        row: dict[str, Any] = {
            "name_lt": "" if number % 4 == 1 else f"Klasteris Nr. {number + 1}",
            "name_en": f"Cluster number {number + 1}",
            "acronym": f"CL{number + 1:04d}",
            "municipality": chooser.choice(municipalities),
            "founded": chooser.choice(FOUNDED),
            "fields": "; ".join(chooser.sample(fields, 2)),
            "technologies": "food technology, photonics, logistics",
            "website": f"https://cluster{number + 1}.example.org",
            "labels": chooser.choice(LABELS),
            "network_joined_on": f"{2020 + number % 6}-0{1 + number % 9}",
            "network_founding_member": "yes" if number < 9 else "",
            "sources": f"https://source.example.org/{number + 1}",
        }
        if number % 3 == 0:
            row["reported_members"] = 15 + number % 200
            row["reported_members_on"] = "2025"
        if number % 2 == 0:
            row["coordinator_code"] = company_code(number)
        else:
            row["coordinator_name"] = f"Asociacija „Klasteris Nr. {number + 1}“"
        writer.writerow(row)
    return output.getvalue().encode("utf-8")


def prepare(count: int) -> bytes:
    """Migrates, describes the network and loads register entries for half the
    coordinators; returns the cluster list."""
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from tinklas.network.models import Network
    from tinklas.organisations.models import LegalEntity
    from tinklas.taxonomy.models import Region, Sector

    call_command("migrate", verbosity=0)
    Network.objects.create(name="Benchmark network", founded_on=datetime.date(2020, 5, 27))
    LegalEntity.objects.bulk_create(
        LegalEntity(
            code=company_code(number),
            name=f"Asociacija „Klasteris Nr. {number + 1}“",
            legal_form="Asociacija",
            status=LegalEntity.Status.ACTIVE,
            extract_date=datetime.date(2026, 11, 1),
            loaded_at=timezone.now(),
        )
        for number in range(0, count, 2)
    )
    municipalities = list(
        Region.objects.filter(kind=Region.Kind.MUNICIPALITY).values_list("code", flat=True)
    )
    return cluster_list(count, municipalities, list(Sector.objects.values_list("slug", flat=True)))


def measure(count: int) -> dict[str, float]:
    from tinklas.imports.kinds import CLUSTERS
    from tinklas.imports.models import ImportRun
    from tinklas.imports.reading import read_table
    from tinklas.imports.runs import create_run, start_commit

    content = prepare(count)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    table = read_table(content, "csv", CLUSTERS.columns)
    run = create_run(CLUSTERS, None, None, "clusters.csv", "csv", content, table, now=True)
    timings["dry run"] = time.perf_counter() - started
    run.refresh_from_db()
    if run.error_rows or run.new_rows != count:
        raise SystemExit(f"The dry run found {run.error_rows} errors: {run.results[:3]}")
    started = time.perf_counter()
    start_commit(run, None, now=True)
    timings["commit"] = time.perf_counter() - started
    run.refresh_from_db()
    if run.status != ImportRun.Status.COMMITTED:
        raise SystemExit(f"The commit did not write: {run.error_message}")
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=1500)
    parser.add_argument("--keep", action="store_true", help="Keep the temporary database")
    arguments = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="tinklas-cluster-import-"))
    # Production-like, as benchmarks/run.py runs the pages: no query logging.
    os.environ.update(
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        TINKLAS_VAR_DIR=str(folder),
        DJANGO_DEBUG="false",
        SECRET_KEY="benchmark-only-secret-key-never-used-elsewhere-0123456789abcdef",
        ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    try:
        timings = measure(arguments.clusters)
    finally:
        if not arguments.keep:
            shutil.rmtree(folder, ignore_errors=True)
    failed = False
    print(f"Cluster-list import of {arguments.clusters} clusters on SQLite")
    for step, seconds in timings.items():
        within = seconds <= TARGETS[step]
        failed = failed or not within
        verdict = "" if within else ", MISSED"
        print(f"  {step:8} {seconds:6.1f} s  (target {TARGETS[step]:.0f} s{verdict})")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
