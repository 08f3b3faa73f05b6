"""Clusters in the REST API: the directory's FilterSet, the published records and the
same permissions as the profile page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiExample,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import exceptions, serializers
from rest_framework.request import Request

from tinklas.accounts.permissions import is_network_staff
from tinklas.clusters.filters import ClusterFilter
from tinklas.clusters.models import PROFILE_FIELDS, Cluster, Label, LabelStatus, Membership
from tinklas.clusters.permissions import EDIT_CLUSTER
from tinklas.common.api.base import (
    PROFILE_URL_HELP,
    SLUG_HELP,
    URL_HELP,
    ApiModelSerializer,
    ModelCleanSerializer,
    refuse_fields,
)
from tinklas.common.api.views import EditableDetailView, ListView
from tinklas.common.form_layout import language_field_names
from tinklas.organisations.api import (
    OrganisationReference,
)
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.api import EcosystemReference, RegionReference, SectorReference
from tinklas.taxonomy.models import Ecosystem, Region, Sector

CLUSTERS = "Clusters"


class LabelSummary(ApiModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)
    status = serializers.SerializerMethodField(
        help_text=_("The label's status today: valid, expiring, renewal, expired or upcoming.")
    )

    class Meta:
        model = Label
        fields = ["id", "kind", "name", "issuer", "awarded_on", "valid_until", "status"]

    @extend_schema_field(serializers.ChoiceField(choices=LabelStatus.choices))
    def get_status(self, label: Label) -> str:
        return str(label.status_on(self.context.get("today") or timezone.localdate()))


class ClusterReference(ApiModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="clusters-api:cluster", lookup_field="slug", help_text=URL_HELP
    )

    class Meta:
        model = Cluster
        fields = ["url", "slug", "name"]


class ClusterSerializer(ApiModelSerializer):
    """A cluster's public profile. The contact person, address and phone are the cluster's
    public contacts, shown on its profile page."""

    url = serializers.HyperlinkedIdentityField(
        view_name="clusters-api:cluster", lookup_field="slug", help_text=URL_HELP
    )
    profile_url = serializers.SerializerMethodField(help_text=PROFILE_URL_HELP)
    sectors = SectorReference(
        many=True, read_only=True, help_text=_("The fields it works in (/api/v1/fields/).")
    )
    ecosystems = EcosystemReference(
        many=True,
        read_only=True,
        help_text=_("The EU industrial ecosystems it works in (/api/v1/ecosystems/)."),
    )
    municipality = RegionReference(
        read_only=True, allow_null=True, help_text=_("The municipality of its seat.")
    )
    county = RegionReference(
        source="municipality.parent",
        read_only=True,
        allow_null=True,
        help_text=_("The county of its seat."),
    )
    coordinator = OrganisationReference(
        read_only=True, allow_null=True, help_text=_("The cluster management organisation.")
    )
    technologies = serializers.ListField(
        source="technology_list",
        child=serializers.CharField(),
        read_only=True,
        help_text=_("Technology keywords."),
    )
    labels = LabelSummary(
        many=True,
        read_only=True,
        help_text=_("Its labels, newest first, each with its status today."),
    )
    member_count = serializers.IntegerField(
        read_only=True, help_text=_("The number of current members.")
    )

    class Meta:
        model = Cluster
        fields = [
            "url",
            "profile_url",
            "slug",
            "name",
            *language_field_names("name"),
            "acronym",
            "status",
            "description",
            *language_field_names("description"),
            "founded_on",
            "sectors",
            "ecosystems",
            "technologies",
            "maturity",
            "maturity_assessed_on",
            "municipality",
            "county",
            "coordinator",
            "website",
            "contact_person",
            "contact_email",
            "contact_phone",
            "management_fte",
            "member_count",
            "labels",
            "updated_at",
        ]
        extra_kwargs = {"slug": {"help_text": SLUG_HELP}}

    @extend_schema_field(serializers.URLField())
    def get_profile_url(self, cluster: Cluster) -> str:
        path = reverse("clusters:profile", kwargs={"slug": cluster.slug})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class ClusterWriteSerializer(ModelCleanSerializer):
    """What the profile page lets managers change; the status is for network staff."""

    sectors: serializers.SlugRelatedField[Sector] = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Sector.objects.all(),
        many=True,
        required=False,
        help_text=_("The slugs of its fields (/api/v1/fields/); the whole list."),
    )
    ecosystems: serializers.SlugRelatedField[Ecosystem] = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Ecosystem.objects.all(),
        many=True,
        required=False,
        help_text=_("The slugs of its EU industrial ecosystems (/api/v1/ecosystems/)."),
    )
    municipality: serializers.SlugRelatedField[Region] = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Region.objects.filter(kind=Region.Kind.MUNICIPALITY),
        allow_null=True,
        required=False,
        help_text=_("The municipality's ISO 3166-2 code, such as LT-13."),
    )
    coordinator: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        allow_null=True,
        required=False,
        help_text=_("The slug of the cluster management organisation, a current member."),
    )
    technologies = serializers.ListField(
        child=serializers.CharField(max_length=100),
        required=False,
        max_length=100,
        help_text=_("Technology keywords; the whole list."),
    )

    class Meta:
        model = Cluster
        fields = [*PROFILE_FIELDS, "status"]
        validators: list[Any] = []  # the model's full_clean decides (ModelCleanSerializer)

    required_translations = ("name",)

    def validate_technologies(self, words: list[str]) -> str:
        return ", ".join(word.strip() for word in words if word.strip())

    def validate_municipality(self, municipality: Region | None) -> Region | None:
        if municipality is not None and municipality.country != settings.TINKLAS_COUNTRY:
            raise serializers.ValidationError(_("Choose a municipality of the network's country."))
        return municipality

    def validate_coordinator(self, organisation: Organisation | None) -> Organisation | None:
        cluster: Cluster | None = self.instance
        if organisation is None or cluster is None or organisation.pk == cluster.coordinator_id:
            return organisation
        members = Membership.objects.current_on(timezone.localdate()).filter(cluster=cluster)
        if not members.filter(organisation=organisation).exists():
            raise serializers.ValidationError(_("The coordinator must be a current member."))
        return organisation


def with_related(clusters: QuerySet[Cluster]) -> QuerySet[Cluster]:
    """Everything the representation shows, in a fixed number of queries."""
    return clusters.select_related("municipality__parent", "coordinator").prefetch_related(
        "sectors", "ecosystems", Prefetch("labels", queryset=Label.objects.order_by("-awarded_on"))
    )


@extend_schema_view(
    get=extend_schema(
        tags=[CLUSTERS],
        summary=_("List the published clusters"),
        description=_(
            "The directory's clusters with its filters. `sort` orders them (relevance: name "
            "matches of `q` first, then by name)."
        ),
    )
)
class ClusterList(ListView):
    serializer_class = ClusterSerializer
    filterset_class = ClusterFilter

    def get_queryset(self) -> QuerySet[Cluster]:
        return with_related(Cluster.objects.published())


@extend_schema_view(
    get=extend_schema(tags=[CLUSTERS], summary=_("Read a published cluster")),
    patch=extend_schema(
        tags=[CLUSTERS],
        summary=_("Change a cluster's profile"),
        description=_(
            "For the cluster's managers and network staff; the status only for staff. Send "
            "only the fields to change."
        ),
        request=ClusterWriteSerializer,
        responses=ClusterSerializer,
        examples=[
            OpenApiExample(
                "profile",
                value={
                    "website": "https://cluster.example.org",
                    "technologies": ["robotics", "machine vision"],
                    "contact_email": "info@cluster.example.org",
                },
                request_only=True,
            )
        ],
    ),
)
class ClusterDetail(EditableDetailView):
    serializer_class = ClusterSerializer
    write_serializer_class = ClusterWriteSerializer
    lookup_field = "slug"

    def all_records(self) -> QuerySet[Cluster]:
        return with_related(Cluster.objects.all())

    def get_queryset(self) -> QuerySet[Cluster]:
        return with_related(Cluster.objects.published())

    def is_public(self, cluster: Cluster) -> bool:
        return cluster.is_published

    def may_change(self, request: Request, cluster: Cluster) -> bool:
        return request.user.has_perm(EDIT_CLUSTER, cluster)

    def check_fields(self, request: Request, cluster: Cluster) -> None:
        if not is_network_staff(request.user):
            refuse_fields(request, ["status"], _("Only network staff may change the status"))


def cluster_named_in(request: Request) -> Cluster:
    """The cluster a new record is for, found before anything else is checked so that the
    permission is checked on it. The API writes only what it shows: an unpublished cluster
    is reported as unknown to everyone, staff included (they use the administration)."""
    slug = request.data.get("cluster") if isinstance(request.data, dict) else None
    if not slug or not isinstance(slug, str):
        raise exceptions.ValidationError({"cluster": [_("This field is required.")]})
    cluster = Cluster.objects.published().filter(slug=slug).first()
    if cluster is None:
        raise exceptions.ValidationError({"cluster": [_("No cluster has this slug.")]})
    return cluster
