"""Writing the new organisations and memberships of a chunk of member-list rows together: a
few inserts for the chunk instead of several queries a row, so that a file of 10,000 rows is
written in seconds (benchmarks/member_import.py). Everything a save does is done: what
Organisation.save() adds (the size class, a unique slug), the save signals that keep the
derived data (search index, member counts, the registry's version), and the audit entry of
each record, which django-auditlog's own code makes and which are inserted together. If the
database refuses the chunk (someone registered one of its organisations meanwhile), its rows
are saved one by one, so that the row is named. Changes to registered records are saved one
by one anyway (rows.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from auditlog.context import auditlog_disabled, disable_auditlog
from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry, LogEntryManager
from auditlog.signals import pre_log
from django.conf import settings
from django.db import IntegrityError, models, router, transaction
from django.db.models import Q
from django.db.models.signals import post_save, pre_save

from tinklas.clusters.models import Membership
from tinklas.common.text import unique_slug
from tinklas.organisations.models import Organisation

# (organisation, membership or None, the row's result)
Row = tuple[Organisation, Membership | None, dict[str, Any]]
SaveOne = Callable[[Organisation, Membership | None, dict[str, Any]], None]
# The start of a slug that its "-2", "-3"... keep: unique_slug's 80 characters less a suffix.
SLUG_PREFIX = 80 - 6


def inserts_only(result: dict[str, Any]) -> bool:
    """The row only adds records: a new organisation, a new membership, or both."""
    return result["organisation"] in {"new", "unchanged"} and result["membership"] in {
        "new",
        "unchanged",
        "",
    }


class NewRecords:
    """The rows of a chunk waiting to be written together."""

    def __init__(self) -> None:
        self.rows: list[Row] = []

    def add(
        self, organisation: Organisation, membership: Membership | None, result: dict[str, Any]
    ) -> None:
        self.rows.append((organisation, membership, result))

    def write(self, save_one: SaveOne) -> list[dict[str, Any]]:
        """Writes the waiting rows; the results of rows saved one by one after the database
        refused the chunk (their errors may have changed)."""
        rows, self.rows = self.rows, []
        if not rows:
            return []
        try:
            with transaction.atomic():  # a savepoint: the refused chunk leaves nothing
                insert(rows)
        except IntegrityError:
            for organisation, membership, result in rows:
                for record in (organisation, membership):
                    if record is not None and result.get(part_of(record)) == "new":
                        record.pk, record._state.adding = None, True
                if result["organisation"] == "new":
                    organisation.slug = ""  # made again by save(), against what is stored now
                save_one(organisation, membership, result)
            return [result for _organisation, _membership, result in rows]
        return []


def part_of(record: models.Model) -> str:
    return "organisation" if isinstance(record, Organisation) else "membership"


def insert(rows: list[Row]) -> None:
    organisations = [row[0] for row in rows if row[2]["organisation"] == "new"]
    for organisation in organisations:
        organisation.derive_size_class()  # as Organisation.save() does
    give_slugs(organisations)
    created: list[models.Model] = [*created_as_saved(Organisation, organisations)]
    memberships = []
    for organisation, membership, result in rows:
        if membership is not None and result["membership"] == "new":
            membership.organisation = organisation  # with its id, now that it has one
            memberships.append(membership)
    created.extend(created_as_saved(Membership, memberships))
    audit(created)


def created_as_saved(model: type[models.Model], records: list[Any]) -> list[Any]:
    if records:
        signal("pre", model, records)
        model._default_manager.bulk_create(records)
        signal("post", model, records)
    return records


def give_slugs(organisations: list[Organisation]) -> None:
    """The slug Organisation.save() would give each, from two reads of the slugs taken: the
    slugs of the names themselves, and where one is taken or wanted twice, the numbered
    ones."""
    if not organisations:
        return
    bases = Counter(unique_slug(item.name, lambda slug: False) for item in organisations)
    taken = set(Organisation.objects.filter(slug__in=bases).values_list("slug", flat=True))
    near = Q()
    for base in {base for base, count in bases.items() if count > 1 or base in taken}:
        # Slugs are lower-case ASCII, "-" and "_": every one starting with the prefix sorts
        # before the prefix followed by "~", so the unique index answers each range.
        near |= Q(slug__gte=base[:SLUG_PREFIX], slug__lt=f"{base[:SLUG_PREFIX]}~")
    if near:
        taken |= set(Organisation.objects.filter(near).values_list("slug", flat=True))
    for organisation in organisations:
        organisation.slug = unique_slug(organisation.name, lambda slug: slug in taken)
        taken.add(organisation.slug)


def signal(moment: str, model: type[models.Model], records: Iterable[models.Model]) -> None:
    """The save signals, as save() sends them for a new record; the audit entries are made
    by audit() instead of auditlog's receivers, which would insert them one at a time."""
    using = router.db_for_write(model)
    sent = pre_save if moment == "pre" else post_save
    extra = {} if moment == "pre" else {"created": True}
    with disable_auditlog():
        for record in records:
            sent.send(
                sender=model, instance=record, raw=False, using=using, update_fields=None, **extra
            )


class CollectedEntries(LogEntryManager):
    """auditlog's own log_create, keeping the entries it makes to insert them together."""

    def __init__(self) -> None:
        super().__init__()
        self.model = LogEntry
        self.entries: list[LogEntry] = []

    def create(self, **values: Any) -> LogEntry:  # type: ignore[override]
        entry = LogEntry(**values)
        self.entries.append(entry)
        return entry


def audit(records: list[models.Model]) -> None:
    """The entries auditlog's receiver would write for these new records: the same checks
    (auditlog switched off, a pre_log receiver saying no), the same changes, the actor and
    request id set by the same pre_save receiver on the entry."""
    if auditlog_disabled.get():
        return
    collected = CollectedEntries()
    for record in records:
        answers = pre_log.send(type(record), instance=record, action=LogEntry.Action.CREATE)
        if any(answer is False for _receiver, answer in answers):
            continue
        changes = model_instance_diff(
            None,
            record,
            use_json_for_changes=getattr(settings, "AUDITLOG_STORE_JSON_CHANGES", False),
        )
        if changes:
            collected.log_create(record, action=LogEntry.Action.CREATE, changes=changes)
    using = router.db_for_write(LogEntry)
    for entry in collected.entries:
        pre_save.send(sender=LogEntry, instance=entry, raw=False, using=using, update_fields=None)
    LogEntry.objects.bulk_create(collected.entries)
