"""Clusters in the REST API: the directory's FilterSet, the published records and the
same permissions as the profile page."""

from __future__ import annotations

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
from rest_framework.response import Response

from tinklas.accounts.permissions import is_network_staff
from tinklas.clusters.api.cluster_writes import (
    ClusterCreateSerializer,
    ClusterWriteSerializer,
    refuse_staff_fields,
)
from tinklas.clusters.filters import ClusterFilter
from tinklas.clusters.models import Cluster, Label, LabelStatus
from tinklas.clusters.permissions import CREATE_CLUSTER, EDIT_CLUSTER
from tinklas.common.api.base import (
    PROFILE_URL_HELP,
    SLUG_HELP,
    URL_HELP,
    ApiModelSerializer,
    audited_write,
)
from tinklas.common.api.views import EditableDetailView, ListView, created
from tinklas.common.form_layout import language_field_names
from tinklas.organisations.api import OrganisationReference
from tinklas.taxonomy.api import EcosystemReference, RegionReference, SectorReference

CLUSTERS = "Clusters"


class LabelSummary(ApiModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)
    status = serializers.SerializerMethodField(
        help_text=_("The label's status today: valid, expiring, renewal, expired or upcoming.")
    )

    class Meta:
        model = Label
        fields = [
            "id",
            "kind",
            "name",
            "issuer",
            "awarded_on",
            "valid_until",
            "approximate",
            "status",
        ]

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
        read_only=True, help_text=_("The number of current members in its member list.")
    )
    source_urls = serializers.ListField(
        source="source_url_list",
        child=serializers.URLField(),
        read_only=True,
        help_text=_("Web addresses the facts come from."),
    )
    staff_note = serializers.SerializerMethodField(
        help_text=_("The network staff's note, for staff only: null for everyone else.")
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
            "founded_precision",
            "sectors",
            "ecosystems",
            "technologies",
            "maturity",
            "maturity_assessed_on",
            "municipality",
            "county",
            "coordinator",
            "coordinator_name",
            "website",
            "contact_person",
            "contact_email",
            "contact_phone",
            "management_fte",
            "member_count",
            "reported_member_count",
            "reported_members_on",
            "labels",
            "source_urls",
            "staff_note",
            "updated_at",
        ]
        extra_kwargs = {
            "slug": {"help_text": SLUG_HELP},
            "founded_on": {
                "help_text": _(
                    "The first day of the period founded_precision gives: 1 January for a "
                    "founding year."
                )
            },
            "reported_member_count": {
                "help_text": _(
                    "The number of members the cluster reported, shown while member_count is 0 "
                    "(no member list in the registry yet)."
                )
            },
        }

    @extend_schema_field(serializers.URLField())
    def get_profile_url(self, cluster: Cluster) -> str:
        path = reverse("clusters:profile", kwargs={"slug": cluster.slug})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_staff_note(self, cluster: Cluster) -> str | None:
        request = self.context.get("request")
        return cluster.staff_note if request and is_network_staff(request.user) else None


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
    ),
    post=extend_schema(
        tags=[CLUSTERS],
        summary=_("Register a cluster"),
        description=_(
            "For network staff. The cluster is created published (the API shows only "
            "published clusters; drafts are made in the administration). The name is needed "
            "in at least one language."
        ),
        request=ClusterCreateSerializer,
        responses={201: ClusterSerializer},
        examples=[
            OpenApiExample(
                "from a source",
                value={
                    "name_en": "Baltic Robotics Cluster",
                    "acronym": "BRC",
                    "founded_on": "2011-01-01",
                    "founded_precision": "year",
                    "coordinator_name": "VšĮ Robotikos centras",
                    "reported_member_count": 24,
                    "reported_members_on": "2025-06-30",
                    "source_urls": ["https://example.org/clusters-2025.pdf"],
                },
                request_only=True,
            )
        ],
    ),
)
class ClusterList(ListView):
    serializer_class = ClusterSerializer
    filterset_class = ClusterFilter

    def get_queryset(self) -> QuerySet[Cluster]:
        return with_related(Cluster.objects.published())

    def post(self, request: Request) -> Response:
        with audited_write(request):
            if not request.user.has_perm(CREATE_CLUSTER):
                raise exceptions.PermissionDenied
            serializer = ClusterCreateSerializer(
                data=request.data, context=self.get_serializer_context()
            )
            serializer.is_valid(raise_exception=True)
            cluster = serializer.save()
        return created(self, request, cluster, with_related(Cluster.objects.all()))


@extend_schema_view(
    get=extend_schema(tags=[CLUSTERS], summary=_("Read a published cluster")),
    patch=extend_schema(
        tags=[CLUSTERS],
        summary=_("Change a cluster's profile"),
        description=_(
            "For the cluster's managers and network staff; the status, the reported member "
            "count and its day, coordinator_name, source_urls and staff_note only for staff. "
            "Send only the fields to change."
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
        refuse_staff_fields(request)


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
