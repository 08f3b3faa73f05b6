"""What an import reports about each row, whatever the kind: values as the results page
shows them, model errors under their columns, and the row's fate from the fates of its
parts (an organisation and its membership; a cluster, its labels and its network
membership).

A row's result is stored as JSON on the run: {"row", "name", "fate" (new, updated,
unchanged, error), one entry per part (new, updated, ended, unchanged or ""), "changes"
[{"column", "old", "new"}], "notices" [{"column", "old", "new", "message"}] for values not
applied, "errors" [{"column", "message"}]}."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tinklas.imports.columns import ColumnSet
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import NaceActivity


def shown(value: Any) -> str:
    """A value as the results page shows it, old or new."""
    if value is None:
        return ""
    if isinstance(value, NaceActivity):
        return value.code
    if isinstance(value, Decimal):
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def same(old: Any, new: Any) -> bool:
    """Equal, an empty text counting as no value (a headcount of 0 is a value)."""
    return (None if old == "" else old) == (None if new == "" else new)


def described(organisation: Organisation) -> str:
    code = organisation.company_code or _("no company code")
    return f"{organisation.name} ({code})"


def error_columns(error: ValidationError, columns: ColumnSet) -> list[dict[str, str]]:
    """A model's validation errors under the columns of the fields they are about."""
    return [
        {"column": columns.column_of_field.get(field_name, ""), "message": message}
        for field_name, messages in error.message_dict.items()
        for message in messages
    ]


def fate_of(result: dict[str, Any], parts: list[str]) -> str:
    """error when the row has errors; new when it adds a record; updated when it changes or
    ends one; else unchanged."""
    fates = {result.get(part, "") for part in parts}
    if result["errors"]:
        return "error"
    if "new" in fates:
        return "new"
    if fates & {"updated", "ended"}:
        return "updated"
    return "unchanged"
