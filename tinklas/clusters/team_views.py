"""Placeholder: being built."""

from django.http import Http404, HttpRequest, HttpResponse


def team(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def revoke_invitation(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def remove_manager(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def accept_invitation(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
