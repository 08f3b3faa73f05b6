"""The taxonomy's API endpoints under /api/v1/: fields, EU industrial ecosystems, NACE
activities and regions."""

from django.urls import URLPattern, path

from tinklas.taxonomy import api

app_name = "taxonomy-api"
urlpatterns: list[URLPattern] = [
    path("fields/", api.SectorList.as_view(), name="field-list"),
    path("fields/<slug:slug>/", api.SectorDetail.as_view(), name="field"),
    path("ecosystems/", api.EcosystemList.as_view(), name="ecosystem-list"),
    path("ecosystems/<slug:slug>/", api.EcosystemDetail.as_view(), name="ecosystem"),
    path("nace-activities/", api.NaceActivityList.as_view(), name="nace-activity-list"),
    path("nace-activities/<int:pk>/", api.NaceActivityDetail.as_view(), name="nace-activity"),
    path("regions/", api.RegionList.as_view(), name="region-list"),
    path("regions/<str:code>/", api.RegionDetail.as_view(), name="region"),
]
