"""The team page of a cluster (its managers and invitations) and the page where an invited
person accepts. The rules live in tinklas/clusters/team.py."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tinklas.accounts.models import User
from tinklas.clusters import team as team_operations
from tinklas.clusters.forms import InviteForm, NewManagerAccountForm
from tinklas.clusters.models import Cluster, ClusterManagerRole, Invitation
from tinklas.clusters.models.team import INVITATION_VALID_FOR
from tinklas.common.access import permission_required


def cluster_of(request: HttpRequest, slug: str, **kwargs: object) -> Cluster:
    return get_object_or_404(Cluster, slug=slug)


def team_context(cluster: Cluster, form: InviteForm) -> dict[str, object]:
    now = timezone.now()
    managers = list(
        cluster.manager_roles.select_related("user", "granted_by").order_by("granted_at", "pk")
    )
    invitations = cluster.invitations.select_related("invited_by", "accepted_by", "revoked_by")
    return {
        "cluster": cluster,
        "managers": managers,
        "invitations": [(invitation, invitation.state_at(now)) for invitation in invitations],
        "states": Invitation.State,
        "form": form,
        "valid_days": INVITATION_VALID_FOR.days,
    }


@permission_required("clusters.manage_team", cluster_of)
def team(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = cluster_of(request, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assert isinstance(request.user, User)
        try:
            invitation = team_operations.invite(
                request,
                cluster,
                form.cleaned_data["email"],
                form.cleaned_data["message"],
                request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s; the link works until %(date)s.")
                % {
                    "email": invitation.email,
                    "date": team_operations.local_date(invitation.expires_at),
                },
            )
            return redirect("clusters:team", slug=cluster.slug)
    return render(request, "clusters/team.html", team_context(cluster, form))


@require_POST
@permission_required("clusters.manage_team", cluster_of)
def revoke_invitation(request: HttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    cluster = cluster_of(request, slug)
    invitation = get_object_or_404(cluster.invitations, pk=invitation_id)
    assert isinstance(request.user, User)
    try:
        team_operations.revoke(invitation, request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("The invitation to %(email)s is revoked: its link no longer works.")
            % {"email": invitation.email},
        )
    return redirect("clusters:team", slug=cluster.slug)


@permission_required("clusters.manage_team", cluster_of)
def remove_manager(request: HttpRequest, slug: str, role_id: int) -> HttpResponse:
    """Removes a manager on POST. Removing yourself takes a confirmation first (this page
    on GET), since you lose access to the cluster's management pages."""
    cluster = cluster_of(request, slug)
    role = get_object_or_404(
        ClusterManagerRole.objects.select_related("user"), cluster=cluster, pk=role_id
    )
    removing_self = role.user_id == request.user.pk
    confirmed = not removing_self or request.POST.get("confirm") == "yes"
    if request.method != "POST" or not confirmed:
        context = team_context(cluster, InviteForm())
        return render(
            request,
            "clusters/team.html",
            {**context, "removal": role, "removing_self": removing_self},
        )
    try:
        team_operations.remove_manager(role)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("clusters:team", slug=cluster.slug)
    if removing_self:
        messages.success(
            request, _("You no longer manage %(cluster)s.") % {"cluster": cluster.name}
        )
        if not request.user.has_perm("clusters.manage_team", cluster):
            return redirect("accounts:profile")
    else:
        messages.success(
            request,
            _("%(name)s no longer manages %(cluster)s.")
            % {"name": role.user, "cluster": cluster.name},
        )
    return redirect("clusters:team", slug=cluster.slug)


def unusable_invitation(request: HttpRequest, invitation: Invitation | None) -> HttpResponse:
    """Says why the link does not work; grants nothing."""
    state = invitation.state if invitation else None
    return render(
        request,
        "clusters/invitation_unusable.html",
        {"invitation": invitation, "state": state, "states": Invitation.State},
        status=404 if invitation is None else 410,
    )


def cluster_page(cluster: Cluster) -> str:
    if cluster.status == Cluster.Status.PUBLISHED:
        return reverse("clusters:profile", args=[cluster.slug])
    return reverse("clusters:team", args=[cluster.slug])


def accepted(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    messages.success(
        request,
        _(
            "You now manage %(cluster)s: the Manage bar on its page leads to its profile, "
            "members and team."
        )
        % {"cluster": invitation.cluster.name},
    )
    return redirect(cluster_page(invitation.cluster))


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = team_operations.invitation_for_token(token)
    if invitation is None or invitation.state != Invitation.State.PENDING:
        return unusable_invitation(request, invitation)
    context: dict[str, object] = {"invitation": invitation}
    user = request.user
    if isinstance(user, User) and user.is_authenticated:
        if request.method == "POST":
            try:
                team_operations.accept(invitation, user)
            except ValidationError:
                invitation.refresh_from_db()
                return unusable_invitation(request, invitation)
            return accepted(request, invitation)
        context["other_address"] = user.email.lower() != invitation.email.lower()
        context["already_manager"] = invitation.cluster.manager_roles.filter(user=user).exists()
        return render(request, "clusters/invitation_accept.html", context)
    if team_operations.account_with_address(invitation.email):
        query = urlencode({"next": request.get_full_path()})
        context["sign_in_url"] = f"{reverse('account_login')}?{query}"
        return render(request, "clusters/invitation_accept.html", context)
    form = NewManagerAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            new_user = team_operations.accept_as_new_person(
                request, invitation, form.cleaned_data["full_name"], form.cleaned_data["password1"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, new_user, backend="django.contrib.auth.backends.ModelBackend")
            return accepted(request, invitation)
    context["form"] = form
    return render(request, "clusters/invitation_accept.html", context)
