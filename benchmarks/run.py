"""`make bench`: times the main pages on a European-scale network, on SQLite and PostgreSQL.

For each engine a child process (this module with --child) gets its own DATABASE_URL, because
the settings read the database from the environment once, at import. The child migrates the
benchmark database, generates the network unless it is already there, and times each case
with the test client over the full request cycle (middleware, view, queries, templates). The
parent prints the table and writes benchmarks/results.json. See benchmarks/README.md."""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

BENCHMARKS_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCHMARKS_DIR.parent
RESULTS_FILE = BENCHMARKS_DIR / "results.json"
SQLITE_FILE = BENCHMARKS_DIR / "bench.sqlite3"
DEFAULT_POSTGRESQL_URL = "postgresql://postgres@127.0.0.1:5432/tinklas_bench"
ENGINES = ("sqlite", "postgresql")
WARM_UP_REQUESTS = 3
TIMED_REQUESTS = 30
# p95 targets in milliseconds (DESIGN.md, Quality bar: performance is measured).
TARGETS_MS = {
    "home": 50,
    "directory_search": 150,
    "directory_all": 150,
    "cluster_profile": 50,
    "organisation_search": 150,
    "api_clusters_search": 150,
    "api_organisations_search": 150,
    "api_cluster_detail": 50,
}
# The child found data it did not make: the parent empties the database and runs it again.
STALE_EXIT_CODE = 3


def engine_url(engine: str) -> str:
    if engine == "sqlite":
        return f"sqlite:///{SQLITE_FILE}"
    return os.environ.get("BENCHMARK_POSTGRESQL_URL", DEFAULT_POSTGRESQL_URL)


def reset_sqlite() -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)


def prepare_postgresql(url: str, reset: bool) -> str | None:
    """Creates the benchmark database if missing (dropping it first when `reset`). Returns
    why PostgreSQL is skipped when the server cannot be reached, else None."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.endswith("_bench"):
        raise SystemExit(f"BENCHMARK_POSTGRESQL_URL must name a database ending in _bench: {url}")
    maintenance_url = urlunsplit(parts._replace(path="/postgres"))
    try:
        connection = psycopg.connect(maintenance_url, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else "no answer"
        return f"PostgreSQL at {parts.hostname}:{parts.port or 5432} is unreachable: {first_line}"
    with connection:
        if reset:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return None


def prepare_database(engine: str, url: str, reset: bool) -> str | None:
    """Makes the engine's benchmark database ready, empty when `reset`. Returns why the
    engine is skipped, or None."""
    if engine == "sqlite":
        if reset:
            reset_sqlite()
        return None
    return prepare_postgresql(url, reset)


def run_child(engine: str, url: str, requests: int, static_root: str) -> dict[str, Any] | int:
    """The child's report, or its exit code when it has none."""
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        # Production-like: no debug cursor, manifest static files, compressed by WhiteNoise.
        "DJANGO_DEBUG": "false",
        "SECRET_KEY": "benchmark-only-secret-key-never-used-elsewhere-0123456789abcdef",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",  # the test client speaks plain HTTP
        "STATIC_ROOT": static_root,
        "PYTHONUNBUFFERED": "1",
        # The benchmark is one client asking again and again: measure, do not throttle (a
        # huge rate would make every request read and write its whole request history).
        "API_THROTTLE_ANONYMOUS": "off",
    }
    with tempfile.NamedTemporaryFile(suffix=".json") as report_file:
        command = [sys.executable, "-m", "benchmarks.run", "--child", engine]
        command += ["--report", report_file.name, "--requests", str(requests)]
        completed = subprocess.run(command, env=environment, cwd=PROJECT_DIR, check=False)
        if completed.returncode != 0:
            return completed.returncode
        report: dict[str, Any] = json.loads(Path(report_file.name).read_text())
        return report


