"""How edit forms look: Bootstrap classes on their widgets, invalid fields marked, and the
per-language fields of translated model fields (name_lt, name_en...) labelled with their
language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, get_translation_fields


def language_field_names(*names: str) -> list[str]:
    """The per-language fields of translated fields (name_lt, name_en...), in the configured
    language order, named by modeltranslation itself."""
    return list(get_translation_fields(*names))


def capitalised(choices: Any) -> list[tuple[Any, Any]]:
    # Grouped choices (a group name with its own choices) are left as they are.
    return [
        (value, capfirst(label) if isinstance(label, str | Promise) else label)  # type: ignore[type-var]
        for value, label in choices
    ]


class StyledForm(forms.BaseForm):
    """Mix in before the form class: widgets get Bootstrap classes, and invalid ones are
    marked after validation."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
                if isinstance(field, forms.ChoiceField) and not isinstance(
                    field, forms.ModelChoiceField
                ):
                    # Choice labels are lowercase for use inside sentences.
                    field.choices = capitalised(field.choices)
            elif not widget.is_hidden:
                widget.attrs.setdefault("class", "form-control")

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()

    def label_languages(self, names: list[str], required: tuple[str, ...] = ()) -> None:
        """Labels "Name (English)", "Name (Lithuanian)"... in the page's language. Of the
        `required` fields only the default language's is: the others fall back to it."""
        model = self._meta.model  # type: ignore[attr-defined]
        for name in names:
            label = capfirst(model._meta.get_field(name).verbose_name)
            for code, _language in settings.LANGUAGES:
                field = self.fields.get(build_localized_fieldname(name, code))
                if field is None:
                    continue
                language = get_language_info(code)["name_translated"]
                field.label = _("%(field)s (%(language)s)") % {"field": label, "language": language}
                field.widget.attrs["lang"] = code
                field.required = (
                    name in required and code == settings.MODELTRANSLATION_DEFAULT_LANGUAGE
                )

    def fields_by_language(self, names: list[str]) -> list[tuple[str, str, list[Any]]]:
        """(code, language name, bound fields) for each language, to lay out side by side."""
        return [
            (
                code,
                get_language_info(code)["name_translated"],
                [
                    self[build_localized_fieldname(name, code)]
                    for name in names
                    if build_localized_fieldname(name, code) in self.fields
                ],
            )
            for code, _language in settings.LANGUAGES
        ]


@dataclass(frozen=True)
class FormError:
    label: str
    anchor: str  # the id of the field's input (its first option for a group); empty if hidden
    message: str


def error_summary(*forms_on_page: forms.BaseForm) -> list[FormError]:
    """Every error of the page's forms, for one summary at its top whose links move the
    focus to the fields."""
    errors = []
    for form in forms_on_page:
        for message in form.non_field_errors():
            errors.append(FormError("", "", str(message)))
        for bound_field in form:
            if bound_field.is_hidden:
                anchor = ""
            elif bound_field.use_fieldset:
                anchor = f"{bound_field.auto_id}_0"
            else:
                anchor = bound_field.id_for_label
            for message in bound_field.errors:
                errors.append(FormError(str(bound_field.label), anchor, str(message)))
    return errors


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
