from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from tinklas.accounts import views as account_views
from tinklas.audit import views as audit_views
from tinklas.clusters import (
    application_views,
    edit_views,
    member_views,
    organisation_views,
    team_views,
)
from tinklas.clusters import views as cluster_views
from tinklas.common import views as common_views
from tinklas.network import views as network_views
from tinklas.organisations import views as organisation_edit_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", common_views.favicon),
]
urlpatterns += i18n_patterns(
    path("", network_views.home, name="home"),
    path("network/", network_views.network_page, name="network"),
    # The public directory.
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
        organisation_edit_views.edit_organisation,
        name="organisation-edit",
    ),
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
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
)
