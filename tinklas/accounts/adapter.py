"""How django-allauth speaks to people: each lockout message names what happened and what to
do about it."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": format_lazy(
            _(
                "Too many failed sign-in attempts: signing in to this account is locked for "
                "{minutes} minutes. Wait, or reset your password to sign in at once."
            ),
            minutes=settings.TINKLAS_LOCKOUT_MINUTES,
        ),
        "too_many_attempts_from_address": format_lazy(
            _(
                "Too many failed sign-in attempts from your network address: signing in from "
                "it is paused for a minute, for every account. Wait a minute and try again."
            )
        ),
    }

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """allauth counts failed sign-ins per address and per account under one message;
        which limit was reached decides what people are told."""
        try:
            super().pre_authenticate(request, **credentials)
        except forms.ValidationError:
            if address_limit_reached(request):
                raise self.validation_error("too_many_attempts_from_address") from None
            raise


def address_limit_reached(request: HttpRequest) -> bool:
    """Whether the per-address part of the failed sign-in limit is used up (checked without
    counting another attempt)."""
    usage = ratelimit.consume(
        request,
        app="allauth.account",
        action="login_failed",
        config={"login_failed": settings.TINKLAS_ADDRESS_SIGN_IN_LIMIT},
        dry_run=True,
    )
    return usage is None


class TwoFactorAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff may replace their authenticator app but not go without one."""
        if (
            settings.TINKLAS_STAFF_TWO_FACTOR_REQUIRED
            and authenticator.type == Authenticator.Type.TOTP
            and authenticator.user.is_staff
        ):
            return False
        return super().can_delete_authenticator(authenticator)
