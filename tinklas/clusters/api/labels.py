"""Cluster Management Excellence labels in the REST API: public for published clusters,
written by network staff."""

from __future__ import annotations

from typing import Any

import django_filters
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

from tinklas.clusters.api.clusters import ClusterReference
from tinklas.clusters.models import Cluster, Label, LabelQuerySet, LabelStatus
from tinklas.clusters.permissions import MANAGE_LABELS
from tinklas.common.api.base import (
    URL_HELP,
    ApiModelSerializer,
    ModelCleanSerializer,
    audited_write,
)
from tinklas.common.api.views import EditableDetailView, ListView, created

LABELS = "Labels"


class LabelSerializer(ApiModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="clusters-api:label", help_text=URL_HELP)
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
            "approximate",
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
        fields = ["cluster", "kind", "name", "issuer", "awarded_on", "valid_until", "approximate"]
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
        in_force = LabelQuerySet.in_force_condition(timezone.localdate())
        return queryset.filter(in_force) if value else queryset.exclude(in_force)


def labels() -> LabelQuerySet:
    return Label.objects.select_related("cluster").order_by("cluster__name", "-awarded_on", "pk")


def public_labels() -> LabelQuerySet:
    return labels().of_published_clusters()


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
        return label.cluster.is_published

    def may_change(self, request: Request, label: Label) -> bool:
        return request.user.has_perm(MANAGE_LABELS, label.cluster)
