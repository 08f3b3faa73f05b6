"""Placeholder: being built."""

from django.http import Http404, HttpRequest, HttpResponse


def edit_profile(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
