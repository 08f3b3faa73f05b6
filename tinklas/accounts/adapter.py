"""How django-allauth speaks to people: the lockout message names what happened and what to
do about it."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
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
    }


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
