"""Placeholder: the REST API's URLs, being built."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
