"""People with each role, for tests."""

from __future__ import annotations

import itertools

from allauth.mfa.totp.internal.auth import generate_totp_secret

from tinklas.accounts.models import User
from tinklas.accounts.people import add_authenticator_app, create_person

PASSWORD = "correct-horse-battery-staple"
_numbers = itertools.count(1)


def person(email: str | None = None, *, is_staff: bool = False, full_name: str = "") -> User:
    """An active account with a verified address and the password PASSWORD; staff get an
    authenticator app, which they must have."""
    email = email or f"person{next(_numbers)}@example.org"
    user = create_person(email, PASSWORD, full_name or email.split("@")[0], is_staff=is_staff)
    if is_staff:
        add_authenticator_app(user, generate_totp_secret())
    return user


def staff(email: str | None = None) -> User:
    return person(email or f"staff{next(_numbers)}@example.org", is_staff=True)


def cluster_manager(cluster, email: str | None = None) -> User:  # type: ignore[no-untyped-def]
    from tinklas.clusters.models import ClusterManagerRole

    user = person(email)
    ClusterManagerRole.objects.create(cluster=cluster, user=user)
    return user


def representative(organisation, email: str | None = None) -> User:  # type: ignore[no-untyped-def]
    from tinklas.organisations.models import OrganisationRepresentative

    user = person(email)
    OrganisationRepresentative.objects.create(organisation=organisation, user=user)
    return user


def superuser(email: str | None = None) -> User:
    """Network staff with every model permission in the administration."""
    user = staff(email)
    user.is_superuser = True
    user.save(update_fields=["is_superuser"])
    return user
