"""Importing a file of any kind (a cluster's member list, the network's cluster list; see
kinds.py): an upload is kept as an ImportRun, checked in a dry run
that writes nothing, and committed in one transaction (every row or none). Small files are
processed inside the request; larger ones by the task worker, which records its progress on
the run. Reading the file and its cells are in reading.py and values.py, what each row does
in the kind's rows module; docs/import.md describes the whole."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from auditlog.context import auditlog_value, set_extra_data
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from tinklas.accounts.models import User
from tinklas.clusters.models import Cluster
from tinklas.common import derived
from tinklas.imports.kinds import ImportKind, kind_of
from tinklas.imports.models import ImportRun
from tinklas.imports.reading import Table, UnreadableFile, read_table
from tinklas.imports.retention import claim_daily_run, kept_results

logger = logging.getLogger(__name__)

DEFAULT_BACKGROUND_ROWS = 500


class RolledBack(Exception):
    """A row failed during the commit: the transaction is undone."""


def background_rows() -> int:
    """Files with more rows than this are processed by the task worker."""
    return int(getattr(settings, "TINKLAS_IMPORT_BACKGROUND_ROWS", DEFAULT_BACKGROUND_ROWS))


def in_background(run: ImportRun) -> bool:
    return run.total_rows > background_rows()


def audit_id(run: ImportRun) -> str:
    """The request id every change of the commit is logged with (the audit log filters on it)."""
    return f"import-{run.pk}"


@contextmanager
def audited_as(user: User | None, request_id: str) -> Iterator[None]:
    """Every audited save inside is logged with this actor and request id, in a request or
    in the worker; the request's own audit context, if any, applies again afterwards."""
    previous = auditlog_value.get(None)
    try:
        with set_extra_data({"actor": user, "cid": request_id}):
            yield
    finally:
        if previous is not None:
            auditlog_value.set(previous)


def create_run(
    kind: ImportKind,
    cluster: Cluster | None,
    user: User | None,
    file_name: str,
    file_format: str,
    content: bytes,
    table: Table,
    *,
    now: bool = False,
) -> ImportRun:
    """Keeps the upload, already read once, and starts its dry run: in the background for a
    large file, unless `now` (a command waits for it). Raises retention.DailyLimitReached
    when the cluster has had its imports for the day."""
    with transaction.atomic():
        if cluster is not None and user is not None:  # commands are not limited
            claim_daily_run(cluster, user)
        run = ImportRun.objects.create(
            kind=kind.key,
            cluster=cluster,
            uploaded_by=user,
            file_name=file_name[:255],
            file_format=file_format,
            file_size=len(content),
            content=content,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            total_rows=len(table.rows),
        )
    if in_background(run) and not now:
        check_in_background.enqueue(run.pk)
    else:
        run_safely(run, lambda run: check(run, table), worker=False)
    return run


RECORDED = [
    "results",
    "processed_rows",
    "new_rows",
    "updated_rows",
    "unchanged_rows",
    "error_rows",
    "warning_rows",
    "status",
]


def record(run: ImportRun, results: list[dict[str, Any]], status: str) -> None:
    """Sets the results and totals (the fields in RECORDED): the totals of every row, the
    results of as many as are kept; and drops the file once no step needs it."""
    fates = Counter(result["fate"] for result in results)
    run.results = kept_results(results)
    run.processed_rows = len(results)
    run.new_rows = fates["new"]
    run.updated_rows = fates["updated"]
    run.unchanged_rows = fates["unchanged"]
    run.error_rows = fates["error"]
    # A kind's results may carry warnings (member lists: the register shows the company
    # ending or gone); they leave the fate as it is.
    run.warning_rows = sum(1 for result in results if result.get("warnings"))
    run.status = status
    if not run.needs_content:
        run.content = None


def save_record(run: ImportRun, *fields: str) -> None:
    """Saves what record() set and the other fields named. The file is written only to drop
    it: writing back the bytes the row already holds would cost as much as the upload."""
    dropped = ["content"] if run.content is None else []
    run.save(update_fields=[*RECORDED, *dropped, *fields])


def uploaded_file(run: ImportRun) -> bytes:
    if run.content is None:  # only if a step ran twice: the file goes when none needs it
        raise UnreadableFile(_("The file is no longer kept; upload it again."))
    return bytes(run.content)


