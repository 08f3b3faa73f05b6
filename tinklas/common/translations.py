"""Which language a translated field (name_lt, name_en, ...) is shown in. modeltranslation
falls back to another language when the page's is empty; the page must then say so, with
the text's own language for screen readers and a marker for sighted readers."""

from __future__ import annotations

from django.db.models import Model
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname, resolution_order


def shown_language(instance: Model, field: str, language: str | None = None) -> str | None:
    """The language whose value `instance.<field>` shows in `language` (the active one by
    default), following modeltranslation's own fallback order; None when every language is
    empty."""
    for code in resolution_order(language or get_language()):
        if getattr(instance, build_localized_fieldname(field, code), None):
            return code
    return None
