"""Placeholder: being built."""

from django.http import Http404, HttpRequest, HttpResponse


def report(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404

