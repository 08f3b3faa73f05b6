"""The network's key figures in the REST API: the numbers the home page shows and the
network reports, computed from the registry for any day."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from tinklas.common.api.base import conditional_response
from tinklas.common.api.views import ApiMixin
from tinklas.network.figures import key_figures


class KeyFiguresSerializer(serializers.Serializer):  # type: ignore[type-arg]
    as_of = serializers.DateField(help_text=_("The day the figures are for."))
    clusters = serializers.IntegerField(help_text=_("Member clusters of the network."))
    member_organisations = serializers.IntegerField(
        help_text=_(
            "Distinct organisations that are members of a member cluster, counted from the "
            "member lists in the registry."
        )
    )
    member_smes = serializers.IntegerField(help_text=_("Of them, small and medium enterprises."))
    fields = serializers.IntegerField(  # type: ignore[assignment]  # the figure, not .fields
        help_text=_("Fields the member clusters work in.")
    )
    labels_in_force = serializers.IntegerField(
        help_text=_("Labels of member clusters valid on the day.")
    )
    clusters_with_reported_members = serializers.IntegerField(
        help_text=_(
            "Member clusters whose members are only reported: no member list in the registry, "
            "but a number the cluster reported on the day or before."
        )
    )
    reported_members = serializers.IntegerField(
        help_text=_(
            "The members those clusters reported, in all; not part of member_organisations."
        )
    )


class DayQuery(serializers.Serializer):  # type: ignore[type-arg]
    on = serializers.DateField(required=False)


@extend_schema(
    tags=["Network"],
    summary=_("Read the network's key figures"),
    parameters=[
        OpenApiParameter(
            "on",
            datetime.date,
            description=_("The day, as YYYY-MM-DD; today if left out."),
        )
    ],
    responses=KeyFiguresSerializer,
)
class KeyFigures(ApiMixin, generics.GenericAPIView):  # type: ignore[type-arg]
    serializer_class = KeyFiguresSerializer

    def get(self, request: Request) -> Response:
        query = DayQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        on = query.validated_data.get("on") or timezone.localdate()
        data = self.get_serializer(key_figures(on)).data
        return conditional_response(request, data, None)
