"""Placeholder: being built."""

from django.http import Http404, HttpRequest, HttpResponse


def my_applications(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def start_application(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def application_step(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def remove_application_member(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def submit_application(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def review_queue(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def review_application(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
