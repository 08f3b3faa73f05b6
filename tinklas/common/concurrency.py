"""Edits that never overwrite someone else's save silently.

An edit form carries the version of the row it was loaded from (its `updated_at`). Saving
locks the row and compares: if someone saved in between, nothing is saved; the person sees
their own input again, who saved and when, and what changed (read from the audit log), and
the form now carries the new version, so saving once more is a deliberate choice.

Use it in a view like this::

    with transaction.atomic():
        form = SomeForm(request.POST, instance=locked(Model.objects.all(), pk=pk))
        saved = form.save_if_unchanged()
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, TypeVar

from auditlog.models import LogEntry
from django import forms
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

ModelType = TypeVar("ModelType", bound=models.Model)
EMPTY = "—"
# Related tables up to this size are read whole to name the objects an earlier save removed
# (the audit log holds their names in the language of whoever saved).
SMALL_TABLE = 500


def locked(
    queryset: models.QuerySet[ModelType] | models.Manager[ModelType], **lookup: Any
) -> ModelType:
    """The row, locked until the end of the transaction (call inside transaction.atomic)."""
    return queryset.select_for_update().get(**lookup)


def version_of(instance: models.Model) -> str:
    return instance.updated_at.isoformat()  # type: ignore[attr-defined]


def parse_version(text: str | None) -> datetime.datetime | None:
    try:
        version = datetime.datetime.fromisoformat(text or "")
    except ValueError:
        return None
    return version if version.tzinfo is not None else None


@dataclass(frozen=True)
class Change:
    name: str
    label: str
    started_from: str
    saved_now: str


@dataclass
class Conflict:
    """Someone saved the row after the person loaded the form."""

    saved_by: list[str] = field(default_factory=list)
    saved_at: datetime.datetime | None = None
    changes: list[Change] = field(default_factory=list)


def is_translation_source(model: type[models.Model], name: str) -> bool:
    """A translated field's own column (`name` beside `name_lt`, `name_en`): its changes are
    listed under the per-language fields."""
    language_field = f"{name}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
    try:
        model._meta.get_field(language_field)
    except FieldDoesNotExist:
        return False
    return True


def names_in_every_language(objects: list[models.Model]) -> dict[str, models.Model]:
    """Each object under its name in every configured language."""
    names: dict[str, models.Model] = {}
    for code, _language in settings.LANGUAGES:
        with translation.override(code):
            names.update({str(item): item for item in objects})
    return names


def display_value(model_field: models.Field[Any, Any], raw: Any) -> str:
    """A value as the audit log stored it (a string, a primary key for a relation), for
    people to read."""
    if raw in (None, "", "None"):
        return EMPTY
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(raw, raw))
    if isinstance(model_field, models.ForeignKey):
        related = model_field.related_model._default_manager.filter(pk=raw).first()  # type: ignore[union-attr]
        return str(related) if related is not None else str(raw)
    return str(raw)


def many_to_many_change(
    instance: models.Model,
    model_field: models.ManyToManyField[Any, Any],
    steps: list[dict[str, Any]],
) -> tuple[str, str]:
    """The related objects before the logged additions and removals, and now."""
    current = list(getattr(instance, model_field.name).all())
    related_model = model_field.related_model
    known = list(current)
    if related_model._default_manager.count() <= SMALL_TABLE:  # type: ignore[union-attr]
        known = list(related_model._default_manager.all())  # type: ignore[union-attr]
    by_name = names_in_every_language(known)
    # Walk back from now: undo additions, restore removals; unknown names stay as logged.
    started: dict[object, str] = {item.pk: str(item) for item in current}
    for step in reversed(steps):
        for name in step.get("objects", []):
            item = by_name.get(name)
            key, shown = (item.pk, str(item)) if item is not None else (name, name)
            if step.get("operation") == "add":
                started.pop(key, None)
            else:
                started[key] = shown
    now = sorted(str(item) for item in current)
    return ", ".join(sorted(started.values())) or EMPTY, ", ".join(now) or EMPTY


def conflict_since(
    instance: models.Model, version: datetime.datetime | None, labels: dict[str, str]
) -> Conflict:
    """Who saved the row after `version`, when, and each changed field as it was at
    `version` and as it is now. `labels` names fields as the person's form does."""
    conflict = Conflict(saved_at=instance.updated_at)  # type: ignore[attr-defined]
    if version is None:  # a form without a readable version: nothing to compare with
        return conflict
    # Updates only: the entry of the row's creation is written just after its first version.
    entries = LogEntry.objects.get_for_object(instance).filter(
        timestamp__gt=version, action=LogEntry.Action.UPDATE
    )
    first_values: dict[str, Any] = {}
    many_to_many_steps: dict[str, list[dict[str, Any]]] = {}
    for entry in entries.select_related("actor").order_by("timestamp", "pk"):
        actor = str(entry.actor) if entry.actor else str(_("the system"))
        if entry.actor and entry.actor.full_name:
            actor = f"{entry.actor.full_name} ({entry.actor.email})"
        if actor not in conflict.saved_by:
            conflict.saved_by.append(actor)
        conflict.saved_at = max(entry.timestamp, conflict.saved_at or entry.timestamp)
        for name, change in entry.changes_dict.items():
            if isinstance(change, dict):
                many_to_many_steps.setdefault(name, []).append(change)
            else:
                first_values.setdefault(name, change[0])
    model = type(instance)
    # In the order of the person's form; fields it does not show come last.
    position = {name: number for number, name in enumerate(labels)}
    changed = sorted(
        [*first_values, *many_to_many_steps], key=lambda name: position.get(name, len(position))
    )
    for name in changed:
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not isinstance(model_field, models.Field) or model_field.primary_key:
            continue  # reverse relations, which the log lists on creation
        if name not in labels and is_translation_source(model, name):
            continue
        label = labels.get(name) or capfirst(str(getattr(model_field, "verbose_name", name)))
        if name in many_to_many_steps:
            before, now = many_to_many_change(instance, model_field, many_to_many_steps[name])  # type: ignore[arg-type]
        else:
            before = display_value(model_field, first_values[name])  # type: ignore[arg-type]
            now = display_value(model_field, model_field.value_from_object(instance))  # type: ignore[union-attr]
        if before != now:
            conflict.changes.append(Change(name, label, before, now))
    return conflict


