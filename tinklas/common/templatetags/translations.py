"""{% translated cluster "name" %}: a translated field in the page's language, or, where only
another language has it, that value marked with its language (lang="en") and a small marker
("EN") whose accessible label says the translation is missing."""

from __future__ import annotations

from django import template
from django.db.models import Model
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from tinklas.common.translations import shown_language

register = template.Library()


@register.simple_tag(name="shown_language")
def shown_language_tag(instance: Model, field: str) -> str:
    """{% shown_language cluster "description" as code %}: for a lang attribute."""
    return shown_language(instance, field) or ""


@register.simple_tag
def translated(instance: Model, field: str, marker: bool = True) -> SafeString:
    """The field's value as modeltranslation gives it, marked when it falls back."""
    value = getattr(instance, field)
    shown = shown_language(instance, field)
    if shown is None or shown == get_language():
        return format_html("{}", value)
    if not marker:  # where a marker would be noise (a breadcrumb): the language alone
        return format_html('<span lang="{}">{}</span>', shown, value)
    label = _("Translation missing: shown in %(language)s") % {
        "language": get_language_info(shown)["name_translated"]
    }
    return format_html(
        '<span lang="{}">{}</span> <span class="missing-translation" title="{}">'
        '<span aria-hidden="true">{}</span><span class="visually-hidden">({})</span></span>',
        shown,
        value,
        label,
        shown.upper(),
        label,
    )
