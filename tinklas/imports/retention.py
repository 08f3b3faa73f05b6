"""What the platform keeps of member-list imports, and how many it takes: a run keeps the
results of at most TINKLAS_IMPORT_RESULTS_KEPT rows (its totals count every row), its
uploaded file only while a step still needs it (ImportRun.needs_content), and the run itself
for TINKLAS_IMPORT_RUNS_KEPT_DAYS, after which `manage.py prune_import_runs` deletes it; a
cluster may have TINKLAS_IMPORT_RUNS_PER_DAY runs a day, network staff not being limited.

Without these, each upload stayed in the database for ever, whole and with every row's values,
so that repeated uploads could fill the disk (docs/import.md, "What is kept")."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import ngettext

from tinklas.accounts.models import User
from tinklas.accounts.permissions import is_network_staff
from tinklas.clusters.models import Cluster
from tinklas.imports.models import ImportRun


def results_kept() -> int:
    return int(settings.TINKLAS_IMPORT_RESULTS_KEPT)


def runs_kept_days() -> int:
    return int(settings.TINKLAS_IMPORT_RUNS_KEPT_DAYS)


def runs_per_day() -> int:
    return int(settings.TINKLAS_IMPORT_RUNS_PER_DAY)


def kept_results(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The results a run stores, in the file's order: every row with an error first, since
    those are what the uploader must correct, then the rows with warnings, which the
    uploader confirms having checked before writing, then the other rows from the top of
    the file, up to the cap."""
    limit = results_kept()
    if len(results) <= limit:
        return results

    def rank(number: int) -> int:
        result = results[number]
        return 0 if result["fate"] == "error" else 1 if result.get("warnings") else 2

    chosen = sorted(range(len(results)), key=lambda number: (rank(number), number))[:limit]
    return [results[number] for number in sorted(chosen)]


def runs_today(cluster: Cluster) -> int:
    """The cluster's runs uploaded since midnight, by anyone."""
    midnight = datetime.datetime.combine(timezone.localdate(), datetime.time.min)
    return ImportRun.objects.filter(
        cluster=cluster,
        created_at__gte=timezone.make_aware(midnight, timezone.get_current_timezone()),
    ).count()


def daily_limit_refusal(cluster: Cluster, user: User | AnonymousUser) -> str:
    """Why the person may not upload another file for the cluster today, or "". Staff are not
    limited: they are few, signed in with a second factor, and the ones a cluster turns to
    when its own managers reach the limit."""
    if is_network_staff(user) or runs_today(cluster) < runs_per_day():
        return ""
    limit = runs_per_day()
    return ngettext(
        "This cluster has had %(limit)s import today, the most a cluster may have in a day. "
        "Upload the file again tomorrow, or ask the network's staff to import it.",
        "This cluster has had %(limit)s imports today, the most a cluster may have in a day. "
        "Upload the file again tomorrow, or ask the network's staff to import it.",
        limit,
    ) % {"limit": limit}


class DailyLimitReached(Exception):
    """The daily limit was reached, perhaps by another upload while this one was read."""


def claim_daily_run(cluster: Cluster, user: User) -> None:
    """Raises DailyLimitReached when the person may not add a run today. Called inside the
    transaction that creates the run: the cluster's row stays locked until it ends, so that
    uploads sent at once cannot all pass the count (PostgreSQL; SQLite has one writer)."""
    if is_network_staff(user):
        return
    Cluster.objects.select_for_update().only("pk").get(pk=cluster.pk)
    if daily_limit_refusal(cluster, user):
        raise DailyLimitReached


def prune_runs(now: datetime.datetime | None = None) -> int:
    """Deletes the runs uploaded more than TINKLAS_IMPORT_RUNS_KEPT_DAYS ago; returns how
    many. What a run wrote stays in the audit log."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=runs_kept_days())
    deleted, _by_model = ImportRun.objects.filter(created_at__lt=cutoff).delete()
    return deleted
