"""The REST API (version 1 under /api/v1/), its OpenAPI schema and its documentation: the
page rendered on the server and Swagger UI beside it. docs/api.md describes the API;
tinklas/common/api.py holds what every endpoint shares."""

from django.urls import URLPattern, URLResolver, path
from drf_spectacular.views import SpectacularAPIView

from tinklas.clusters import api as clusters
from tinklas.clusters import membership_api as memberships
from tinklas.common import api_docs, api_swagger
from tinklas.network import api as network
from tinklas.organisations.register import api as register_api
from tinklas.taxonomy import api as taxonomy

urlpatterns: list[URLPattern | URLResolver] = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", api_docs.documentation, name="api-docs"),
    path("docs/swagger/", api_swagger.SwaggerPage.as_view(), name="api-swagger"),
    path("v1/clusters/", clusters.ClusterList.as_view(), name="api-cluster-list"),
    path("v1/clusters/<slug:slug>/", clusters.ClusterDetail.as_view(), name="api-cluster"),
    path("v1/organisations/", clusters.OrganisationList.as_view(), name="api-organisation-list"),
    path(
        "v1/organisations/<slug:slug>/",
        clusters.OrganisationDetail.as_view(),
        name="api-organisation",
    ),
    path("v1/memberships/", memberships.MembershipList.as_view(), name="api-membership-list"),
    path(
        "v1/memberships/<int:pk>/",
        memberships.MembershipDetail.as_view(),
        name="api-membership",
    ),
    path("v1/labels/", memberships.LabelList.as_view(), name="api-label-list"),
    path("v1/labels/<int:pk>/", memberships.LabelDetail.as_view(), name="api-label"),
    path("v1/fields/", taxonomy.SectorList.as_view(), name="api-field-list"),
    path("v1/fields/<slug:slug>/", taxonomy.SectorDetail.as_view(), name="api-field"),
    path("v1/ecosystems/", taxonomy.EcosystemList.as_view(), name="api-ecosystem-list"),
    path("v1/ecosystems/<slug:slug>/", taxonomy.EcosystemDetail.as_view(), name="api-ecosystem"),
    path(
        "v1/nace-activities/",
        taxonomy.NaceActivityList.as_view(),
        name="api-nace-activity-list",
    ),
    path(
        "v1/nace-activities/<int:pk>/",
        taxonomy.NaceActivityDetail.as_view(),
        name="api-nace-activity",
    ),
    path("v1/regions/", taxonomy.RegionList.as_view(), name="api-region-list"),
    path("v1/regions/<str:code>/", taxonomy.RegionDetail.as_view(), name="api-region"),
    path("v1/key-figures/", network.KeyFigures.as_view(), name="api-key-figures"),
    # The register of legal entities: one legal entity by its company code.
    path(
        "v1/legal-entities/<str:code>/",
        register_api.legal_entity_detail,
        name="api-legal-entity",
    ),
]
