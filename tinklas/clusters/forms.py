"""Forms of cluster self-service: the profile, the member list and the team (inviting
colleagues, accepting an invitation as a new person)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tinklas.accounts.models import User
from tinklas.clusters.models import PROFILE_FIELDS, Cluster, Maturity, Membership
from tinklas.common.concurrency import VersionedModelForm
from tinklas.common.form_layout import StyledForm, date_input, language_field_names
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import Region

TRANSLATED = ["name", "description"]


class ClusterProfileForm(StyledForm, VersionedModelForm):
    """Everything on the public profile a cluster's managers keep current; the status is
    the network's to change."""

    class Meta:
        model = Cluster
        # The precision beside the founding date, so that a founding year stays a year when
        # the profile is saved (and a corrected day is not shown as a year).
        fields = [*PROFILE_FIELDS, "founded_precision"]
        widgets = {
            **{
                name: forms.Textarea(attrs={"rows": 6})
                for name in language_field_names("description")
            },
            "sectors": forms.CheckboxSelectMultiple,
            "ecosystems": forms.CheckboxSelectMultiple,
            "technologies": forms.Textarea(attrs={"rows": 2}),
            "maturity_assessed_on": date_input(),
            "founded_on": date_input(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A name in any one language will do: the model asks for at least one.
        self.label_languages(TRANSLATED)
        cluster: Cluster = self.instance
        members = Membership.objects.current_on(timezone.localdate()).filter(cluster=cluster)
        # The current coordinator stays choosable even if it is no longer a member, so that
        # saving other changes does not clear it.
        self.fields["coordinator"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            Q(pk__in=members.values("organisation_id")) | Q(pk=cluster.coordinator_id)
        ).order_by("name")
        self.fields["coordinator"].help_text = _(
            "The cluster management organisation, chosen among the current members."
        )
        self.fields["municipality"].queryset = Region.objects.filter(  # type: ignore[attr-defined]
            kind=Region.Kind.MUNICIPALITY, country=settings.TINKLAS_COUNTRY
        ).order_by("name")
        self.fields["maturity"].choices = [  # type: ignore[attr-defined]
            ("", _("Not assessed")),
            *[(value, capfirst(label)) for value, label in Maturity.choices],
        ]
        self.fields["contact_phone"].widget.input_type = "tel"  # type: ignore[attr-defined]
        self.fields["management_fte"].widget.attrs.update({"step": "0.1", "min": "0"})

    def language_fields(self) -> list[tuple[str, str, list[Any]]]:
        return self.fields_by_language(TRANSLATED)


class MembershipForm(StyledForm, forms.ModelForm):  # type: ignore[type-arg]
    """The terms of a new membership; the model's clean() refuses a second open membership
    and overlapping periods."""

    class Meta:
        model = Membership
        fields = ["joined_on", "role"]
        widgets: dict[str, Any] = {"joined_on": date_input()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.initial.get("joined_on") is None:
            self.initial["joined_on"] = timezone.localdate()


class AddMemberForm(MembershipForm):
    """An existing organisation, chosen from the search, joins the cluster."""

    class Meta(MembershipForm.Meta):
        fields = ["organisation", "joined_on", "role"]
        widgets = {**MembershipForm.Meta.widgets, "organisation": forms.HiddenInput}


class EndMembershipForm(StyledForm, forms.Form):
    left_on = forms.DateField(
        label=_("First day no longer a member"),
        help_text=_("The membership counts up to the day before."),
        widget=date_input(),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["left_on"].initial = timezone.localdate()


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
