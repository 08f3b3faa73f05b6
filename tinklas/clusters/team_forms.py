"""Forms of the team page and of accepting an invitation as a new person."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from tinklas.accounts.models import User


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Colleague's email address"),
        max_length=254,
        widget=forms.EmailInput({"class": "form-control", "autocomplete": "off"}),
    )
    message = forms.CharField(
        label=_("Personal message (optional)"),
        required=False,
        max_length=2000,
        help_text=_("Added to the invitation email."),
        widget=forms.Textarea({"class": "form-control", "rows": 3}),
    )


class NewManagerAccountForm(forms.Form):
    """The account of an invited person who has none: the address is the invitation's."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput({"class": "form-control", "autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=password_validation.password_validators_help_text_html(),
        widget=forms.PasswordInput({"class": "form-control", "autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput({"class": "form-control", "autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_full_name(self) -> str:
        full_name = " ".join(self.cleaned_data["full_name"].split())
        if not full_name:
            raise forms.ValidationError(_("Enter your full name."))
        return full_name

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ: type the same one twice."))
        if first:
            # Checked against an unsaved account, so that a password resembling the
            # person's name or address is refused too.
            candidate = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
