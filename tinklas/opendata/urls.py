"""Included before the clusters' and organisations' pages: `clusters/export/` must not be read
as a cluster's address."""

from django.urls import URLPattern, path

from tinklas.opendata import exports, views

app_name = "opendata"
urlpatterns: list[URLPattern] = [
    path("clusters/export/", exports.export_clusters, name="clusters"),
    path("organisations/export/", exports.export_organisations, name="organisations"),
    path("open-data/", views.download, name="archive"),
]
