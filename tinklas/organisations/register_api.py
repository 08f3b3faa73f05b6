"""Placeholder: the register's API endpoint, being built."""

from django.http import Http404, HttpRequest, HttpResponse


def legal_entity_detail(request: HttpRequest, code: str) -> HttpResponse:
    raise Http404
