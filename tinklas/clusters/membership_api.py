"""Memberships and labels in the REST API. Memberships of published clusters are public,
with their history; a cluster's managers add members and end memberships (never delete
them, so that figures for past dates stay reproducible). Labels are written by staff."""

from __future__ import annotations

from typing import Any

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiExample,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from tinklas.clusters.api import ClusterReference
from tinklas.clusters.models import OPEN_MEMBERSHIP, Cluster, Label, LabelStatus, Membership
from tinklas.clusters.permissions import MANAGE_MEMBERS as MANAGE
from tinklas.common.api import (
    URL_HELP,
    ApiModelSerializer,
    ModelCleanSerializer,
    api_errors,
    audited_write,
    representation_etag,
    validator_headers,
)
from tinklas.common.api_views import EditableDetailView, ListView
from tinklas.organisations.api import OrganisationReference
from tinklas.organisations.models import Organisation

MEMBERSHIPS = "Memberships"
LABELS = "Labels"

MANAGE_LABELS = "clusters.manage_labels"


class MembershipSerializer(ApiModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api-membership", help_text=URL_HELP)
    cluster = ClusterReference(read_only=True)
    organisation = OrganisationReference(read_only=True)
    is_current = serializers.SerializerMethodField(help_text=_("In force today."))

    class Meta:
        model = Membership
        fields = [
            "url",
            "id",
            "cluster",
            "organisation",
            "role",
            "joined_on",
            "left_on",
            "is_current",
        ]

    @extend_schema_field(serializers.BooleanField())
    def get_is_current(self, membership: Membership) -> bool:
        today = timezone.localdate()
        return membership.joined_on <= today and (
            membership.left_on is None or membership.left_on > today
        )


class MembershipCreateSerializer(ModelCleanSerializer):
    cluster: serializers.SlugRelatedField[Cluster] = serializers.SlugRelatedField(
        slug_field="slug", queryset=Cluster.objects.all(), help_text=_("The cluster's slug.")
    )
    organisation: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        help_text=_("The slug of a registered organisation."),
    )

    class Meta:
        model = Membership
        fields = ["cluster", "organisation", "role", "joined_on"]
        validators: list[Any] = []  # the model's full_clean decides (ModelCleanSerializer)


class MembershipEndSerializer(serializers.Serializer):  # type: ignore[type-arg]
    left_on = serializers.DateField(help_text=_("The first day it is no longer a member."))


class MembershipFilter(django_filters.FilterSet):
    cluster = django_filters.CharFilter(field_name="cluster__slug", label=_("Cluster (slug)"))
    organisation = django_filters.CharFilter(
        field_name="organisation__slug", label=_("Organisation (slug)")
    )
    role = django_filters.MultipleChoiceFilter(choices=Membership.Role.choices, label=_("Role"))
    is_current = django_filters.BooleanFilter(method="filter_current", label=_("In force today"))

    class Meta:
        model = Membership
        fields = ["cluster", "organisation", "role", "is_current"]

    def filter_current(
        self, queryset: QuerySet[Membership], name: str, value: bool | None
    ) -> QuerySet[Membership]:
        if value is None:
            return queryset
        current = Membership.objects.current_on(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=current) if value else queryset.exclude(pk__in=current)


def memberships() -> QuerySet[Membership]:
    return Membership.objects.select_related("cluster", "organisation").order_by(
        "cluster__name", "organisation__name", "joined_on", "pk"
    )


def public_memberships() -> QuerySet[Membership]:
    return memberships().filter(cluster__status=Cluster.Status.PUBLISHED)


def cluster_named_in(request: Request) -> Cluster:
    """The cluster a new record is for, found before anything else is checked so that the
    permission is checked on it. The API writes only what it shows: an unpublished cluster
    is reported as unknown to everyone, staff included (they use the administration)."""
    slug = request.data.get("cluster") if isinstance(request.data, dict) else None
    if not slug or not isinstance(slug, str):
        raise exceptions.ValidationError({"cluster": [_("This field is required.")]})
    cluster = Cluster.objects.filter(slug=slug, status=Cluster.Status.PUBLISHED).first()
    if cluster is None:
        raise exceptions.ValidationError({"cluster": [_("No cluster has this slug.")]})
    return cluster


