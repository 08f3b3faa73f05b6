"""The network's API endpoints under /api/v1/: its key figures."""

from django.urls import URLPattern, path

from tinklas.network import api

app_name = "network-api"
urlpatterns: list[URLPattern] = [
    path("key-figures/", api.KeyFigures.as_view(), name="key-figures"),
]
