"""Template side of tinklas/common/form_layout.py."""

from __future__ import annotations

from django import forms, template

from tinklas.common.form_layout import FormError, error_summary

register = template.Library()


@register.simple_tag(name="error_summary")
def error_summary_tag(*forms_on_page: forms.BaseForm | None) -> list[FormError]:
    """`{% error_summary form other_form as errors %}` before including
    common/_error_summary.html; forms that are not on the page (None) are skipped."""
    return error_summary(*(form for form in forms_on_page if form is not None))
