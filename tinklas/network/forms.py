"""The network's forms: the terms on which clusters chosen in the administration join."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tinklas.common.form_layout import date_input


class JoinNetworkForm(forms.Form):
    joined_on = forms.DateField(
        label=_("Joined on"),
        help_text=_("The first day the clusters are members of the network."),
        widget=date_input(),
    )
    founding_member = forms.BooleanField(
        label=_("Founding members"),
        required=False,
        help_text=_("They founded the network."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["joined_on"].initial = timezone.localdate()
