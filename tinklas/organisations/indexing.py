"""The organisation's search document, and keeping it current on every save and delete.

Index upkeep is derived data, not a business rule, so it follows the model's own save and
delete signals: every path (pages, admin, API, imports) keeps the index current. Inside a
bulk change (common/derived.py) the signals only record the organisation, and
`after_bulk_change` indexes every recorded one once at the end."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from tinklas.common import derived
from tinklas.common.text import translations
from tinklas.organisations.models import Organisation
from tinklas.search import index

KIND = "organisation"


def organisation_document(organisation: Organisation) -> index.Document:
    activities = [organisation.main_activity, *organisation.other_activities.all()]
    activity_text = " ".join(
        " ".join([activity.code, *translations(activity, "label")])
        for activity in activities
        if activity is not None
    )
    return index.Document(
        kind=KIND,
        object_id=organisation.pk,
        name_text=organisation.name,
        body_text=" ".join(
            [
                organisation.legal_form,
                organisation.company_code,
                *translations(organisation, "description"),
                activity_text,
            ]
        ),
    )


def documents(organisations: Iterable[Organisation]) -> Iterator[index.Document]:
    for organisation in organisations:
        yield organisation_document(organisation)


def all_documents() -> Iterator[index.Document]:
    queryset = Organisation.objects.select_related("main_activity").prefetch_related(
        "other_activities"
    )
    return documents(queryset.iterator(chunk_size=2000))


BATCH_SIZE = 900  # ids per query: under SQLite's oldest limit of 999 parameters


def reindex_organisations(organisation_ids: Iterable[int]) -> None:
    """Indexes the organisations that exist and removes the entries of those that do not
    (deleted within the bulk change)."""
    ordered = sorted(organisation_ids)
    for start in range(0, len(ordered), BATCH_SIZE):
        ids = set(ordered[start : start + BATCH_SIZE])
        existing = Organisation.objects.filter(pk__in=ids).select_related("main_activity")
        found = list(existing.prefetch_related("other_activities"))
        index.index_documents(documents(found))
        if deleted := ids - {organisation.pk for organisation in found}:
            index.remove_documents(KIND, deleted)


def after_bulk_change(changes: derived.Changes) -> None:
    if changes.touched_everything:
        index.clear(KIND)
        index.bulk_index_documents(all_documents())
    elif changes.of(KIND):
        reindex_organisations(changes.of(KIND))


def reindex(sender: type, instance: Organisation, **kwargs: Any) -> None:
    if derived.defer(KIND, [instance.pk]):
        return
    index.index_documents([organisation_document(instance)])


def remove(sender: type, instance: Organisation, **kwargs: Any) -> None:
    if derived.defer(KIND, [instance.pk]):
        return
    index.remove_documents(KIND, [instance.pk])


def reindex_after_activities_change(
    sender: type, instance: Organisation, action: str, **kwargs: Any
) -> None:
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Organisation):
        reindex(Organisation, instance)


def connect() -> None:
    derived.register(after_bulk_change)
    post_save.connect(reindex, sender=Organisation, dispatch_uid="organisation-index")
    post_delete.connect(remove, sender=Organisation, dispatch_uid="organisation-unindex")
    m2m_changed.connect(
        reindex_after_activities_change,
        sender=Organisation.other_activities.through,
        dispatch_uid="organisation-activities-index",
    )
