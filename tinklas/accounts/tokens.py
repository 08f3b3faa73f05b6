"""Personal API tokens: creating and revoking them, authenticating API requests with them
(`Authorization: Token <key>`), and their part of a person's data export and erasure."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from tinklas.accounts import privacy
from tinklas.accounts.models import ApiToken, User, digest_of

KEYWORD = "Token"
# The time of last use is written at most this often per token: a script calling the API
# in a loop must not turn every read into a database write.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)
# Enough for every script and service a person runs; more is more keys to leak.
MOST_ACTIVE_TOKENS = 20


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """The new token and its key, which exists nowhere else: it must be shown now."""
    key = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name.strip(), key_digest=digest_of(key))
    return token, key


def revoke_token(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def may_create_token(user: User) -> bool:
    return ApiToken.objects.active().filter(user=user).count() < MOST_ACTIVE_TOKENS


def note_use(token: ApiToken, now: datetime.datetime) -> None:
    # A query update: it bypasses the audit log, which would otherwise grow with every call.
    ApiToken.objects.filter(pk=token.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
    ).update(last_used_at=now)


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Token <key>` with an active token of an active account."""

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        words = authentication.get_authorization_header(request).split()
        if not words or words[0].decode("latin-1").lower() != KEYWORD.lower():
            return None
        if len(words) != 2:
            raise exceptions.AuthenticationFailed(
                _("Give the token after the word Token, separated by one space.")
            )
        try:
            key = words[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("The token is not valid.")) from None
        token = (
            ApiToken.objects.select_related("user")
            .filter(key_digest=digest_of(key), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("The token is not valid or was revoked."))
        note_use(token, timezone.now())
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        # Makes missing credentials a 401 rather than a 403.
        return KEYWORD


def export(user: User) -> list[dict[str, Any]]:
    """The tokens' names and dates; never their keys (only digests are kept anyway)."""
    return [
        {
            "name": token.name,
            "created": token.created_at,
            "last_used": token.last_used_at,
            "revoked": token.revoked_at,
        }
        for token in ApiToken.objects.filter(user=user).order_by("created_at", "pk")
    ]


def erase(user: User) -> None:
    """One at a time, so that the audit log records each removal."""
    for token in ApiToken.objects.filter(user=user):
        token.delete()


def register() -> None:
    privacy.register_section("api_tokens", export=export, erase=erase)
