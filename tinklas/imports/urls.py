from django.urls import URLPattern, path

from tinklas.imports import views

app_name = "imports"
urlpatterns: list[URLPattern] = [
    path("imports/", views.imports, name="list"),
    path("imports/template/", views.template, name="template"),
    path("imports/clusters/", views.cluster_lists, name="cluster-lists"),
    path("imports/<int:run_id>/", views.import_run, name="run"),
    path("imports/<int:run_id>/commit/", views.commit_import, name="commit"),
    path("clusters/<slug:slug>/import/", views.cluster_import, name="cluster"),
]
