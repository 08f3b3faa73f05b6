"""`GET /api/v1/legal-entities/<code>/`: an entity of the register of legal entities by its
company code, open for reading like the register's open data itself."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tinklas.common.api.base import ApiModelSerializer
from tinklas.organisations.models import LegalEntity
from tinklas.organisations.register.files import CODE


class LegalEntitySerializer(ApiModelSerializer):
    class Meta:
        model = LegalEntity
        fields = [
            "code",
            "name",
            "legal_form",
            "registered_on",
            "status",
            "status_name",
            "status_since",
            "deregistered_on",
        ]


class RegisterErrorSerializer(serializers.Serializer[None]):
    detail = serializers.CharField()


@extend_schema(
    summary="A legal entity of the register by its company code",
    description=(
        "From the Register of Legal Entities (Lithuania's Centre of Registers, open data "
        "under CC BY 4.0) as last loaded. `status` is the register's status name "
        "(`status_name`, in Lithuanian) classified as active, reorganisation, liquidation, "
        "bankruptcy, deregistered or other."
    ),
    tags=["Register of legal entities"],
    responses={
        200: LegalEntitySerializer,
        400: OpenApiResponse(RegisterErrorSerializer, description="The code is not digits."),
        404: OpenApiResponse(RegisterErrorSerializer, description="No such code loaded."),
    },
    examples=[
        OpenApiExample(
            "An entity being liquidated",
            response_only=True,
            status_codes=["200"],
            value={
                "code": "110003978",
                "name": 'UAB "Šilas"',
                "legal_form": "Uždaroji akcinė bendrovė",
                "registered_on": "1996-04-03",
                "status": "liquidation",
                "status_name": "Likviduojamas",
                "status_since": "2025-01-02",
                "deregistered_on": None,
            },
        )
    ],
)
@api_view(["GET"])  # open for reading, as every endpoint (REST_FRAMEWORK settings)
def legal_entity_detail(request: Request, code: str) -> Response:
    if not CODE.fullmatch(code):
        return Response({"detail": _("A company code holds digits only, up to 20.")}, status=400)
    entity = LegalEntity.objects.filter(code=code).first()
    if entity is None:
        return Response({"detail": _("No legal entity with this code is in the register.")}, 404)
    return Response(LegalEntitySerializer(entity).data)
