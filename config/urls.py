"""Every address of the site: each app's URL module under the language prefix, the API beside
them. Only includes; the routes are in the apps."""

from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

# The administration has no sign-in of its own: its sign-in page sends people to the site's,
# which asks staff for their second factor and counts failed attempts.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("tinklas.common.urls")),
    # The REST API, its schema and documentation: not translated, the same for every
    # language; each app's endpoints under one version prefix.
    path("api/", include("tinklas.common.api.urls")),
    path("api/v1/", include("tinklas.clusters.api.urls")),
    path("api/v1/", include("tinklas.taxonomy.api_urls")),
    path("api/v1/", include("tinklas.network.api_urls")),
    path("api/v1/", include("tinklas.organisations.api_urls")),
]
urlpatterns += i18n_patterns(
    path("", include("tinklas.network.urls")),
    # Before clusters and organisations: their export addresses are not slugs.
    path("", include("tinklas.opendata.urls")),
    path("", include("tinklas.clusters.urls")),
    path("", include("tinklas.organisations.urls")),
    path("", include("tinklas.imports.urls")),
    path("", include("tinklas.applications.urls")),
    path("", include("tinklas.audit.urls")),
    path("", include("tinklas.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
)
