"""Placeholder: being built."""

from django.http import Http404, HttpRequest, HttpResponse


def profile(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def personal_data(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def delete_account(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