def percentile(values: list[float], percent: int) -> float:
    """Nearest-rank percentile: a value that was actually measured."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


def case_urls() -> dict[str, str]:
    import datetime

    from django.db.models import Count, Q

    from benchmarks import generate
    from tinklas.clusters.models import Cluster

    today = datetime.date.today()
    current = Q(memberships__left_on__isnull=True) | Q(memberships__left_on__gt=today)
    largest = (
        Cluster.objects.annotate(members=Count("memberships", filter=current))
        .order_by("-members", "pk")
        .values_list("slug", flat=True)
        .first()
    )
    directory = {"q": generate.DIRECTORY_QUERY, "sector": generate.DIRECTORY_SECTOR}
    directory["county"] = generate.COUNTY
    organisations = {"q": generate.ORGANISATION_QUERY, "county": generate.COUNTY}
    return {
        "home": "/lt/",
        "directory_search": f"/lt/clusters/?{urlencode(directory)}",
        "directory_all": "/lt/clusters/",
        "cluster_profile": f"/lt/clusters/{largest}/",
        "organisation_search": f"/lt/organisations/?{urlencode(organisations)}",
        "api_clusters_search": f"/api/v1/clusters/?{urlencode(directory)}",
        "api_organisations_search": f"/api/v1/organisations/?{urlencode(organisations)}",
        "api_cluster_detail": f"/api/v1/clusters/{largest}/",
    }


def expected_matches() -> dict[str, int]:
    """How many rows the searches should find, by the benchmark's own query, so that the
    timings can be read against the amount of work."""
    from benchmarks import generate
    from tinklas.clusters.models import Cluster
    from tinklas.organisations.models import Organisation
    from tinklas.search.index import Search

    in_county = {"municipality__parent__code": generate.COUNTY}
    clusters = Cluster.objects.published().filter(
        Search.parse(generate.DIRECTORY_QUERY).matches("cluster"),
        sectors__slug=generate.DIRECTORY_SECTOR,
        **in_county,
    )
    organisations = Organisation.objects.filter(
        Search.parse(generate.ORGANISATION_QUERY).matches("organisation"), **in_county
    )
    return {
        "directory_search": clusters.distinct().count(),
        "organisation_search": organisations.count(),
    }


def measure(urls: dict[str, str], requests: int) -> list[dict[str, Any]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # A failing page is recorded and reported, not raised: the other cases still run.
    client = Client(raise_request_exception=False)
    request_logger = logging.getLogger("django.request")
    results = []
    for case, url in urls.items():
        statuses = []
        request_logger.disabled = False
        for _ in range(WARM_UP_REQUESTS):  # caches, connections, compiled templates
            statuses.append(client.get(url).status_code)
            request_logger.disabled = True  # one warning or traceback per case is enough
        # Queries are counted on a request of their own: capturing them slows each query.
        with CaptureQueriesContext(connection) as captured:
            statuses.append(client.get(url).status_code)
        # Now: the next request clears the connection's query log the count is read from.
        queries = len(captured)
        durations = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(url)
            durations.append((time.perf_counter() - started) * 1000)
            statuses.append(response.status_code)
        results.append(
            {
                "case": case,
                "url": url,
                "p50_ms": round(percentile(durations, 50), 2),
                "p95_ms": round(percentile(durations, 95), 2),
                "queries": queries,
                "statuses": sorted(set(statuses)),
            }
        )
    request_logger.disabled = False
    return results


def database_bytes() -> int:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
    name = str(connection.settings_dict["NAME"])
    return sum(
        Path(f"{name}{suffix}").stat().st_size
        for suffix in ("", "-wal", "-shm")
        if Path(f"{name}{suffix}").exists()
    )


def pending_migrations() -> bool:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def child(engine: str, report_path: str, requests: int) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from benchmarks import generate

    generate.ensure_benchmark_database()
    if pending_migrations() and not generate.is_empty():
        # The data were made under an older schema: what a migration adds (a column of derived
        # data, say) holds defaults, not what the generator and the app would have stored.
        print(f"[{engine}] the schema changed since the data were generated; generating again")
        return STALE_EXIT_CODE
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    print(
        f"[{engine}] migrated and collected static files in {time.perf_counter() - started:.1f} s"
    )
    generation_seconds = None
    if generate.holds_generated_network():
        print(f"[{engine}] reusing the generated network (--regenerate to make it again)")
    elif generate.is_empty():
        print(f"[{engine}] generating the network", flush=True)
        generation_seconds = round(generate.generate(), 1)
    else:
        print(f"[{engine}] the database holds other data; generating again from empty")
        return STALE_EXIT_CODE
    urls = case_urls()
    print(f"[{engine}] timing {len(urls)} cases, {requests} requests each", flush=True)
    report = {
        "engine": engine,
        "scale": generate.database_scale(),
        "generation_seconds": generation_seconds,
        "database_bytes": database_bytes(),
        "expected_matches": expected_matches(),
        "results": measure(urls, requests),
    }
    Path(report_path).write_text(json.dumps(report))
    # A clean close lets SQLite remove its -wal and -shm files, which git does not ignore.
    connections.close_all()
    return 0


def print_report(reports: list[dict[str, Any]], skipped: dict[str, str]) -> list[str]:
    """Prints the table; returns the problems that must fail the run."""
    problems, misses, cases = [], 0, 0
    print()
    for report in reports:
        scale = ", ".join(f"{count:,} {name}" for name, count in report["scale"].items())
        seconds = report["generation_seconds"]
        generated = f"generated in {seconds:.0f} s" if seconds is not None else "reused"
        matches = ", ".join(
            f"{case} {count:,}" for case, count in report["expected_matches"].items()
        )
        print(
            f"{report['engine']}: {scale}; {generated}; {report['database_bytes'] / 2**20:,.0f} MB"
        )
        print(f"  expected matches: {matches}")
    for engine, reason in skipped.items():
        print(f"{engine}: skipped: {reason}")
    header = f"{'engine':<11} {'case':<20} {'p50 ms':>8} {'p95 ms':>8}  {'p95 target':<12}"
    header += f" {'queries':>7}  status"
    print(f"\n{header}\n{'-' * len(header)}")
    for report in reports:
        for result in report["results"]:
            target = TARGETS_MS[result["case"]]
            mark = "ok" if result["p95_ms"] <= target else "MISS"
            misses, cases = misses + (mark == "MISS"), cases + 1
            statuses = ",".join(str(status) for status in result["statuses"])
            print(
                f"{report['engine']:<11} {result['case']:<20} {result['p50_ms']:>8.1f} "
                f"{result['p95_ms']:>8.1f}  {'≤ ' + str(target):<7}{mark:<5} "
                f"{result['queries']:>7}  {statuses}"
            )
            if result["statuses"] != [200]:
                problems.append(
                    f"{report['engine']} {result['case']} {result['url']} answered {statuses}"
                )
    if cases:
        print(f"\n{misses} of {cases} cases miss their p95 target.")
    return problems


def write_results(reports: list[dict[str, Any]]) -> None:
    results = [
        {
            "engine": report["engine"],
            **{key: result[key] for key in ("case", "p50_ms", "p95_ms", "queries")},
        }
        for report in reports
        for result in report["results"]
    ]
    document = {"scale": reports[0]["scale"], "results": results}
    RESULTS_FILE.write_text(json.dumps(document, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", action="append", choices=ENGINES, help="default: both")
    parser.add_argument("--regenerate", action="store_true", help="generate the data again")
    parser.add_argument("--requests", type=int, default=TIMED_REQUESTS, help="timed per case")
    parser.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--report", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.child:
        return child(arguments.child, arguments.report, arguments.requests)

    reports, skipped, problems = [], {}, []
    with tempfile.TemporaryDirectory(prefix="tinklas-bench-static-") as static_root:
        for engine in arguments.engine or ENGINES:
            url = engine_url(engine)
            reason = prepare_database(engine, url, reset=arguments.regenerate)
            if reason:
                print(f"[{engine}] skipped: {reason}")
                skipped[engine] = reason
                continue
            outcome = run_child(engine, url, arguments.requests, static_root)
            if outcome == STALE_EXIT_CODE:
                prepare_database(engine, url, reset=True)
                outcome = run_child(engine, url, arguments.requests, static_root)
            if isinstance(outcome, int):
                problems.append(f"{engine}: the benchmark process failed with exit code {outcome}")
            else:
                reports.append(outcome)
    problems = print_report(reports, skipped) + problems
    if reports:
        write_results(reports)
        print(f"\nWrote {RESULTS_FILE.relative_to(PROJECT_DIR)}")
    if not reports:
        problems.append("no engine was measured")
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
