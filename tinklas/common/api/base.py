"""What every endpoint of the REST API shares: pagination, the language of the answer,
permissions, throttles, conditional requests (ETag, Last-Modified) and audited, validated
writes. The resources themselves live in each app's api.py; docs/api.md describes them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from auditlog.context import auditlog_value, set_actor
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models, transaction
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, pagination, permissions, serializers, throttling
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from tinklas.common.form_layout import language_field_names
from tinklas.common.pages import ORDERED_IDS_UP_TO, OrderedRows

LANGUAGE_PARAMETER = "lang"
# Meanings of the fields every resource has, for the schema and the documentation page.
URL_HELP = _("This record in the API.")
PROFILE_URL_HELP = _("Its public page on the site.")
SLUG_HELP = _("Its identifier in addresses.")


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class Pagination(pagination.PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    page_size_query_description = _("Results per page: 20 unless given, at most 100.")  # type: ignore[assignment]

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        # `next` and `previous` are always sent (null on the last and first page).
        paginated: dict[str, Any] = super().get_paginated_response_schema(schema)
        paginated["required"] = sorted(paginated["properties"])
        return paginated

    def paginate_queryset(
        self, queryset: Any, request: Request, view: Any = None
    ) -> list[Any] | None:
        """A searched result is paged by its ordered ids, as the directory pages do."""
        if request.query_params.get("q"):
            ids = list(queryset.values_list("pk", flat=True)[: ORDERED_IDS_UP_TO + 1])
            if len(ids) <= ORDERED_IDS_UP_TO:
                queryset = OrderedRows(queryset, ids)
        return super().paginate_queryset(queryset, request, view)


class ReadOrSignedIn(permissions.BasePermission):
    """Anyone may read; writing needs an account (a token, or a session with its CSRF
    token). Which objects a person may change the views check with the same rules as the
    pages (require_permission)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in permissions.SAFE_METHODS or bool(request.user.is_authenticated)


def require_permission(request: Request, allowed: bool, *, public: bool) -> None:
    """403 for an object the person may see but not change; 404 for one they may not see,
    so that the API does not reveal unpublished records."""
    if allowed:
        return
    if not public:
        raise exceptions.NotFound
    raise exceptions.PermissionDenied


def configured_rate(scope: str | None) -> str | None:
    """The scope's rate, or None (not throttled) when it is set to "off"."""
    rate = api_settings.DEFAULT_THROTTLE_RATES.get(scope or "")
    if rate is None or str(rate).strip().lower() == "off":
        return None
    return str(rate)


class AnonymousThrottle(throttling.AnonRateThrottle):
    # The rate is read on every request rather than once at import, so that a changed
    # setting (a test, an environment variable read at start-up) is the one applied.
    def get_rate(self) -> str | None:
        return configured_rate(self.scope)


class UserThrottle(throttling.UserRateThrottle):
    def get_rate(self) -> str | None:
        return configured_rate(self.scope)

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        # Anonymous requests are counted once, by AnonymousThrottle: every count is a few
        # queries of the database cache.
        if not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)


# Conditional requests.


def representation_etag(data: Any) -> str:
    """A strong validator: the digest of the exact JSON sent (so it differs by language)."""
    return f'"{hashlib.sha256(JSONRenderer().render(data)).hexdigest()[:40]}"'


def modified_at(instance: models.Model) -> int | None:
    """Seconds since the epoch of the record's last save, for models that keep it."""
    updated_at = getattr(instance, "updated_at", None)
    return int(updated_at.timestamp()) if updated_at is not None else None


def validator_headers(etag: str, last_modified: int | None) -> dict[str, str]:
    headers = {"ETag": etag}
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified)
    return headers


def conditional_response(request: Request, data: Any, last_modified: int | None) -> Response:
    """The representation with its validators, or 304 Not Modified when the client's copy
    (If-None-Match, or If-Modified-Since without it) is current."""
    etag = representation_etag(data)
    headers = validator_headers(etag, last_modified)
    answer = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if answer is not None and answer.status_code == 304:
        return Response(status=304, headers=headers)
    if answer is not None:
        raise PreconditionFailed
    return Response(data, headers=headers)


class PreconditionFailed(exceptions.APIException):
    status_code = 412
    default_detail = _(
        "The record has changed since you read it (If-Match): read it again before changing it."
    )
    default_code = "precondition_failed"


