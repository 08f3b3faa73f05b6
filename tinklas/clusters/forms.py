"""Forms of cluster self-service: the profile and the member list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

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
        fields = PROFILE_FIELDS
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
        self.label_languages(TRANSLATED, required=("name",))
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
