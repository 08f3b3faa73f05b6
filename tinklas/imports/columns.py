"""The columns of an import: stable English keys for the file's header, what each means and
which values it accepts. Each kind of import has its set (members/columns.py,
clusters/columns.py); its template, the reader, the pages and docs/import.md follow it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise

from tinklas.search.analyzer import fold


@dataclass(frozen=True)
class Column:
    key: str
    title: str | Promise
    meaning: str | Promise
    accepted: str | Promise
    # The model field the column fills ("" when it is not one to one).
    field: str = ""
    required: bool = False


class ColumnSet:
    """The columns of one kind of import, in the template's order."""

    def __init__(self, columns: list[Column]) -> None:
        self.columns = columns
        self.keys = [column.key for column in columns]
        self.required_keys = [column.key for column in columns if column.required]
        self.by_key = {column.key: column for column in columns}
        # The column each model field's errors are reported in.
        self.column_of_field = {column.field: column.key for column in columns if column.field}

    def __iter__(self) -> Iterator[Column]:
        return iter(self.columns)

    @cached_property
    def header_names(self) -> dict[str, str]:
        """Every header a column is recognised by, folded (lowercase ASCII without spaces or
        punctuation): its key, and its title in each language of the site."""
        names: dict[str, str] = {}
        for column in self.columns:
            names[fold(column.key)] = column.key
            for code, _language in settings.LANGUAGES:
                with translation.override(code):
                    names.setdefault(fold(str(column.title)), column.key)
        return names

    def column_for_header(self, header: str) -> str | None:
        """The key of the column a header names, or None for a header the import does not
        know."""
        return self.header_names.get(fold(header))
