"""The base classes of the REST API's endpoints: every answer in the language asked for,
details with validators (ETag, Last-Modified) and answering 304, and changes that are
checked, validated and audited as on the pages. Kept apart from tinklas/common/api/base.py, which
the REST framework's settings import before its views exist."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from tinklas.common.api.base import (
    LANGUAGE_PARAMETER,
    audited_write,
    check_preconditions,
    conditional_response,
    language_codes,
    modified_at,
    representation_etag,
    require_permission,
    validator_headers,
)


class ApiMixin:
    """Every endpoint answers in the language asked for by `?lang=` or Accept-Language."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        language = request.query_params.get(LANGUAGE_PARAMETER)
        if language is not None:
            if language not in language_codes():
                raise exceptions.ValidationError(
                    {
                        LANGUAGE_PARAMETER: [
                            _("Choose one of: %(codes)s.") % {"codes": ", ".join(language_codes())}
                        ]
                    }
                )
            translation.activate(language)
            request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        super().initial(request, *args, **kwargs)  # type: ignore[misc]

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ["Accept-Language"])
        return response


class ListView(ApiMixin, generics.ListAPIView):  # type: ignore[type-arg]
    pass


class DetailView(ApiMixin, generics.RetrieveAPIView):  # type: ignore[type-arg]
    """One record, with its validators; 304 when the client's copy is current."""

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        data = self.get_serializer(instance).data
        return conditional_response(request, data, modified_at(instance))


class EditableDetailView(DetailView):
    """One record that people with the right role may change with PATCH: checked with the
    same rules as the pages, validated by the model, saved in one audited transaction."""

    write_serializer_class: type[serializers.BaseSerializer]  # type: ignore[type-arg]
    # Only the fields sent change; a view whose data is one change sets False.
    partial = True

    def all_records(self) -> models.QuerySet[Any]:
        """Every record, published or not, loaded as the representation needs."""
        raise NotImplementedError

    def is_public(self, instance: Any) -> bool:
        raise NotImplementedError

    def may_change(self, request: Request, instance: Any) -> bool:
        raise NotImplementedError

    def check_fields(self, request: Request, instance: Any) -> None:
        """Refuses fields the person's role does not let them change."""

    def save(self, serializer: serializers.BaseSerializer) -> None:  # type: ignore[type-arg]
        serializer.save()

    def patch(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        field = self.lookup_field
        lookup = {field: kwargs[self.lookup_url_kwarg or field]}
        records = self.all_records()
        with audited_write(request):
            # The row alone is locked: PostgreSQL cannot lock the optional side of a join.
            row = records.model.objects.select_for_update().filter(**lookup).first()
            if row is None:
                raise exceptions.NotFound
            instance = records.get(pk=row.pk)
            # The API changes only what it shows: a record it answers 404 for (an archived
            # cluster, say) is 404 for writing too, whoever asks; staff change such records
            # in the administration.
            if not self.is_public(instance):
                raise exceptions.NotFound
            require_permission(request, self.may_change(request, instance), public=True)
            self.check_fields(request, instance)
            check_preconditions(request, self.get_serializer(instance).data, modified_at(instance))
            serializer = self.write_serializer_class(
                instance,
                data=request.data,
                partial=self.partial,
                context=self.get_serializer_context(),
            )
            serializer.is_valid(raise_exception=True)
            self.save(serializer)
        saved = records.get(pk=row.pk)
        data = self.get_serializer(saved).data
        return Response(
            data, headers=validator_headers(representation_etag(data), modified_at(saved))
        )


def created(view: Any, request: Request, instance: Any, queryset: QuerySet[Any]) -> Response:
    """The answer to a POST that created `instance`: its representation as `queryset` reads
    it, with its address and validators."""
    data = view.get_serializer(queryset.get(pk=instance.pk)).data
    headers = validator_headers(representation_etag(data), None)
    # A plain str: the link is the REST framework's Hyperlink, a subclass, which WSGI
    # servers that check header types strictly (wsgiref, under runserver) refuse with a 500
    # after the record was written.
    headers["Location"] = str(data["url"])
    return Response(data, status=status.HTTP_201_CREATED, headers=headers)
