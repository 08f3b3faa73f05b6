"""The OpenAPI description of what every endpoint shares, added to each operation so that
the schema lists every status code the API can answer: the language parameter, the
conditional-request headers, and the error responses (400, 401, 403, 404, 412, 429)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _
from django_filters import ModelMultipleChoiceFilter
from drf_spectacular.drainage import set_override
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import generics, permissions

from tinklas.common.api import LANGUAGE_PARAMETER, language_codes
from tinklas.common.api_views import ApiMixin

# A filter lists the values it accepts when there are at most this many.
MOST_CHOICES = 200
ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": "Messages by field name (non_field_errors for the record as a whole).",
    "additionalProperties": {},
}


def error_response(description: Any, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


class TokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "tinklas.accounts.tokens.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": str(
                _("A personal API token from your account page: `Authorization: Token <key>`.")
            ),
        }


class ApiSchema(AutoSchema):
    def is_detail(self) -> bool:
        return isinstance(self.view, generics.GenericAPIView) and "{" in self.path

    def is_read(self) -> bool:
        return self.method in ("GET", "HEAD")

    def is_conditional(self) -> bool:
        """Details and single objects (the key figures) carry validators."""
        return self.is_read() and (self.is_detail() or not self._is_list_view())

    def get_description(self) -> str:  # type: ignore[override]
        # Only descriptions written for the schema (extend_schema); the views' docstrings
        # are for the people who maintain them.
        return ""

    def get_auth(self) -> list[Any]:
        auths: list[Any] = super().get_auth()
        if self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})  # reading needs no account
        return auths

    def choice_parameters(self) -> list[OpenApiParameter]:
        """Filters choosing records (fields, counties, clusters) list the values they accept,
        read from the database, when there are few enough to list."""
        filterset = getattr(self.view, "filterset_class", None)
        parameters = []
        for name, item in filterset.base_filters.items() if filterset else []:
            if not isinstance(item, django_filters.ModelChoiceFilter | ModelMultipleChoiceFilter):
                continue
            # Read as text by the automatic description, which would otherwise warn that it
            # cannot guess the type; the parameter is replaced here.
            set_override(item, "field", OpenApiTypes.STR)
            queryset = item.extra["queryset"]
            field = item.extra.get("to_field_name") or "pk"
            values = list(
                queryset.order_by(field).values_list(field, flat=True)[: MOST_CHOICES + 1]
            )
            parameters.append(
                OpenApiParameter(
                    name,
                    str,
                    many=isinstance(item, ModelMultipleChoiceFilter),
                    enum=values if len(values) <= MOST_CHOICES else None,
                    description=item.label,
                    explode=True,
                    style="form",
                )
            )
        return parameters

    def get_override_parameters(self) -> list[Any]:
        parameters = list(super().get_override_parameters())
        if not isinstance(self.view, ApiMixin):
            return parameters
        parameters += self.choice_parameters()
        parameters.append(
            OpenApiParameter(
                LANGUAGE_PARAMETER,
                str,
                enum=language_codes(),
                description=_("The language of names and labels; Accept-Language otherwise."),
            )
        )
        if self.is_conditional():
            parameters += [
                OpenApiParameter(
                    "If-None-Match",
                    str,
                    OpenApiParameter.HEADER,
                    description=_("The ETag of your copy: 304 if it is current."),
                ),
                OpenApiParameter(
                    "If-Modified-Since",
                    str,
                    OpenApiParameter.HEADER,
                    description=_(
                        "An HTTP date: 304 if the record has not been saved since "
                        "(ignored when If-None-Match is given)."
                    ),
                ),
            ]
        if self.method == "PATCH":
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    str,
                    OpenApiParameter.HEADER,
                    description=_(
                        "The ETag of the version you read: 412 if someone changed it since."
                    ),
                )
            )
        if self.is_conditional() or self.method in ("PATCH", "POST"):
            codes = ["200", "201", "304"]
            parameters += [
                OpenApiParameter(
                    "ETag",
                    str,
                    OpenApiParameter.HEADER,
                    response=codes,
                    description=_("The version of the representation."),
                ),
                OpenApiParameter(
                    "Last-Modified",
                    str,
                    OpenApiParameter.HEADER,
                    response=codes,
                    description=_("When the record was last saved, for records that keep it."),
                ),
            ]
        return parameters

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        # Every view of the API authenticates (a wrong token is refused even for reading)
        # and is throttled, so every operation may answer 401 and 429.
        responses.setdefault(
            "401",
            error_response(
                _("Not signed in (writing needs a token), or the token is not valid."), ERROR
            ),
        )
        responses.setdefault(
            "429",
            {
                **error_response(_("Too many requests: wait the seconds given."), ERROR),
                "headers": {
                    "Retry-After": {
                        "schema": {"type": "integer"},
                        "description": _("Seconds to wait."),
                    }
                },
            },
        )
        if isinstance(self.view, ApiMixin):
            responses.update(self.shared_responses(responses))
        return dict(sorted(responses.items()))

    def shared_responses(self, responses: dict[str, Any]) -> dict[str, Any]:
        """What the endpoints built on tinklas/common/api_views.py may answer besides."""
        writes = self.method in ("POST", "PATCH", "PUT", "DELETE")
        shared = {
            "400": error_response(
                _("Invalid parameters or data, with messages by field."), FIELD_ERRORS
            )
        }
        if writes:
            shared["403"] = error_response(
                _("Your role does not allow this change, or this field."), ERROR
            )
        if self.is_detail() or self._is_list_view() or writes:
            shared["404"] = error_response(
                _("No such record, or it is not published; or no such page of a list."), ERROR
            )
        if self.is_conditional():
            shared["304"] = {
                "description": _("Not modified: your copy is current."),
                "headers": responses.get("200", {}).get("headers", {}),
            }
        if self.is_conditional() or self.method == "PATCH":
            shared["412"] = error_response(
                _("A precondition (If-Match, If-Unmodified-Since) failed: read it again."), ERROR
            )
        return shared
