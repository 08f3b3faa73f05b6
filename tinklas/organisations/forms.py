"""Forms for an organisation's public data: kept by its representatives (and staff), and
filled in by a cluster's managers when a new organisation joins."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from tinklas.common.concurrency import VersionedModelForm
from tinklas.common.countries import country_choices, country_name
from tinklas.common.form_layout import StyledForm, language_field_names
from tinklas.organisations.models import EDITABLE_FIELDS, IDENTITY, NACE_REVISION, Organisation
from tinklas.taxonomy.models import NaceActivity, Region


class NaceCodesField(forms.CharField):
    """NACE codes typed as text ("62.10, 63.11"): one activity, or several when `many`."""

    def __init__(self, *, many: bool = False, **kwargs: Any) -> None:
        self.many = many
        self.kept: list[NaceActivity] = []  # the organisation's activities now
        super().__init__(required=False, max_length=400 if many else 10, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if value is None or isinstance(value, str):
            return value
        items = list(value) if isinstance(value, list | tuple) else [value]
        ids = [item.pk if isinstance(item, Model) else item for item in items]
        codes = NaceActivity.objects.filter(pk__in=ids).order_by("code")
        return ", ".join(codes.values_list("code", flat=True))

    def clean(self, value: Any) -> Any:
        text = super().clean(value)
        codes = list(dict.fromkeys(code for code in re.split(r"[\s,;]+", text) if code))
        if len(codes) > 1 and not self.many:
            raise ValidationError(_("Give one NACE code."))
        kept = {activity.code: activity for activity in self.kept}
        found = {
            activity.code: activity
            for activity in NaceActivity.objects.filter(revision=NACE_REVISION, code__in=codes)
        }
        activities = {**found, **kept}
        unknown = [code for code in codes if code not in activities]
        if unknown:
            raise ValidationError(
                _("No such NACE Rev. 2.1 code: %(codes)s."), params={"codes": ", ".join(unknown)}
            )
        chosen = [activities[code] for code in codes]
        if self.many:
            return chosen
        return chosen[0] if chosen else None


def translated_country_choices() -> list[tuple[str, str]]:
    choices = [(code, country_name(code)) for code, _name in country_choices()]
    return sorted(choices, key=lambda choice: choice[1])


class OrganisationFormBase(StyledForm, forms.ModelForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "country" in self.fields:
            self.fields["country"].choices = translated_country_choices()  # type: ignore[attr-defined]
        if "municipality" in self.fields:
            self.fields["municipality"].queryset = Region.objects.filter(  # type: ignore[attr-defined]
                kind=Region.Kind.MUNICIPALITY
            ).order_by("name")
        if "website" in self.fields:
            self.fields["website"].widget.attrs["placeholder"] = "https://"


class OrganisationEditForm(OrganisationFormBase, VersionedModelForm):
    """The public data a representative keeps; the identity fields only for staff."""

    main_activity = NaceCodesField(
        label=_("Main activity (NACE code)"),
        help_text=_("A NACE Rev. 2.1 code, such as 62.10."),
    )
    other_activities = NaceCodesField(
        many=True,
        label=_("Other activities (NACE codes)"),
        help_text=_("NACE Rev. 2.1 codes separated by commas, such as 62.20, 63.10."),
    )

    class Meta:
        model = Organisation
        fields = EDITABLE_FIELDS
        widgets = {
            name: forms.Textarea(attrs={"rows": 5}) for name in language_field_names("description")
        }

    def __init__(self, *args: Any, may_change_identity: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not may_change_identity:
            # Left out of the form, posted values for them are ignored.
            for name in IDENTITY:
                del self.fields[name]
        self.label_languages(["description"])
        organisation: Organisation = self.instance
        main = self.fields["main_activity"]
        other = self.fields["other_activities"]
        if organisation.main_activity is not None:
            main.kept = [organisation.main_activity]  # type: ignore[attr-defined]
        other.kept = list(organisation.other_activities.all())  # type: ignore[attr-defined]
        main.widget.attrs["list"] = "nace-classes"  # suggestions while typing
        for name in ("founded_year", "headcount", "annual_turnover", "balance_sheet_total"):
            self.fields[name].widget.attrs["min"] = "0"

    def language_fields(self) -> list[tuple[str, str, list[Any]]]:
        return self.fields_by_language(["description"])


class NewOrganisationForm(OrganisationFormBase):
    """An organisation not yet in the registry, created as it joins a cluster."""

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "country",
            "company_code",
            "vat_code",
            "legal_form",
            "address",
            "municipality",
            "website",
            "headcount",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].initial = settings.TINKLAS_COUNTRY

    def registered_with_same_code(self) -> Organisation | None:
        """The organisation already registered under the country and company code given
        (after validation, which normalises the code)."""
        if not self.instance.company_code:
            return None
        return self.instance.same_company_code().select_related("municipality").first()

    def namesakes(self) -> list[Organisation]:
        """Organisations of the same name, ignoring case, accents and punctuation, in the
        same municipality: perhaps the same organisation, registered without its code."""
        organisations = Organisation.objects.select_related("municipality")
        return organisations.namesakes(
            self.cleaned_data.get("name") or "",
            municipality=self.cleaned_data.get("municipality"),
        )