class VersionedModelForm(forms.ModelForm):  # type: ignore[type-arg]
    """A model form that refuses to save over a newer version of its row."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conflict: Conflict | None = None
        if self.instance.pk is not None:
            self.fields["version"].initial = version_of(self.instance)

    def field_labels(self) -> dict[str, str]:
        return {
            name: str(bound_field.label)
            for name, bound_field in self.fields.items()
            if name != "version"
        }

    def save_if_unchanged(self) -> bool:
        """Saves when the row is still at the version the form was loaded from and the input
        is valid. Call inside transaction.atomic with the instance read by `locked`."""
        posted = parse_version(self.data.get("version"))
        if posted != self.instance.updated_at:
            self.conflict = conflict_since(self.instance, posted, self.field_labels())
            # The person's input stays; the form now carries the version they have seen.
            data = self.data.copy()  # type: ignore[attr-defined]  # the request's QueryDict
            data["version"] = version_of(self.instance)
            self.data = data
            for change in self.conflict.changes:
                if change.name in self.fields:  # shown next to the field
                    self.fields[change.name].saved_now = change.saved_now  # type: ignore[attr-defined]
            self.is_valid()  # also show what is wrong with the input
            return False
        if not self.is_valid():
            return False
        instance = self.save(commit=False)
        # Related rows first, then the row itself, which is always saved: its new version
        # then follows every audit entry of this save, including choice-only changes.
        self.save_m2m()
        instance.save()
        return True