def created(view: Any, request: Request, instance: Any, queryset: QuerySet[Any]) -> Response:
    data = view.get_serializer(queryset.get(pk=instance.pk)).data
    headers = validator_headers(representation_etag(data), None)
    headers["Location"] = data["url"]
    return Response(data, status=status.HTTP_201_CREATED, headers=headers)


@extend_schema_view(
    get=extend_schema(
        tags=[MEMBERSHIPS],
        summary=_("List memberships of published clusters"),
        description=_("Current and past memberships, ordered by cluster and organisation."),
    ),
    post=extend_schema(
        tags=[MEMBERSHIPS],
        summary=_("Add a member to a cluster"),
        description=_("For the cluster's managers and network staff."),
        request=MembershipCreateSerializer,
        responses={201: MembershipSerializer},
        examples=[
            OpenApiExample(
                "member",
                value={
                    "cluster": "cluster-slug",
                    "organisation": "organisation-slug",
                    "joined_on": "2026-01-15",
                    "role": "member",
                },
                request_only=True,
            )
        ],
    ),
)
class MembershipList(ListView):
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter

    def get_queryset(self) -> QuerySet[Membership]:
        return public_memberships()

    def post(self, request: Request) -> Response:
        with audited_write(request):
            cluster = cluster_named_in(request)
            if not request.user.has_perm(MANAGE, cluster):
                raise exceptions.PermissionDenied
            serializer = MembershipCreateSerializer(
                data=request.data, context=self.get_serializer_context()
            )
            serializer.is_valid(raise_exception=True)
            try:
                with transaction.atomic():
                    membership = serializer.save()
            except IntegrityError:
                # Added by another request since validation.
                raise exceptions.ValidationError({"organisation": [OPEN_MEMBERSHIP]}) from None
        return created(self, request, membership, memberships())


@extend_schema_view(
    get=extend_schema(tags=[MEMBERSHIPS], summary=_("Read a membership")),
    patch=extend_schema(
        tags=[MEMBERSHIPS],
        summary=_("End a membership"),
        description=_(
            "Sets the first day the organisation is no longer a member. For the cluster's "
            "managers and network staff; memberships are never deleted."
        ),
        request=MembershipEndSerializer,
        responses=MembershipSerializer,
        examples=[OpenApiExample("end", value={"left_on": "2026-12-31"}, request_only=True)],
    ),
)
class MembershipDetail(EditableDetailView):
    serializer_class = MembershipSerializer
    write_serializer_class = MembershipEndSerializer
    partial = False  # the end date is the change

    def get_queryset(self) -> QuerySet[Membership]:
        return public_memberships()

    def all_records(self) -> QuerySet[Membership]:
        return memberships()

    def is_public(self, membership: Membership) -> bool:
        return membership.cluster.status == Cluster.Status.PUBLISHED

    def may_change(self, request: Request, membership: Membership) -> bool:
        return request.user.has_perm(MANAGE, membership.cluster)

    def save(self, serializer: serializers.BaseSerializer) -> None:  # type: ignore[type-arg]
        membership: Membership = serializer.instance  # type: ignore[assignment]
        try:
            membership.end(serializer.validated_data["left_on"])  # type: ignore[index]
        except DjangoValidationError as error:
            raise exceptions.ValidationError(api_errors(error)) from None


# Labels.


