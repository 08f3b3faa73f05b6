"""The reference vocabularies in the REST API: fields, EU industrial ecosystems, NACE
activities and regions. Read-only: staff keep them in the administration."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from tinklas.common.api.base import URL_HELP, ApiModelSerializer
from tinklas.common.api.views import DetailView, ListView
from tinklas.common.form_layout import language_field_names
from tinklas.taxonomy.models import Ecosystem, NaceActivity, NaceRevision, Region, Sector

TAG = "Reference data"


class SectorReference(ApiModelSerializer):
    class Meta:
        model = Sector
        fields = ["slug", "name"]


class EcosystemReference(ApiModelSerializer):
    class Meta:
        model = Ecosystem
        fields = ["slug", "name"]


class RegionReference(ApiModelSerializer):
    class Meta:
        model = Region
        fields = ["code", "name"]


class EcosystemSerializer(ApiModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="taxonomy-api:ecosystem", lookup_field="slug", help_text=URL_HELP
    )

    class Meta:
        model = Ecosystem
        fields = ["url", "slug", "name", *language_field_names("name")]


class SectorSerializer(ApiModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="taxonomy-api:field", lookup_field="slug", help_text=URL_HELP
    )
    ecosystems: serializers.SlugRelatedField[Ecosystem] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )

    class Meta:
        model = Sector
        fields = [
            "url",
            "slug",
            "name",
            *language_field_names("name"),
            "description",
            *language_field_names("description"),
            "ecosystems",
        ]


class NaceActivitySerializer(ApiModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="taxonomy-api:nace-activity", help_text=URL_HELP
    )
    # (The field, not Field.parent, which the type stubs take it for.)
    parent: serializers.SlugRelatedField[NaceActivity] = serializers.SlugRelatedField(  # type: ignore[assignment]
        slug_field="code", read_only=True, allow_null=True
    )

    class Meta:
        model = NaceActivity
        fields = [
            "url",
            "id",
            "revision",
            "code",
            "level",
            "section",
            "parent",
            "label",
            *language_field_names("label"),
        ]


class RegionSerializer(ApiModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="taxonomy-api:region", lookup_field="code", help_text=URL_HELP
    )
    parent: serializers.SlugRelatedField[Region] = serializers.SlugRelatedField(  # type: ignore[assignment]
        slug_field="code", read_only=True, allow_null=True
    )

    class Meta:
        model = Region
        fields = [
            "url",
            "code",
            "kind",
            "country",
            "parent",
            "nuts_code",
            "lau_code",
            "name",
            *language_field_names("name"),
        ]


class NaceActivityFilter(django_filters.FilterSet):
    revision = django_filters.ChoiceFilter(choices=NaceRevision.choices, label=_("Revision"))
    level = django_filters.TypedChoiceFilter(
        choices=NaceActivity.Level.choices, coerce=int, label=_("Level")
    )
    section = django_filters.CharFilter(label=_("Section letter"), max_length=1)
    code = django_filters.CharFilter(
        field_name="code",
        lookup_expr="startswith",
        max_length=5,
        label=_("Code or its beginning, such as 62 or 62.1"),
    )

    class Meta:
        model = NaceActivity
        fields = ["revision", "level", "section", "code"]


class RegionFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Region.Kind.choices, label=_("Kind"))
    county = django_filters.CharFilter(
        field_name="parent__code", max_length=10, label=_("The county's code (its municipalities)")
    )

    class Meta:
        model = Region
        fields = ["kind", "county"]


def ecosystems() -> QuerySet[Ecosystem]:
    return Ecosystem.objects.all()


def sectors() -> QuerySet[Sector]:
    return Sector.objects.prefetch_related("ecosystems")


def nace_activities() -> QuerySet[NaceActivity]:
    return NaceActivity.objects.select_related("parent")


def regions() -> QuerySet[Region]:
    return Region.objects.select_related("parent")


@extend_schema_view(get=extend_schema(tags=[TAG], summary=_("List the fields of the network")))
class SectorList(ListView):
    serializer_class = SectorSerializer
    queryset = sectors()


@extend_schema_view(get=extend_schema(tags=[TAG], summary=_("Read a field")))
class SectorDetail(DetailView):
    serializer_class = SectorSerializer
    queryset = sectors()
    lookup_field = "slug"


@extend_schema_view(get=extend_schema(tags=[TAG], summary=_("List the EU industrial ecosystems")))
class EcosystemList(ListView):
    serializer_class = EcosystemSerializer
    queryset = ecosystems()


@extend_schema_view(get=extend_schema(tags=[TAG], summary=_("Read an EU industrial ecosystem")))
class EcosystemDetail(DetailView):
    serializer_class = EcosystemSerializer
    queryset = ecosystems()
    lookup_field = "slug"


@extend_schema_view(get=extend_schema(tags=[TAG], summary=_("List NACE activities")))
class NaceActivityList(ListView):
    serializer_class = NaceActivitySerializer
    queryset = nace_activities()
    filterset_class = NaceActivityFilter


@extend_schema_view(get=extend_schema(tags=[TAG], summary=_("Read a NACE activity")))
class NaceActivityDetail(DetailView):
    serializer_class = NaceActivitySerializer
    queryset = nace_activities()


@extend_schema_view(get=extend_schema(tags=[TAG], summary=_("List regions")))
class RegionList(ListView):
    serializer_class = RegionSerializer
    queryset = regions()
    filterset_class = RegionFilter


@extend_schema_view(get=extend_schema(tags=[TAG], summary=_("Read a region")))
class RegionDetail(DetailView):
    serializer_class = RegionSerializer
    queryset = regions()
    lookup_field = "code"
