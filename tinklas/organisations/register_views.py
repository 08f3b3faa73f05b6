"""Placeholder: being built."""

from django.http import Http404, HttpRequest, HttpResponse


def register_import(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404

