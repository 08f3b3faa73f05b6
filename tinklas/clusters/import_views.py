"""Placeholder: being built."""

from django.http import Http404, HttpRequest, HttpResponse


def imports(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def template(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def import_run(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def commit_import(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def cluster_import(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404

