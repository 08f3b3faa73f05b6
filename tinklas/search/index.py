"""Writing to and querying the search index. Knows nothing of clusters or organisations:
the apps that own the documents say what their text is, and when to write it (after each
save, or once at the end of a bulk change: common/derived.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Expression, Q
from django.db.models.expressions import RawSQL

from tinklas.search.analyzer import document_terms, query_terms
from tinklas.search.engines import matching_ids_sql
from tinklas.search.models import SearchEntry


@dataclass(frozen=True)
class Document:
    kind: str
    object_id: int
    name_text: str
    body_text: str


def index_documents(documents: Iterable[Document], batch_size: int = 400) -> None:
    """Adds or replaces the documents' entries: a batch at a time, each one delete of the
    entries they had and one insert, rather than a query or two per document."""
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= batch_size:
            replace_entries(batch)
            batch = []
    replace_entries(batch)


def replace_entries(documents: list[Document]) -> None:
    # A document named twice is written once, as it was named last.
    documents = list({(item.kind, item.object_id): item for item in documents}.values())
    kinds: dict[str, list[int]] = {}
    for document in documents:
        kinds.setdefault(document.kind, []).append(document.object_id)
    for kind, object_ids in kinds.items():
        SearchEntry.objects.filter(kind=kind, object_id__in=object_ids).delete()
    SearchEntry.objects.bulk_create(
        SearchEntry(
            kind=document.kind,
            object_id=document.object_id,
            name_terms=document_terms(document.name_text),
            body_terms=document_terms(document.body_text),
        )
        for document in documents
    )


def bulk_index_documents(documents: Iterable[Document], batch_size: int = 2000) -> None:
    """Inserts entries for documents that have none yet (rebuilds and large loads)."""
    batch: list[SearchEntry] = []
    for document in documents:
        batch.append(
            SearchEntry(
                kind=document.kind,
                object_id=document.object_id,
                name_terms=document_terms(document.name_text),
                body_terms=document_terms(document.body_text),
            )
        )
        if len(batch) >= batch_size:
            SearchEntry.objects.bulk_create(batch)
            batch = []
    SearchEntry.objects.bulk_create(batch)


def remove_documents(kind: str, object_ids: Iterable[int]) -> None:
    SearchEntry.objects.filter(kind=kind, object_id__in=list(object_ids)).delete()


def clear(kind: str) -> None:
    SearchEntry.objects.filter(kind=kind).delete()


@dataclass(frozen=True)
class Search:
    """A parsed query: whether it has searchable words, and filters built from it."""

    text: str
    groups: list[list[str]]

    @classmethod
    def parse(cls, text: str) -> Search:
        return cls(text=text, groups=query_terms(text))

    def __bool__(self) -> bool:
        return bool(self.groups)

    def matching_ids(self, kind: str) -> list[int]:
        """The matches, fetched once: for small kinds whose matches several queries reuse."""
        sql, params = matching_ids_sql(kind, self.groups)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def matches(self, kind: str) -> Q:
        """A filter on the owning model: its primary key is among the matches."""
        return Q(pk__in=RawSQL(*matching_ids_sql(kind, self.groups)))

    def name_matches(self, kind: str) -> Expression:
        return RawSQL(*matching_ids_sql(kind, self.groups, names_only=True))
