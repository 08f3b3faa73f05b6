from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from tinklas.audit import views as audit_views
from tinklas.clusters import organisation_views
from tinklas.clusters import views as cluster_views
from tinklas.common import views as common_views
from tinklas.network import views as network_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", common_views.favicon),
]
urlpatterns += i18n_patterns(
    path("", network_views.home, name="home"),
    path("network/", network_views.network_page, name="network"),
    path("clusters/", cluster_views.directory, name="cluster-directory"),
    path("clusters/<slug:slug>/", cluster_views.profile, name="cluster-profile"),
    path(
        "organisations/",
        organisation_views.organisation_directory,
        name="organisation-directory",
    ),
    path(
        "organisations/<slug:slug>/",
        organisation_views.organisation_detail,
        name="organisation-detail",
    ),
    path("audit/", audit_views.audit_log, name="audit-log"),
    path("clusters/<slug:slug>/history/", audit_views.cluster_history, name="cluster-history"),
    path(
        "organisations/<slug:slug>/history/",
        audit_views.organisation_history,
        name="organisation-history",
    ),
    path("admin/", admin.site.urls),
)
