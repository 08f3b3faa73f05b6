"""The directory, profiles and member-organisation pages, and the self-service of a
cluster's managers (profile, members, team)."""

from django.urls import URLPattern, path

from tinklas.clusters import (
    edit_views,
    member_views,
    organisation_views,
    register_report,
    team_views,
    views,
)

app_name = "clusters"
urlpatterns: list[URLPattern] = [
    path("clusters/", views.directory, name="directory"),
    path("clusters/<slug:slug>/", views.profile, name="profile"),
    path(
        "organisations/",
        organisation_views.organisation_directory,
        name="organisation-directory",
    ),
    path(
        "organisations/<slug:slug>/",
        organisation_views.organisation_detail,
        name="organisation",
    ),
    path("clusters/<slug:slug>/edit/", edit_views.edit_profile, name="edit"),
    path("clusters/<slug:slug>/members/", member_views.members, name="members"),
    path("clusters/<slug:slug>/members/add/", member_views.add_member, name="member-add"),
    path("clusters/<slug:slug>/members/new/", member_views.new_member, name="member-new"),
    path(
        "clusters/<slug:slug>/members/<int:membership_id>/end/",
        member_views.end_membership,
        name="member-end",
    ),
    path("clusters/<slug:slug>/team/", team_views.team, name="team"),
    path(
        "clusters/<slug:slug>/team/invitations/<int:invitation_id>/revoke/",
        team_views.revoke_invitation,
        name="invitation-revoke",
    ),
    path(
        "clusters/<slug:slug>/team/managers/<int:role_id>/remove/",
        team_views.remove_manager,
        name="manager-remove",
    ),
    path("invitations/<str:token>/", team_views.accept_invitation, name="invitation-accept"),
    path("register/report/", register_report.report, name="register-report"),
]
