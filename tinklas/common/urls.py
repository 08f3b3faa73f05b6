"""Addresses outside any language that belong to no app."""

from django.urls import URLPattern, path

from tinklas.common import views

app_name = "common"
urlpatterns: list[URLPattern] = [
    path("favicon.ico", views.favicon, name="favicon"),
]
