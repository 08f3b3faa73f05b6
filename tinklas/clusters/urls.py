"""The directory, profiles and member-organisation pages, and the self-service of a
cluster's managers (profile, members, team)."""

from django.urls import URLPattern, path

from tinklas.clusters import register_report
from tinklas.clusters.views import (
    coordinators,
    directory,
    edit,
    members,
    organisations,
    profile,
    team,
)

app_name = "clusters"
urlpatterns: list[URLPattern] = [
    path("clusters/", directory.directory, name="directory"),
    path("clusters/<slug:slug>/", profile.profile, name="profile"),
    path(
        "organisations/",
        organisations.organisation_directory,
        name="organisation-directory",
    ),
    path(
        "organisations/<slug:slug>/",
        organisations.organisation_detail,
        name="organisation",
    ),
    path("clusters/<slug:slug>/edit/", edit.edit_profile, name="edit"),
    path("clusters/<slug:slug>/members/", members.members, name="members"),
    path("clusters/<slug:slug>/members/add/", members.add_member, name="member-add"),
    path("clusters/<slug:slug>/members/new/", members.new_member, name="member-new"),
    path(
        "clusters/<slug:slug>/members/<int:membership_id>/end/",
        members.end_membership,
        name="member-end",
    ),
    path("clusters/<slug:slug>/team/", team.team, name="team"),
    path(
        "clusters/<slug:slug>/team/invitations/<int:invitation_id>/revoke/",
        team.revoke_invitation,
        name="invitation-revoke",
    ),
    path(
        "clusters/<slug:slug>/team/managers/<int:role_id>/remove/",
        team.remove_manager,
        name="manager-remove",
    ),
    path("invitations/<str:token>/", team.accept_invitation, name="invitation-accept"),
    path("register/report/", register_report.report, name="register-report"),
    # Three segments: no cluster's slug can take this address.
    path(
        "clusters/coordinators/unlinked/",
        coordinators.unlinked_coordinators,
        name="unlinked-coordinators",
    ),
]
