"""Placeholder: being built."""

from django.http import Http404, HttpRequest, HttpResponse


def create_token(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def revoke_token(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404

