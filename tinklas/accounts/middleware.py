"""Network staff can change everything, so their sessions must have passed a second factor.

Having an authenticator app is not enough: a session signed in some other way (an old
session, a sign-in form that is not the site's own) has only the password behind it. Until a
staff member's session has passed the second factor, every page sends them to set up an
authenticator app or to enter its code, and every API call of that session is refused."""

from __future__ import annotations

from collections.abc import Callable

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _


def has_authenticator_app(user: object) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def passed_second_factor(request: HttpRequest) -> bool:
    """Whether this session's sign-in included an authenticator code or a recovery code
    (allauth records each step of a sign-in in the session)."""
    records = get_authentication_records(request, request.user)  # type: ignore[arg-type]
    return any(record.get("method") == "mfa" for record in records)


def needs_second_factor(request: HttpRequest) -> bool:
    """A signed-in staff member whose session has not passed the second factor."""
    user = request.user
    return bool(
        settings.TINKLAS_STAFF_TWO_FACTOR_REQUIRED
        and user.is_authenticated
        and user.is_staff
        and not passed_second_factor(request)
    )


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not needs_second_factor(request) or is_second_factor_page(request.path):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": "Network staff must sign in with their second factor first."},
                status=403,
            )
        if not has_authenticator_app(request.user):
            messages.warning(
                request,
                _("Network staff must use two-factor authentication: set up an authenticator app."),
            )
            return redirect("mfa_activate_totp")
        messages.warning(
            request,
            _("Network staff pages need both factors: enter the code from your authenticator app."),
        )
        next_path = request.get_full_path() if request.method == "GET" else request.path
        return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': next_path})}")


def is_second_factor_page(path: str) -> bool:
    """Pages a staff member whose session lacks the second factor may still open: setting
    up an authenticator app, entering its code, and signing out."""
    return path.startswith(("/static/", "/i18n/")) or path in second_factor_paths()


def second_factor_paths() -> set[str]:
    names = [
        "mfa_activate_totp",
        "mfa_index",
        "mfa_view_recovery_codes",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
    ]
    return {reverse(name) for name in names}
