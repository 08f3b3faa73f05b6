from django.urls import URLPattern, path

from tinklas.audit import views

app_name = "audit"
urlpatterns: list[URLPattern] = [
    path("audit/", views.audit_log, name="log"),
    path("clusters/<slug:slug>/history/", views.cluster_history, name="cluster-history"),
    path(
        "organisations/<slug:slug>/history/",
        views.organisation_history,
        name="organisation-history",
    ),
]
