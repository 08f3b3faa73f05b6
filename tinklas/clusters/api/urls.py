"""The clusters app's API endpoints under /api/v1/: clusters, their memberships and labels,
and the member organisations (which organisations are public follows from memberships, so
their endpoints are here; the organisations app gives their representation)."""

from django.urls import URLPattern, path

from tinklas.clusters.api import clusters, labels, memberships, organisations

app_name = "clusters-api"
urlpatterns: list[URLPattern] = [
    path("clusters/", clusters.ClusterList.as_view(), name="cluster-list"),
    path("clusters/<slug:slug>/", clusters.ClusterDetail.as_view(), name="cluster"),
    path("organisations/", organisations.OrganisationList.as_view(), name="organisation-list"),
    path(
        "organisations/<slug:slug>/",
        organisations.OrganisationDetail.as_view(),
        name="organisation",
    ),
    path("memberships/", memberships.MembershipList.as_view(), name="membership-list"),
    path("memberships/<int:pk>/", memberships.MembershipDetail.as_view(), name="membership"),
    path("labels/", labels.LabelList.as_view(), name="label-list"),
    path("labels/<int:pk>/", labels.LabelDetail.as_view(), name="label"),
]