def check_preconditions(request: Request, data: Any, last_modified: int | None) -> None:
    """Before a change: refuses it if the client's If-Match (or If-Unmodified-Since) names
    another version than the current one, so that nobody overwrites a save unseen."""
    if not ({"HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE"} & set(request.META)):
        return
    etag = representation_etag(data)
    if get_conditional_response(request, etag=etag, last_modified=last_modified) is not None:
        raise PreconditionFailed


# Writes.


@contextmanager
def audited_write(request: Request) -> Iterator[None]:
    """One transaction, with the audit log's actor set to the person the API authenticated.
    The audit middleware runs before the API reads the token, so it knows only session users;
    the middleware's own context is restored afterwards so that it can close cleanly."""
    outer = auditlog_value.get(None)
    try:
        with (
            set_actor(
                request.user,
                remote_addr=(outer or {}).get("remote_addr"),
                remote_port=(outer or {}).get("remote_port"),
            ),
            transaction.atomic(),
        ):
            yield
    finally:
        if outer is not None:
            auditlog_value.set(outer)


def api_errors(error: DjangoValidationError) -> dict[str, Any]:
    """A model's validation errors as the API's field errors."""
    if not hasattr(error, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
    errors = {}
    for field, problems in error.message_dict.items():
        key = api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field
        errors[key] = problems
    return errors


class ChoiceOrNullField(serializers.ChoiceField):
    """A choice that may be left empty is null in the API, as clients generated from the
    schema expect of a missing value, rather than "" (which no member of the enum names).
    The model keeps Django's "" for empty text, so null is read and written as "";
    "" is still accepted on input, as it was before."""

    def __init__(self, **kwargs: Any) -> None:
        # A nullable model field keeps null; a blank one stores "".
        self.empty_value: str | None = None if kwargs.get("allow_null") else ""
        if kwargs.pop("allow_blank", False):
            kwargs["allow_null"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> Any:
        if value in ("", None):
            return None
        return super().to_representation(value)

    def validate_empty_values(self, data: Any) -> tuple[bool, Any]:
        if data == "" and self.allow_null:
            data = None
        is_empty, value = super().validate_empty_values(data)
        if is_empty and value is None:
            value = self.empty_value
        return is_empty, value


class ApiModelSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    """The base of every model serializer of the API, so that model fields are represented
    alike everywhere (an empty choice is null)."""

    serializer_choice_field = ChoiceOrNullField


class ModelCleanSerializer(ApiModelSerializer):
    """Validates with the model's own rules (full_clean: clean(), field validators and
    constraints) on the record as it would be saved, so that the API refuses exactly what
    the pages refuse, naming the fields. Values the model normalises (codes) are kept."""

    # Translated fields whose default-language value must not be emptied.
    required_translations: ClassVar[tuple[str, ...]] = ()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        model: type[models.Model] = self.Meta.model
        many_to_many = {field.name for field in model._meta.many_to_many}
        plain = {name: value for name, value in attrs.items() if name not in many_to_many}
        self.check_required_translations(attrs)
        candidate = self.instance if self.instance is not None else model()
        for name, value in plain.items():
            setattr(candidate, name, value)
        written = {field.source for field in self.fields.values() if not field.read_only}
        concrete = {field.name for field in model._meta.concrete_fields}
        # Fields this serializer does not write are left out, as a form leaves out the
        # fields it does not show.
        exclude = sorted(concrete - written - set(plain))
        try:
            candidate.full_clean(exclude=exclude)
        except DjangoValidationError as error:
            raise serializers.ValidationError(api_errors(error)) from None
        return {**attrs, **{name: getattr(candidate, name) for name in plain}}

    def check_required_translations(self, attrs: dict[str, Any]) -> None:
        errors = {}
        for name in self.required_translations:
            field = language_field_names(name)[0]
            if field in attrs and not (attrs[field] or "").strip():
                errors[field] = [_("This field may not be blank.")]
        if errors:
            raise serializers.ValidationError(errors)


def refuse_fields(request: Request, fields: list[str], message: object) -> None:
    """403 naming the fields a person sent but may not change (rather than ignoring them)."""
    sent = sorted(set(fields) & set(request.data if isinstance(request.data, dict) else {}))
    if sent:
        raise exceptions.PermissionDenied(f"{message} ({', '.join(sent)})")
