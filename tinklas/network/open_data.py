"""Placeholder: being built."""

from django.http import Http404, HttpRequest, HttpResponse


def download(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404

