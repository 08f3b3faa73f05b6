"""Placeholder: being built."""

from django.http import Http404, HttpRequest, HttpResponse


def members(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def add_member(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def new_member(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def end_membership(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
