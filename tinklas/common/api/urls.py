"""The API's own addresses: its OpenAPI schema and its documentation (the page rendered on
the server and Swagger UI beside it). Each app's endpoints are in its own API URL module."""

from django.urls import URLPattern, path
from drf_spectacular.views import SpectacularAPIView

from tinklas.common.api import docs, swagger

app_name = "api"
urlpatterns: list[URLPattern] = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.documentation, name="docs"),
    path("docs/swagger/", swagger.SwaggerPage.as_view(), name="swagger"),
]
