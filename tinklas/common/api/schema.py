"""The OpenAPI description of what every endpoint shares, added to each operation so that
the schema lists every status code the API can answer: the language parameter, the
conditional-request headers, and the error responses (400, 401, 403, 404, 412, 429).

The schema is written for the clients generated from it (docs/api.md): its texts are
English whatever the caller's language, every field an answer always carries is required,
and filters that name records take any slug or code rather than today's list of them."""

from __future__ import annotations

import copy
from typing import Any

import django_filters
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_filters import ModelMultipleChoiceFilter
from drf_spectacular import generators
from drf_spectacular.drainage import set_override
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent, force_instance
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import generics, permissions
from rest_framework.request import Request

from tinklas.common.api.base import LANGUAGE_PARAMETER, language_codes
from tinklas.common.api.views import ApiMixin

# The language of the schema's texts: the one the sources are written in.
SCHEMA_LANGUAGE = "en"
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


# Shapes every operation shares, given once under components so that a generated client
# has one type for each rather than one per operation.
SHARED_SCHEMAS = {"Error": ERROR, "FieldErrors": FIELD_ERRORS}


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

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        self.keep_off_the_database()
        return super().get_operation(*args, **kwargs)  # type: ignore[no-any-return]

    def keep_off_the_database(self) -> None:
        """The schema is built from the code alone. drf-spectacular asks each view for its
        queryset (to learn the model, and the annotations a filter may name), and a view's
        own get_queryset may read the database (the cluster list brings member counts
        current first). The view here is drf-spectacular's stand-in, never dispatched: it
        answers an empty queryset of its serializer's model instead, so that the schema is
        the same with or without a database."""
        serializer = getattr(self.view, "serializer_class", None)
        model = getattr(getattr(serializer, "Meta", None), "model", None)
        if model is not None and getattr(self.view, "swagger_fake_view", False):
            setattr(self.view, "get_queryset", model._default_manager.none)  # noqa: B010

    def get_description(self) -> str:  # type: ignore[override]
        # Only descriptions written for the schema (extend_schema); the views' docstrings
        # are for the people who maintain them.
        return ""

    def get_auth(self) -> list[Any]:
        auths: list[Any] = super().get_auth()
        if self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})  # reading needs no account
        return auths

    def record_parameters(self) -> list[OpenApiParameter]:
        """Filters that name records (fields, counties, clusters) take their slug or code as
        plain text. Listing today's values would read the database while the schema is
        built, change the schema with the data, and give generated clients an enum that
        refuses tomorrow's cluster; a value that names nothing is answered 400."""
        filterset = getattr(self.view, "filterset_class", None)
        parameters = []
        for name, item in filterset.base_filters.items() if filterset else []:
            if not isinstance(item, django_filters.ModelChoiceFilter | ModelMultipleChoiceFilter):
                continue
            # Read as text by the automatic description too, which would otherwise look the
            # path up in the models and warn; the parameter is replaced here.
            set_override(item, "field", OpenApiTypes.STR)
            many = isinstance(item, ModelMultipleChoiceFilter)
            words = {"label": item.label, "field": item.extra.get("to_field_name") or "id"}
            description = (
                _("%(label)s, given by its %(field)s; repeat the parameter for several.")
                if many
                else _("%(label)s, given by its %(field)s.")
            )
            parameters.append(
                OpenApiParameter(
                    name,
                    str,
                    many=many,
                    description=description % words,
                    explode=True if many else None,
                    style="form" if many else None,
                )
            )
        return parameters

    def resolve_serializer(
        self, serializer: Any, direction: Any, bypass_extensions: bool = False
    ) -> ResolvedComponent:
        # drf-spectacular takes every PATCH for a partial change; a view whose data is one
        # change (ending a membership: `partial = False`) requires its fields.
        if self.method == "PATCH" and getattr(self.view, "partial", True) is False:
            serializer = copy.copy(force_instance(serializer))
            serializer.partial = False
        return super().resolve_serializer(serializer, direction, bypass_extensions)

    def _map_basic_serializer(self, serializer: Any, direction: Any) -> dict[str, Any]:
        schema: dict[str, Any] = super()._map_basic_serializer(serializer, direction)
        if direction == "response" and schema.get("properties"):
            # The REST framework sends every field a serializer declares (null when there
            # is no value), so an answer's fields are all required; drf-spectacular marks
            # only the read-only ones, which leaves a typed client guessing `str | Unset`.
            schema["required"] = sorted(schema["properties"])
        return schema

    def shared(self, name: str) -> dict[str, Any]:
        """A reference to a shared schema, registered with the first operation using it."""
        languages = {"type": "string", "enum": language_codes()}
        schema = {**SHARED_SCHEMAS, "Language": languages}[name]
        component = ResolvedComponent(name, ResolvedComponent.SCHEMA, schema=schema, object=name)
        self.registry.register_on_missing(component)
        return component.ref

    def get_override_parameters(self) -> list[Any]:
        parameters = list(super().get_override_parameters())
        if not isinstance(self.view, ApiMixin):
            return parameters
        parameters += self.record_parameters()
        parameters.append(
            OpenApiParameter(
                LANGUAGE_PARAMETER,
                self.shared("Language"),
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
                _("Not signed in (writing needs a token), or the token is not valid."),
                self.shared("Error"),
            ),
        )
        responses.setdefault(
            "429",
            {
                **error_response(
                    _("Too many requests: wait the seconds given."), self.shared("Error")
                ),
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
        """What the endpoints built on tinklas/common/api/views.py may answer besides."""
        writes = self.method in ("POST", "PATCH", "PUT", "DELETE")
        shared = {
            "400": error_response(
                _("Invalid parameters or data, with messages by field."), self.shared("FieldErrors")
            )
        }
        if writes:
            shared["403"] = error_response(
                _("Your role does not allow this change, or this field."), self.shared("Error")
            )
        if self.is_detail() or self._is_list_view() or writes:
            shared["404"] = error_response(
                _("No such record, or it is not published; or no such page of a list."),
                self.shared("Error"),
            )
        if self.is_conditional():
            shared["304"] = {
                "description": _("Not modified: your copy is current."),
                "headers": responses.get("200", {}).get("headers", {}),
            }
        if self.is_conditional() or self.method == "PATCH":
            shared["412"] = error_response(
                _("A precondition (If-Match, If-Unmodified-Since) failed: read it again."),
                self.shared("Error"),
            )
        return shared


class SchemaGenerator(generators.SchemaGenerator):
    """Writes the schema in English whatever language the request or the command runs in
    (the schema view follows Accept-Language and `?lang=`, the `spectacular` command the
    default language): a generated client's names and help must not depend on who
    fetched the schema. The documentation page (docs.py) translates on its own."""

    def get_schema(self, request: Request | None = None, public: bool = False) -> dict[str, Any]:
        with translation.override(SCHEMA_LANGUAGE):
            schema: dict[str, Any] = super().get_schema(request=request, public=public)
        return schema
