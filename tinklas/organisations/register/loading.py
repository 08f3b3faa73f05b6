"""The register of legal entities: what its status names mean, and loading its files.

A load is all or nothing for the whole run: every file is read once to check it (header,
field count, codes, dates, a code given twice: checking.py) and, only if nothing is wrong
anywhere, read again and written in one transaction, in batches of bounded size, so that
memory stays small whatever the files' size. The newest extract wins: a row replaces the
stored one only when its extract date (formavimo_data) is the same or newer. The problems are
worded in the load's language (RegisterLoad.language: the command's, or that of the person
who started it on the staff page).

The register covers Lithuania only; its status names are Lithuanian, as the files give them.
Looking an entity up and comparing it with an organisation: organisations/register/lookup.py."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict
from functools import lru_cache
from typing import Any

from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext_noop
from django_tasks import task

from tinklas.common import derived
from tinklas.organisations.models import LegalEntity, RegisterLoad
from tinklas.organisations.register.checking import Check, FileCounts, check_files
from tinklas.organisations.register.files import (
    FileKind,
    RegisterRow,
    RegisterSource,
    RowProblem,
    read_rows,
)
from tinklas.organisations.register.lookup import folded
from tinklas.organisations.register.problems import Message, problem_record

Status = LegalEntity.Status
# The deregistered file has no status columns; its rows get the register's own name for it.
DEREGISTERED_STATUS_NAME = "Išregistruotas"

# Status names by the start of a word in them, first match wins, compared lowercase without
# diacritics so that the register's abbreviated names ("Teisinis stat neįregistruotas")
# match too. The status codes are not documented, so only the names are read.
STATUS_FRAGMENTS: list[tuple[str, LegalEntity.Status]] = [
    ("bankrut", Status.BANKRUPTCY),  # Bankrutuojantis, Bankrutavęs
    ("bankrot", Status.BANKRUPTCY),  # Likviduojamas dėl bankroto
    ("isregistr", Status.DEREGISTERED),  # Išregistruotas
    ("likviduotas", Status.DEREGISTERED),  # liquidated: the entity has ended
    ("likvid", Status.LIQUIDATION),  # Likviduojamas, Inicijuojamas likvidavimas
    ("reorganiz", Status.REORGANISATION),  # Reorganizuojamas, Dalyvaujantis reorganizavime
    ("pertvark", Status.REORGANISATION),  # Pertvarkomas (a change of legal form)
    ("restruktur", Status.REORGANISATION),  # Restruktūrizuojamas
    ("atskyr", Status.REORGANISATION),  # Dalyvaujantis atskyrime (a separation)
    ("jung", Status.REORGANISATION),  # mergers, also across borders
    ("skaid", Status.REORGANISATION),  # divisions across borders
    ("neiregistr", Status.ACTIVE),  # Teisinis statusas neįregistruotas: nothing to note
    ("iregistr", Status.ACTIVE),  # Įregistruotas
]

BATCH_SIZE = 900  # rows read and written at a time; under SQLite's 999 parameters


@lru_cache(maxsize=512)  # a load meets a few dozen names, 230,000 times
def classify_status(status_name: str) -> LegalEntity.Status:
    """The category of a status name of the register. A registered entity without a
    status name has nothing noted against it."""
    name = folded(status_name)
    if not name.strip():
        return Status.ACTIVE
    words = name.split()
    for fragment, status in STATUS_FRAGMENTS:
        if any(word.startswith(fragment) for word in words):
            return status
    return Status.OTHER


# Loading.


def row_values(row: RegisterRow, kind: str) -> tuple[object, ...]:
    """The stored fields of a row, in FIELDS order, without the extract date."""
    if kind == FileKind.DEREGISTERED:
        status, status_name = Status.DEREGISTERED.value, DEREGISTERED_STATUS_NAME
    else:
        status, status_name = classify_status(row.status_name).value, row.status_name
    return (
        row.name,
        row.address,
        row.registered_on,
        row.legal_form_code,
        row.legal_form,
        row.status_code,
        status_name,
        status,
        row.status_since,
        row.deregistered_on,
    )


FIELDS = [
    "name",
    "address",
    "registered_on",
    "legal_form_code",
    "legal_form",
    "status_code",
    "status_name",
    "status",
    "status_since",
    "deregistered_on",
]
DATE_FIELDS = ["registered_on", "status_since", "deregistered_on"]


def batches(rows: Iterable[RegisterRow | RowProblem]) -> Iterator[list[RegisterRow]]:
    batch: list[RegisterRow] = []
    for row in rows:
        if isinstance(row, RegisterRow):
            batch.append(row)
            if len(batch) == BATCH_SIZE:
                yield batch
                batch = []
    if batch:
        yield batch


def write_batch(rows: list[RegisterRow], kind: str, counts: FileCounts) -> None:
    """Stores the rows whose extract is the same as or newer than the stored one."""
    latest: dict[str, RegisterRow] = {}
    # A code twice in one file is refused by the check; should the file have changed since,
    # one statement must still not write a code twice: the newer extract, else the later row.
    for row in rows:
        kept = latest.get(row.code)
        if kept is not None:
            counts.older += 1
            if row.extract_date < kept.extract_date:
                continue
        latest[row.code] = row
    stored = {
        values[0]: values[1:]
        for values in LegalEntity.objects.filter(code__in=list(latest)).values_list(
            "code", *FIELDS, "extract_date"
        )
    }
    written: list[tuple[Any, ...]] = []
    for code, row in latest.items():
        values = row_values(row, kind)
        before = stored.get(code)
        if before is None:
            counts.new += 1
        elif row.extract_date < before[-1]:
            counts.older += 1
            continue
        elif tuple(before[:-1]) == values:
            counts.unchanged += 1
            if row.extract_date == before[-1]:
                continue  # nothing to write, not even a newer extract date
        else:
            counts.updated += 1
        written.append((code, *values, row.extract_date))
    upsert(written)


def upsert(rows: list[tuple[Any, ...]]) -> None:
    """Inserts rows (code, FIELDS..., extract date), replacing those of the same code.
    Many rows per statement, as bulk_create(update_conflicts=True) writes them, but without
    preparing every value through its model field, which took most of a load's time."""
    if not rows:
        return
    operations = connection.ops
    column_of = {field.name: field.column for field in LegalEntity._meta.concrete_fields}
    columns = [
        operations.quote_name(column_of[name])
        for name in ["code", *FIELDS, "extract_date", "loaded_at"]
    ]
    table = operations.quote_name(LegalEntity._meta.db_table)
    extract = columns[-2]
    # The condition repeats the rule write_batch applied, for a load running at the same
    # time: the newest extract still wins.
    conflict = (
        f"ON CONFLICT ({columns[0]}) DO UPDATE SET "
        + ", ".join(f"{column} = excluded.{column}" for column in columns[1:])
        + f" WHERE {table}.{extract} <= excluded.{extract}"
    )
    dates = {FIELDS.index(name) + 1 for name in DATE_FIELDS} | {len(FIELDS) + 1}
    now = operations.adapt_datetimefield_value(timezone.now())
    values = [
        [
            operations.adapt_datefield_value(value) if index in dates else value
            for index, value in enumerate(row)
        ]
        + [now]
        for row in rows
    ]
    # As many rows per statement as the engine's parameter limit allows (SQLite: 999);
    # without a limit (PostgreSQL) the whole batch in one.
    parameter_limit = connection.features.max_query_params
    per_statement = max(1, parameter_limit // len(columns)) if parameter_limit else len(values)
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(values), per_statement):
            chunk = values[start : start + per_statement]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES {', '.join([placeholders] * len(chunk))} {conflict}",
                [value for row in chunk for value in row],
            )


