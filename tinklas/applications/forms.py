"""Forms of the application steps and of the staff's decisions."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tinklas.applications.models import ApplicationMember, ClusterApplication
from tinklas.common.form_layout import StyledForm, date_input
from tinklas.common.text import collation_key
from tinklas.organisations.identifiers import clean_company_code
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import Region


class DraftForm(StyledForm):
    """Browsers' own required checks are off: a draft may be saved incomplete, and the
    server names every missing field next to it and in a summary."""

    use_required_attribute = False


def clean_code(code: str) -> str:
    """A company code in the network country's stored form; empty stays empty."""
    return clean_company_code(settings.TINKLAS_COUNTRY, code) if code else ""


def municipality_choices() -> list[tuple[Any, Any]]:
    municipalities = Region.objects.filter(
        kind=Region.Kind.MUNICIPALITY, country=settings.TINKLAS_COUNTRY
    )
    language = get_language() or settings.LANGUAGE_CODE
    named = sorted(
        ((region.pk, region.name) for region in municipalities),
        key=lambda choice: collation_key(choice[1], language),
    )
    return [("", _("Choose a municipality")), *named]


class ClusterStepForm(DraftForm, forms.ModelForm):
    class Meta:
        model = ClusterApplication
        fields = [
            "name",
            "acronym",
            "description",
            "website",
            "founded_on",
            "sectors",
            "ecosystems",
            "municipality",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "founded_on": date_input(),
            "sectors": forms.CheckboxSelectMultiple,
            "ecosystems": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "description": _("What the cluster does and for whom; shown on its public profile."),
            "website": _("Needed to be listed on the European Cluster Collaboration Platform."),
            "sectors": _("The network's fields the cluster works in."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        municipality = self.fields["municipality"]
        # The queryset validates; the choices, set after it, are in alphabetical order.
        municipality.queryset = Region.objects.filter(  # type: ignore[attr-defined]
            kind=Region.Kind.MUNICIPALITY, country=settings.TINKLAS_COUNTRY
        )
        municipality.choices = municipality_choices()  # type: ignore[attr-defined]

    def clean_founded_on(self) -> datetime.date | None:
        founded_on: datetime.date | None = self.cleaned_data.get("founded_on")
        if founded_on and founded_on > timezone.localdate():
            raise ValidationError(_("The founding date cannot be in the future."))
        return founded_on


class ManagementStepForm(DraftForm, forms.ModelForm):
    class Meta:
        model = ClusterApplication
        fields = [
            "coordinator_name",
            "coordinator_code",
            "management_fte",
            "contact_person",
            "contact_email",
            "contact_phone",
        ]
        help_texts = {
            "coordinator_name": _("The organisation that manages the cluster."),
            "coordinator_code": _("Add the coordinating organisation to the members list too."),
            "management_fte": _(
                "Full-time equivalents of the cluster management team, for example 1.5."
            ),
        }

    def clean_coordinator_code(self) -> str:
        return clean_code(self.cleaned_data.get("coordinator_code", ""))


class MemberForm(DraftForm, forms.ModelForm):
    """One proposed member; its company code links it to the registry when it is there."""

    class Meta:
        model = ApplicationMember
        fields = ["name", "company_code", "kind"]

    def __init__(self, *args: Any, application: ClusterApplication, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.application = application
        self.fields["company_code"].required = True
        self.fields["kind"].choices = [  # type: ignore[attr-defined]
            ("", _("Choose a kind")),
            *[(value, capfirst(label)) for value, label in Organisation.Kind.choices],
        ]

    def clean_company_code(self) -> str:
        code = clean_code(self.cleaned_data.get("company_code", ""))
        if self.application.members.filter(company_code=code).exists():
            raise ValidationError(_("This company code is already in the list."))
        return code

    def save(self, commit: bool = True) -> ApplicationMember:
        member: ApplicationMember = super().save(commit=False)
        member.application = self.application
        member.organisation = Organisation.objects.filter(
            country=settings.TINKLAS_COUNTRY, company_code=member.company_code
        ).first()
        if commit:
            member.save()
        return member


class ReviewMessageForm(DraftForm, forms.Form):
    """The reviewer's message to the applicant: what to change, or why it was rejected."""

    message = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, label: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["message"].label = label
