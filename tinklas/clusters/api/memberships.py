"""Memberships in the REST API. Memberships of published clusters are public, with their
history; a cluster's managers add members and end memberships (never delete them, so that
figures for past dates stay reproducible)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
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

from tinklas.clusters.api.clusters import ClusterReference, cluster_named_in
from tinklas.clusters.models import OPEN_MEMBERSHIP, Cluster, Membership, MembershipQuerySet
from tinklas.clusters.permissions import MANAGE_MEMBERS as MANAGE
from tinklas.common.api.base import (
    URL_HELP,
    ApiModelSerializer,
    ModelCleanSerializer,
    api_errors,
    audited_write,
)
from tinklas.common.api.views import EditableDetailView, ListView, created
from tinklas.organisations.api import OrganisationReference
from tinklas.organisations.models import Organisation

MEMBERSHIPS = "Memberships"


class MembershipSerializer(ApiModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="clusters-api:membership", help_text=URL_HELP
    )
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
            "joined_precision",
            "left_on",
            "is_current",
        ]

    @extend_schema_field(serializers.BooleanField())
    def get_is_current(self, membership: Membership) -> bool:
        return membership.is_current_on(timezone.localdate())


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
        fields = ["cluster", "organisation", "role", "joined_on", "joined_precision"]
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


def memberships() -> MembershipQuerySet:
    return Membership.objects.select_related("cluster", "organisation").order_by(
        "cluster__name", "organisation__name", "joined_on", "pk"
    )


def public_memberships() -> MembershipQuerySet:
    return memberships().of_published_clusters()


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
        return membership.cluster.is_published

    def may_change(self, request: Request, membership: Membership) -> bool:
        return request.user.has_perm(MANAGE, membership.cluster)

    def save(self, serializer: serializers.BaseSerializer) -> None:  # type: ignore[type-arg]
        membership: Membership = serializer.instance  # type: ignore[assignment]
        try:
            membership.end(serializer.validated_data["left_on"])  # type: ignore[index]
        except DjangoValidationError as error:
            raise exceptions.ValidationError(api_errors(error)) from None