def write_files(sources: list[RegisterSource], check: Check) -> None:
    # Registered files first: when both kinds carry an entity in extracts of the same day,
    # the deregistration is the later event (a company code is never given again).
    pairs = zip(sources, check.files, strict=True)
    for source, counts in sorted(pairs, key=lambda pair: pair[1].kind != FileKind.REGISTERED):
        with source.open() as binary:
            kind, rows = read_rows(binary)
            for batch in batches(rows):
                write_batch(batch, kind, counts)


def load_register(load: RegisterLoad, sources: list[RegisterSource]) -> RegisterLoad:
    """Checks the files and, if all are right, writes them; the load records the outcome.
    Call outside a transaction, so that the progress is seen while it runs."""

    def progress(rows: int) -> None:
        RegisterLoad.objects.filter(pk=load.pk).update(rows_checked=rows)

    def save(state: str, check: Check) -> None:
        load.state = state
        load.rows_checked = check.rows
        load.files = [
            {**stored, **asdict(counts)}
            for stored, counts in zip(
                load.files or [{} for _item in check.files], check.files, strict=True
            )
        ]
        load.problems = check.problems
        load.problem_count = check.problem_count
        if state in (RegisterLoad.State.DONE, RegisterLoad.State.REFUSED):
            load.finished_at = timezone.now()
        load.save()

    load.state = RegisterLoad.State.CHECKING
    load.save(update_fields=["state"])
    with translation.override(load.language or None):
        check = check_files(sources, progress)
    if check.problem_count:
        save(RegisterLoad.State.REFUSED, check)
        return load
    save(RegisterLoad.State.LOADING, check)
    # A bulk change like any other (one transaction). The entities are read live by the
    # lookups and reports and feed no derived data, so today nothing is recorded and the
    # day's open-data download stays as it is built; should a load one day update
    # organisations, their derived data follows without more code here.
    with derived.bulk_change():
        write_files(sources, check)
        save(RegisterLoad.State.DONE, check)
    return load


def stored_source(name: str, stored_as: str) -> RegisterSource:
    return RegisterSource(name, lambda: default_storage.open(stored_as, "rb"))


@task()
def load_uploaded_files(load_id: int) -> None:
    """Loads the files uploaded on the staff page, then deletes the uploads."""
    load = RegisterLoad.objects.get(pk=load_id)
    sources = [stored_source(file["name"], file["stored_as"]) for file in load.files]
    try:
        load_register(load, sources)
    except Exception:
        # Whatever stopped it, the transaction wrote nothing: say so on the page.
        with translation.override(load.language or None):
            message = Message(
                gettext_noop("The load stopped with an unexpected error; nothing was written.")
            )
        RegisterLoad.objects.filter(pk=load.pk).update(
            state=RegisterLoad.State.REFUSED,
            finished_at=timezone.now(),
            problem_count=1,
            problems=[problem_record("", None, message)],
        )
        raise
    finally:
        for file in load.files:
            default_storage.delete(file["stored_as"])
