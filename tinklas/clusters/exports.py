"""Placeholder: being built."""

from django.http import Http404, HttpRequest, HttpResponse


def export_clusters(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def export_organisations(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404

