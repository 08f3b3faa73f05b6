"""Swagger UI at /api/docs/swagger/: the interactive documentation that lets people try the
API from the browser, beside the server-rendered page at /api/docs/ (docs.py), which
works without JavaScript.

drf-spectacular's split view serves Swagger UI's start-up script as a file of its own
(`?script`), and drf-spectacular-sidecar ships Swagger UI's files as static files, so the
page runs under the site's Content-Security-Policy as it is: scripts and styles from this
site only, nothing inline, no CDN. The page's template is the project's own
(templates/api/swagger.html): the package's template carries an inline style block."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.request import Request
from rest_framework.response import Response

from tinklas.common.api.base import LANGUAGE_PARAMETER, language_codes


class SwaggerPage(SpectacularSwaggerSplitView):
    template_name = "api/swagger.html"
    url_name = "api:schema"

    @extend_schema(exclude=True)  # a page, not an endpoint of the API
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # The page's own words follow `?lang=`, as the documentation page's do; Swagger UI
        # and the schema are English (common/api/schema.py).
        language = request.query_params.get(LANGUAGE_PARAMETER)
        if language in language_codes():
            translation.activate(language)
        response: Response = super().get(request, *args, **kwargs)
        if request.query_params.get("script") is None:
            query = f"?{LANGUAGE_PARAMETER}={translation.get_language()}"
            response.data["docs_url"] = reverse("api:docs") + query
            response.data["schema_url"] = reverse("api:schema")
        return response
