"""Times checking and writing a member list of the largest size an import takes (10,000 rows,
TINKLAS_IMPORT_MAX_ROWS) whose company codes the loaded register of legal entities holds, so
that every row is a new organisation filled in from the register, on SQLite.

Into a temporary folder it migrates a fresh SQLite database, loads 10,000 register entities
(names, legal forms and addresses as benchmarks/register.py writes them; one in ten being
liquidated, bankrupt or deregistered, so warned about), a cluster and its manager, and writes
the member list: every row its company code and joining day, a third also its name in
another spelling and its municipality as the register abbreviates it. A child process (the
settings read DATABASE_URL once) then times, as the task worker would run them:

1. the dry run (`runs.create_run`, the file already read by the upload form);
2. the commit (`runs.start_commit`, the warnings confirmed), one transaction.

    .venv/bin/python -m benchmarks.member_import [--rows 10000] [--keep]

The target: 20 seconds for each on SQLite (docs/import.md)."""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 20
SEED = 20261203
# Register statuses of the entities, with their weight: a tenth are warned about.
STATUSES = [("active", 90), ("liquidation", 4), ("bankruptcy", 3), ("deregistered", 3)]
MUNICIPALITIES = ["Vilniaus m. sav.", "Kauno m. sav.", "Klaipėdos r. sav.", "Jonavos r. sav."]


def member_list(entities: list[dict[str, Any]]) -> bytes:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(["name", "company_code", "municipality", "joined_on"])
    for number, entity in enumerate(entities):
        if number % 3:
            writer.writerow(["", entity["code"], "", "2025-01-01"])
        else:  # the register's name in other quotes, the municipality as the register writes it
            name = entity["name"].replace('"', "„", 1).replace('"', "“", 1)
            municipality = MUNICIPALITIES[number % len(MUNICIPALITIES)]
            writer.writerow([name, entity["code"], municipality, "2025-01-01"])
    return output.getvalue().encode("utf-8")


def register_entities(rows: int) -> list[dict[str, Any]]:
    """Entities with the register's legal forms, addresses and names, each name its own."""
    from benchmarks import register

    randomness = random.Random(SEED)
    forms = register.LEGAL_FORMS
    entities = []
    for number in range(rows):
        _code, legal_form, abbreviation, _weight = randomness.choices(
            forms, [form[3] for form in forms]
        )[0]
        brand = " ".join(randomness.sample(register.WORDS, 2))
        status = randomness.choices(STATUSES, [weight for _status, weight in STATUSES])[0][0]
        since = register.some_day(randomness, 2022) if status != "active" else None
        entities.append(
            {
                "code": register.company_code(number),
                "name": f'{abbreviation} "{brand} {number}"',
                "address": register.address(randomness),
                "legal_form": legal_form,
                "status": status,
                "status_since": since,
                "deregistered_on": since if status == "deregistered" else None,
            }
        )
    return entities


def child(rows: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.utils import timezone

    from tinklas.accounts.people import create_person
    from tinklas.clusters.models import Cluster, ClusterManagerRole
    from tinklas.imports.kinds import MEMBERS
    from tinklas.imports.models import ImportRun
    from tinklas.imports.reading import read_table
    from tinklas.imports.runs import create_run, start_commit
    from tinklas.organisations.models import LegalEntity, Organisation

    entities = register_entities(rows)
    now = timezone.now()
    LegalEntity.objects.bulk_create(
        LegalEntity(**entity, extract_date=datetime.date(2026, 11, 1), loaded_at=now)
        for entity in entities
    )
    cluster = Cluster.objects.create(name="Benchmark cluster", status=Cluster.Status.PUBLISHED)
    manager = create_person("manager@example.org", "benchmark-password", "Manager")
    ClusterManagerRole.objects.create(cluster=cluster, user=manager)
    content = member_list(entities)
    started = time.perf_counter()
    table = read_table(content, "csv", MEMBERS.columns)  # the upload form reads it once
    read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    run = create_run(MEMBERS, cluster, manager, "members.csv", "csv", content, table, now=True)
    check_seconds = time.perf_counter() - started
    checked = {"new": run.new_rows, "errors": run.error_rows, "warned": run.warning_rows}
    started = time.perf_counter()
    start_commit(run, manager, now=True, warnings_confirmed=True)
    commit_seconds = time.perf_counter() - started
    run.refresh_from_db()
    if run.status != ImportRun.Status.COMMITTED:
        raise SystemExit(f"The commit did not write the run: {run.status} {run.error_message}")
    filled = Organisation.objects.exclude(legal_form="").exclude(address="").count()
    return {
        "rows": rows,
        "read_seconds": read_seconds,
        "check_seconds": check_seconds,
        "commit_seconds": commit_seconds,
        **checked,
        "organisations": Organisation.objects.count(),
        "filled_from_register": filled,
        "with_municipality": Organisation.objects.exclude(municipality=None).count(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--report", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.child:
        Path(arguments.report).write_text(json.dumps(child(arguments.rows)))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="tinklas-member-import-bench-"))
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'imports.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",  # no debug cursor keeping every query
        "SECRET_KEY": "benchmark-only-secret-key-never-used-elsewhere-0123456789abcdef",
        "PYTHONUNBUFFERED": "1",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0", "--skip-checks"],
        env=environment,
        cwd=PROJECT_DIR,
        check=True,
    )
    report_path = folder / "report.json"
    command = [sys.executable, "-m", "benchmarks.member_import", "--child"]
    command += ["--rows", str(arguments.rows), "--report", str(report_path)]
    subprocess.run(command, env=environment, cwd=PROJECT_DIR, check=True)
    report = json.loads(report_path.read_text())
    print(
        f"{report['rows']} rows: {report['new']} new, {report['warned']} warned, "
        f"{report['errors']} with errors; {report['filled_from_register']} organisations "
        f"filled in from the register, {report['with_municipality']} with a municipality"
    )
    failed = False
    print(f"\n{'step':<30} {'seconds':>8} {'rows/s':>8}  target")
    for step in ("read", "check", "commit"):
        seconds = report[f"{step}_seconds"]
        verdict = "" if step == "read" else "ok" if seconds <= TARGET_SECONDS else "MISS"
        failed = failed or verdict == "MISS"
        target = f"≤ {TARGET_SECONDS} s {verdict}" if verdict else ""
        print(f"{step:<30} {seconds:>8.1f} {report['rows'] / seconds:>8.0f}  {target}")
    if not arguments.keep:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        folder.rmdir()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
