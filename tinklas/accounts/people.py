"""Creating accounts outside the sign-up page (invitations, the demo, tests): the address is
recorded as verified, since the person proved it by other means."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from tinklas.accounts.models import User


def create_person(
    email: str, password: str | None, full_name: str = "", *, is_staff: bool = False
) -> User:
    user = User.objects.create_user(email, password, full_name=full_name, is_staff=is_staff)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def add_authenticator_app(user: User, secret: str) -> None:
    """Registers an authenticator app (TOTP) with the given base32 secret."""
    TOTP.activate(user, secret)
