"""Organisations in the REST API: their public representation and how representatives
(and network staff) change them. Which organisations are public is decided by their
memberships of clusters, so the clusters app completes these views
(clusters/api/organisations.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request
from stdnum.eu import vat
from stdnum.exceptions import ValidationError as StdnumValidationError

from tinklas.accounts.permissions import is_network_staff
from tinklas.common.api.base import (
    PROFILE_URL_HELP,
    SLUG_HELP,
    URL_HELP,
    ApiModelSerializer,
    ChoiceOrNullField,
    ModelCleanSerializer,
    refuse_fields,
)
from tinklas.common.api.views import EditableDetailView, ListView
from tinklas.common.form_layout import language_field_names
from tinklas.organisations.filters import OrganisationFilter
from tinklas.organisations.models import EDITABLE_FIELDS, IDENTITY, NACE_REVISION, Organisation
from tinklas.organisations.sizes import SizeClass
from tinklas.taxonomy.api import RegionReference
from tinklas.taxonomy.models import NaceActivity, Region

EDIT = "organisations.edit_organisation"
MOST_OTHER_ACTIVITIES = 50


class ActivityReference(ApiModelSerializer):
    class Meta:
        model = NaceActivity
        fields = ["code", "revision", "label"]


# An organisation's address in the API is served by the clusters app (which organisations are
# public follows from their memberships): named here, not imported.
ORGANISATION_VIEW = "clusters-api:organisation"


class OrganisationReference(ApiModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name=ORGANISATION_VIEW, lookup_field="slug", help_text=URL_HELP
    )

    class Meta:
        model = Organisation
        fields = ["url", "slug", "name"]


class OrganisationSerializer(ApiModelSerializer):
    """What the organisation's public page shows. The address and the figures behind the
    size class (headcount, turnover, balance sheet) are written but not published."""

    url = serializers.HyperlinkedIdentityField(
        view_name=ORGANISATION_VIEW, lookup_field="slug", help_text=URL_HELP
    )
    profile_url = serializers.SerializerMethodField(help_text=PROFILE_URL_HELP)
    municipality = RegionReference(
        read_only=True, allow_null=True, help_text=_("The municipality where it is registered.")
    )
    county = RegionReference(
        source="municipality.parent",
        read_only=True,
        allow_null=True,
        help_text=_("The county where it is registered."),
    )
    main_activity = ActivityReference(
        read_only=True, allow_null=True, help_text=_("Its main activity (NACE).")
    )
    other_activities = ActivityReference(
        many=True, read_only=True, help_text=_("Its other activities (NACE).")
    )
    size_class = ChoiceOrNullField(
        choices=SizeClass.choices,
        allow_null=True,
        read_only=True,
        help_text=_("For companies with a known headcount; null otherwise."),
    )
    is_member = serializers.BooleanField(
        read_only=True, help_text=_("A current member of a published cluster.")
    )

    class Meta:
        model = Organisation
        fields = [
            "url",
            "profile_url",
            "slug",
            "name",
            "kind",
            "legal_form",
            "country",
            "company_code",
            "vat_code",
            "size_class",
            "description",
            *language_field_names("description"),
            "municipality",
            "county",
            "website",
            "founded_year",
            "main_activity",
            "other_activities",
            "is_member",
            "updated_at",
        ]
        extra_kwargs = {"slug": {"help_text": SLUG_HELP}}

    @extend_schema_field(serializers.URLField())
    def get_profile_url(self, organisation: Organisation) -> str:
        path = reverse("clusters:organisation", kwargs={"slug": organisation.slug})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


def resolve_activities(codes: list[str], kept: list[NaceActivity]) -> list[NaceActivity]:
    """NACE codes of the current revision, or codes the organisation already has in an
    older one (as the edit page allows)."""
    wanted = list(dict.fromkeys(code.strip().upper() for code in codes if code.strip()))
    known = {activity.code: activity for activity in kept}
    found = NaceActivity.objects.filter(revision=NACE_REVISION, code__in=wanted)
    activities = {**{activity.code: activity for activity in found}, **known}
    unknown = [code for code in wanted if code not in activities]
    if unknown:
        raise serializers.ValidationError(
            _("No such NACE Rev. 2.1 code: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    return [activities[code] for code in wanted]


class OrganisationWriteSerializer(ModelCleanSerializer):
    municipality: serializers.SlugRelatedField[Region] = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Region.objects.filter(kind=Region.Kind.MUNICIPALITY),
        allow_null=True,
        required=False,
        help_text=_("The municipality's ISO 3166-2 code, such as LT-13."),
    )
    main_activity = serializers.CharField(
        allow_blank=True,
        allow_null=True,
        required=False,
        max_length=10,
        help_text=_("A NACE Rev. 2.1 code, such as 62.10."),
    )
    other_activities = serializers.ListField(
        child=serializers.CharField(max_length=10),
        required=False,
        max_length=MOST_OTHER_ACTIVITIES,
        help_text=_("NACE Rev. 2.1 codes, such as 62.20."),
    )

    class Meta:
        model = Organisation
        fields = EDITABLE_FIELDS
        validators: list[Any] = []  # the model's full_clean decides (ModelCleanSerializer)

    required_translations = ()

    def validate_vat_code(self, code: str) -> str:
        # Some malformed codes make the VAT library fail before the model's clean() can
        # explain them (organisations/identifiers.py): explained here first.
        if code:
            try:
                vat.compact(code)
            except StdnumValidationError:
                raise serializers.ValidationError(
                    _("This is not a valid EU VAT code (country prefix, then the number).")
                ) from None
        return code

    def kept_activities(self) -> list[NaceActivity]:
        organisation: Organisation | None = self.instance
        if organisation is None:
            return []
        kept = list(organisation.other_activities.all())
        return [*kept, organisation.main_activity] if organisation.main_activity else kept

    def validate_main_activity(self, code: str | None) -> NaceActivity | None:
        if not code:
            return None
        return resolve_activities([code], self.kept_activities())[0]

    def validate_other_activities(self, codes: list[str]) -> list[NaceActivity]:
        return resolve_activities(codes, self.kept_activities())


def organisation_records() -> QuerySet[Organisation]:
    """Every organisation, loaded as the representation needs."""
    return Organisation.objects.select_related(
        "municipality__parent", "main_activity"
    ).prefetch_related("other_activities")


class OrganisationListBase(ListView):
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter


class OrganisationDetailBase(EditableDetailView):
    serializer_class = OrganisationSerializer
    write_serializer_class = OrganisationWriteSerializer
    lookup_field = "slug"

    def all_records(self) -> QuerySet[Organisation]:
        return organisation_records()

    def may_change(self, request: Request, organisation: Organisation) -> bool:
        return request.user.has_perm(EDIT, organisation)

    def check_fields(self, request: Request, organisation: Organisation) -> None:
        if not is_network_staff(request.user):
            refuse_fields(
                request,
                IDENTITY,
                _("Only network staff may change an organisation's name, kind, country and code"),
            )
