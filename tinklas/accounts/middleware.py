"""Network staff can change everything, so their accounts must have a second factor: until a
staff member has set up an authenticator app, every page sends them to do so."""

from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


def has_authenticator_app(user: object) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.must_set_up_two_factor(request):
            messages.warning(
                request,
                _("Network staff must use two-factor authentication: set up an authenticator app."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def must_set_up_two_factor(self, request: HttpRequest) -> bool:
        user = request.user
        if not (
            settings.TINKLAS_STAFF_TWO_FACTOR_REQUIRED and user.is_authenticated and user.is_staff
        ):
            return False
        path = request.path
        if path.startswith(("/static/", "/i18n/")) or path in two_factor_set_up_paths():
            return False
        return not has_authenticator_app(user)


def two_factor_set_up_paths() -> set[str]:
    """Pages a staff member without a second factor may still open: setting one up,
    confirming their password for it, and signing out."""
    names = [
        "mfa_activate_totp",
        "mfa_index",
        "mfa_view_recovery_codes",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
    ]
    return {reverse(name) for name in names}
