"""Recurring background tasks. django-tasks has no periodic schedule of its own, so a
recurring task enqueues its own next run with `run_after` (a task of the database backend
waits in the queue until then), and `ensure_one_waiting` makes sure exactly one run waits,
however often it is called (at every deploy, every `make serve`, by the task itself)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks.base import Task, TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult


def next_local_midnight() -> datetime.datetime:
    """The start of tomorrow in the platform's time zone (settings.TIME_ZONE)."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))


def can_wait(task: Task[Any, Any]) -> bool:
    """Whether the task's backend keeps runs waiting for a time: the database queue does; the
    immediate backend (TASKS_IMMEDIATE=true, no worker) runs every task at once."""
    return isinstance(task.get_backend(), DatabaseBackend)


def waiting_runs(task: Task[Any, Any]) -> QuerySet[DBTaskResult[Any, Any]]:
    """The task's runs waiting in the queue, soonest first (a running one is not waiting)."""
    return DBTaskResult.objects.filter(
        task_path=task.module_path,
        backend_name=task.backend,
        status=TaskResultStatus.READY,
    ).order_by("run_after")


def ensure_one_waiting(task: Task[Any, Any], run_after: datetime.datetime, *args: Any) -> bool:
    """Enqueues a run with `args` at `run_after` unless one waits already (whatever its
    arguments); True if it enqueued one. Two
    callers at the same moment could each enqueue one: the extra runs are removed here, so the
    next call leaves one again (the soonest, so that a missed night is made up at once)."""
    with transaction.atomic():
        waiting = list(waiting_runs(task).select_for_update().values_list("pk", flat=True))
        if waiting:
            DBTaskResult.objects.filter(pk__in=waiting[1:]).delete()
            return False
        task.using(run_after=run_after).enqueue(*args)
    return True