def check(run: ImportRun, table: Table | None = None) -> None:
    """The dry run: every row's fate, nothing written."""
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.CHECKING)
    with translation.override(run.language):
        kind = kind_of(run)
        table = table or read_table(uploaded_file(run), run.file_format, kind.columns)

        def store_progress(done: int) -> None:
            ImportRun.objects.filter(pk=run.pk).update(processed_rows=done)

        processor = kind.processor(run, run.uploaded_by, False)
        results = processor.process(table.rows, store_progress)
    record(run, results, ImportRun.Status.CHECKED)
    run.checked_at = timezone.now()
    save_record(run, "checked_at")


def start_commit(
    run: ImportRun, user: User | None, *, now: bool = False, warnings_confirmed: bool = False
) -> bool:
    """Commits a checked run without errors, now or in the background (a large file, unless
    `now`); False when it is not (any more) waiting to be committed, for example after a
    second click, or when its rows have warnings that the person did not confirm having
    checked."""
    waiting = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.CHECKED, error_rows=0)
    if not warnings_confirmed:
        waiting = waiting.filter(warning_rows=0)
    claimed = waiting.filter(Q(new_rows__gt=0) | Q(updated_rows__gt=0)).update(
        status=ImportRun.Status.COMMITTING, committed_by=user
    )
    if not claimed:
        return False
    run.refresh_from_db()
    if in_background(run) and not now:
        commit_in_background.enqueue(run.pk)
    else:
        run_safely(run, commit, worker=False)
    return True


def commit(run: ImportRun) -> None:
    """Writes every row or none. Each row is saved through its model, so the audit log
    records it with the person who committed as the actor and the run's id as the request
    id; derived data is brought up to date once at the end."""
    user = run.committed_by or run.uploaded_by
    with translation.override(run.language), audited_as(user, audit_id(run)):
        kind = kind_of(run)
        table = read_table(uploaded_file(run), run.file_format, kind.columns)
        try:
            # One transaction; the member counts, flags, search entries and the registry's
            # version follow once at its end, not after every row.
            with derived.bulk_change():
                processor = kind.processor(run, user, True)
                # No progress is stored here: inside the transaction nobody would see it.
                results = processor.process(table.rows)
                if processor.failed:
                    raise RolledBack
        except RolledBack:
            record(run, results, ImportRun.Status.FAILED)
            run.error_message = _(
                "Nothing was written: %(count)s rows have errors now. The registry changed "
                "after the dry run; correct the file and upload it again."
            ) % {"count": run.error_rows}
            save_record(run, "error_message")
            return
    # Drops the file too: the audit log keeps what was written.
    record(run, results, ImportRun.Status.COMMITTED)
    run.committed_at = timezone.now()
    save_record(run, "committed_at")


def run_safely(run: ImportRun, step: Callable[[ImportRun], None], *, worker: bool) -> None:
    """Runs a step; a failure is recorded on the run, so that its page says so instead of
    waiting for ever. The worker also records the failed task with its traceback."""
    try:
        step(run)
    except UnreadableFile as error:
        # Read once at the upload, the file could only become unreadable if it was lost.
        fail(run, str(error))
    except Exception:
        logger.exception("Import %s failed", run.pk)
        with translation.override(run.language):
            fail(
                run,
                _(
                    "The import stopped on an unexpected error and wrote nothing. Upload the "
                    "file again, or ask the network's staff for help."
                ),
            )
        if worker:
            raise


def fail(run: ImportRun, message: str) -> None:
    """A failed run is never checked or written again (the page asks for a new upload), so
    its file goes too."""
    run.status = ImportRun.Status.FAILED
    run.error_message = message
    run.content = None
    ImportRun.objects.filter(pk=run.pk).update(
        status=run.status, error_message=message, content=None
    )


def stored_run(run_id: int) -> ImportRun:
    return ImportRun.objects.select_related("cluster", "uploaded_by", "committed_by").get(pk=run_id)


@task()
def check_in_background(run_id: int) -> None:
    run_safely(stored_run(run_id), check, worker=True)


@task()
def commit_in_background(run_id: int) -> None:
    run_safely(stored_run(run_id), commit, worker=True)
