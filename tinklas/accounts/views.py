"""The signed-in person's own pages: their profile and roles, the download of their personal
data, and deleting their account."""

from __future__ import annotations

import json

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tinklas.accounts import privacy
from tinklas.accounts.forms import DeleteAccountForm, ProfileForm
from tinklas.accounts.models import User


def signed_in_user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # login_required has let only accounts in
    return request.user


def roles_context(user: User) -> dict[str, object]:
    """The person's roles, read through the reverse relations the role models declare, since
    accounts may not import the apps that hold them."""
    return {
        "cluster_roles": user.cluster_manager_roles.select_related("cluster").order_by(  # type: ignore[attr-defined]
            "cluster__name"
        ),
        "organisation_roles": user.organisation_representations.select_related(  # type: ignore[attr-defined]
            "organisation"
        ).order_by("organisation__name"),
        "applications": user.cluster_applications.order_by("-updated_at"),  # type: ignore[attr-defined]
    }


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your name is saved."))
        return redirect("accounts:profile")
    context = {
        "form": form,
        "addresses": EmailAddress.objects.filter(user=user).order_by("-primary", "email"),
        "two_factor": Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists(),
        **roles_context(user),
    }
    return render(request, "accounts/profile.html", context)


@require_GET
@login_required
def personal_data(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    data = {
        "exported": timezone.now(),
        **privacy.export_personal_data(user),
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"tinklas-personal-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: never kept by a shared cache or proxy.
    response["Cache-Control"] = "no-store"
    return response


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            privacy.erase_person(user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(
                request,
                _(
                    "Your account and personal data are deleted. The registry keeps the "
                    "changes you made, without your name or address."
                ),
            )
            return redirect("network:home")
    context = {
        "form": form,
        "last_staff_member": privacy.is_last_staff_member(user),
        **roles_context(user),
    }
    return render(request, "accounts/delete.html", context)
