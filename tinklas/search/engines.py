"""Thin adapters from analyzed query terms to each engine's full-text query. Both return
SQL selecting the matching object ids of one kind, to be used as a subquery."""

from __future__ import annotations

import json

from django.db import connection
from django.db.models import Model, Q
from django.db.models.expressions import RawSQL

Groups = list[list[str]]


def _sqlite_expression(groups: Groups) -> str:
    # Terms are ASCII letters and digits only (see the analyzer), so quoting is enough.
    return " AND ".join("(" + " OR ".join(f'"{term}"*' for term in group) + ")" for group in groups)


def _postgresql_expression(groups: Groups) -> str:
    return " & ".join("(" + " | ".join(f"{term}:*" for term in group) + ")" for group in groups)


def matching_ids_sql(kind: str, groups: Groups, names_only: bool = False) -> tuple[str, list[str]]:
    """SQL and parameters selecting `object_id` of the entries of `kind` that match every
    group of terms (in their names only, if asked)."""
    if connection.vendor == "sqlite":
        expression = _sqlite_expression(groups)
        if names_only:
            expression = f"name_terms : ({expression})"
        # Walk the full-text matches and look each entry up by rowid, rather than scan
        # every entry of the kind.
        return (
            "SELECT entry.object_id FROM search_entry_fts "
            "CROSS JOIN search_searchentry entry ON entry.id = search_entry_fts.rowid "
            "WHERE search_entry_fts MATCH %s AND entry.kind = %s",
            [expression, kind],
        )
    if connection.vendor == "postgresql":
        # Stored generated columns (search migration 0003) with GIN indexes.
        vector = "name_vector" if names_only else "all_vector"
        return (
            f"SELECT object_id FROM search_searchentry WHERE kind = %s AND {vector} @@ "
            "to_tsquery('simple'::regconfig, %s)",
            [kind, _postgresql_expression(groups)],
        )
    raise NotImplementedError(f"Full-text search is not available on {connection.vendor}.")


def among_ids(model: type[Model], ids: list[int]) -> Q:
    """A filter keeping the rows whose primary key is among `ids`, passed as one parameter:
    thousands of ids cost a query almost nothing this way, thousands of parameters do not."""
    if connection.vendor == "postgresql":
        return Q(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [ids]))
    return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)]))
