from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from tinklas.accounts import token_views
from tinklas.accounts import views as account_views
from tinklas.applications import views as application_views
from tinklas.audit import views as audit_views
from tinklas.clusters import (
    edit_views,
    member_views,
    organisation_views,
    register_report,
    team_views,
)
from tinklas.clusters import views as cluster_views
from tinklas.common import views as common_views
from tinklas.imports import views as import_views
from tinklas.network import views as network_views
from tinklas.opendata import exports
from tinklas.opendata import views as open_data_views
from tinklas.organisations import views as organisation_edit_views
from tinklas.organisations.register import lookup as register_lookup
from tinklas.organisations.register import views as register_views

# The administration has no sign-in of its own: its sign-in page sends people to the site's,
# which asks staff for their second factor and counts failed attempts.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", common_views.favicon),
    # The REST API and its schema: not translated, the same for every language.
    path("api/", include("config.api")),
]
urlpatterns += i18n_patterns(
    path("", network_views.home, name="home"),
    path("network/", network_views.network_page, name="network"),
    # The public directory, its exports and the open-data download.
    path("clusters/", cluster_views.directory, name="cluster-directory"),
    path("clusters/export/", exports.export_clusters, name="cluster-export"),
    path("organisations/export/", exports.export_organisations, name="organisation-export"),
    path("open-data/", open_data_views.download, name="open-data"),
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
    # Self-service of cluster managers and organisation representatives.
    path("clusters/<slug:slug>/edit/", edit_views.edit_profile, name="cluster-edit"),
    path("clusters/<slug:slug>/members/", member_views.members, name="cluster-members"),
    path("clusters/<slug:slug>/members/add/", member_views.add_member, name="cluster-member-add"),
    path("clusters/<slug:slug>/members/new/", member_views.new_member, name="cluster-member-new"),
    path(
        "clusters/<slug:slug>/members/<int:membership_id>/end/",
        member_views.end_membership,
        name="cluster-member-end",
    ),
    path("clusters/<slug:slug>/team/", team_views.team, name="cluster-team"),
    path(
        "clusters/<slug:slug>/team/invitations/<int:invitation_id>/revoke/",
        team_views.revoke_invitation,
        name="invitation-revoke",
    ),
    path(
        "clusters/<slug:slug>/team/managers/<int:role_id>/remove/",
        team_views.remove_manager,
        name="cluster-manager-remove",
    ),
    path("invitations/<str:token>/", team_views.accept_invitation, name="invitation-accept"),
    path(
        "organisations/<slug:slug>/edit/",
        # The register's lookup is passed in: organisations does not import its register.
        organisation_edit_views.edit_organisation_page(register_lookup.look_up),
        name="organisation-edit",
    ),
    # Imports of organisations and memberships, and the register of legal entities.
    path("imports/", import_views.imports, name="import-list"),
    path("imports/template/", import_views.template, name="import-template"),
    path("imports/<int:run_id>/", import_views.import_run, name="import-run"),
    path("imports/<int:run_id>/commit/", import_views.commit_import, name="import-commit"),
    path("clusters/<slug:slug>/import/", import_views.cluster_import, name="cluster-import"),
    path("register/", register_views.register_import, name="register-import"),
    path("register/report/", register_report.report, name="register-report"),
    # Applications of new clusters and their review.
    path("applications/", application_views.my_applications, name="application-list"),
    path("applications/new/", application_views.start_application, name="application-new"),
    path(
        "applications/<int:application_id>/submit/",
        application_views.submit_application,
        name="application-submit",
    ),
    path(
        "applications/<int:application_id>/members/<int:member_id>/remove/",
        application_views.remove_application_member,
        name="application-member-remove",
    ),
    path(
        "applications/<int:application_id>/<slug:step>/",
        application_views.application_step,
        name="application-step",
    ),
    path("review/applications/", application_views.review_queue, name="application-review-queue"),
    path(
        "review/applications/<int:application_id>/",
        application_views.review_application,
        name="application-review",
    ),
    # Audit.
    path("audit/", audit_views.audit_log, name="audit-log"),
    path("clusters/<slug:slug>/history/", audit_views.cluster_history, name="cluster-history"),
    path(
        "organisations/<slug:slug>/history/",
        audit_views.organisation_history,
        name="organisation-history",
    ),
    # Accounts: the profile and privacy pages, then sign-in, sign-up, password and
    # two-factor pages of django-allauth.
    path("accounts/profile/", account_views.profile, name="account-profile"),
    path("accounts/profile/data/", account_views.personal_data, name="account-personal-data"),
    path("accounts/profile/delete/", account_views.delete_account, name="account-delete"),
    path("accounts/profile/tokens/", token_views.create_token, name="account-token-create"),
    path(
        "accounts/profile/tokens/<int:token_id>/revoke/",
        token_views.revoke_token,
        name="account-token-revoke",
    ),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
)