class LabelSerializer(ApiModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api-label", help_text=URL_HELP)
    cluster = ClusterReference(read_only=True)
    name = serializers.CharField(source="display_name", read_only=True)
    status = serializers.SerializerMethodField(help_text=_("The label's status today."))

    class Meta:
        model = Label
        fields = [
            "url",
            "id",
            "cluster",
            "kind",
            "name",
            "issuer",
            "awarded_on",
            "valid_until",
            "status",
        ]

    @extend_schema_field(serializers.ChoiceField(choices=LabelStatus.choices))
    def get_status(self, label: Label) -> str:
        return str(label.status_on(timezone.localdate()))


class LabelWriteSerializer(ModelCleanSerializer):
    cluster: serializers.SlugRelatedField[Cluster] = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Cluster.objects.all(),
        help_text=_("The cluster's slug; a label stays with its cluster."),
    )

    class Meta:
        model = Label
        fields = ["cluster", "kind", "name", "issuer", "awarded_on", "valid_until"]
        validators: list[Any] = []  # the model's full_clean decides (ModelCleanSerializer)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance is not None:
            self.fields["cluster"].read_only = True


class LabelFilter(django_filters.FilterSet):
    cluster = django_filters.CharFilter(field_name="cluster__slug", label=_("Cluster (slug)"))
    kind = django_filters.MultipleChoiceFilter(choices=Label.Kind.choices, label=_("Kind"))
    in_force = django_filters.BooleanFilter(method="filter_in_force", label=_("Valid today"))

    class Meta:
        model = Label
        fields = ["cluster", "kind", "in_force"]

    def filter_in_force(
        self, queryset: QuerySet[Label], name: str, value: bool | None
    ) -> QuerySet[Label]:
        if value is None:
            return queryset
        today = timezone.localdate()
        in_force = Q(awarded_on__lte=today, valid_until__gte=today)
        return queryset.filter(in_force) if value else queryset.exclude(in_force)


def labels() -> QuerySet[Label]:
    return Label.objects.select_related("cluster").order_by("cluster__name", "-awarded_on", "pk")


def public_labels() -> QuerySet[Label]:
    return labels().filter(cluster__status=Cluster.Status.PUBLISHED)


@extend_schema_view(
    get=extend_schema(tags=[LABELS], summary=_("List labels of published clusters")),
    post=extend_schema(
        tags=[LABELS],
        summary=_("Record a label"),
        description=_("For network staff."),
        request=LabelWriteSerializer,
        responses={201: LabelSerializer},
        examples=[
            OpenApiExample(
                "bronze",
                value={
                    "cluster": "cluster-slug",
                    "kind": "bronze",
                    "issuer": "ESCA",
                    "awarded_on": "2026-03-01",
                    "valid_until": "2028-02-29",
                },
                request_only=True,
            )
        ],
    ),
)
class LabelList(ListView):
    serializer_class = LabelSerializer
    filterset_class = LabelFilter

    def get_queryset(self) -> QuerySet[Label]:
        return public_labels()

    def post(self, request: Request) -> Response:
        with audited_write(request):
            if not request.user.has_perm(MANAGE_LABELS):
                raise exceptions.PermissionDenied
            serializer = LabelWriteSerializer(
                data=request.data, context=self.get_serializer_context()
            )
            serializer.is_valid(raise_exception=True)
            label = serializer.save()
        return created(self, request, label, labels())


@extend_schema_view(
    get=extend_schema(tags=[LABELS], summary=_("Read a label")),
    patch=extend_schema(
        tags=[LABELS],
        summary=_("Correct a label"),
        description=_("For network staff."),
        request=LabelWriteSerializer,
        responses=LabelSerializer,
        examples=[
            OpenApiExample("extended", value={"valid_until": "2028-06-30"}, request_only=True)
        ],
    ),
)
class LabelDetail(EditableDetailView):
    serializer_class = LabelSerializer
    write_serializer_class = LabelWriteSerializer

    def get_queryset(self) -> QuerySet[Label]:
        return public_labels()

    def all_records(self) -> QuerySet[Label]:
        return labels()

    def is_public(self, label: Label) -> bool:
        return label.cluster.status == Cluster.Status.PUBLISHED

    def may_change(self, request: Request, label: Label) -> bool:
        return request.user.has_perm(MANAGE_LABELS, label.cluster)
