"""The test client of the suite: `force_login` signs people in as the site's sign-in does,
so a staff member with an authenticator app has passed the second factor too. Tests of a
session that has only the password use `sign_in_with_password_only`."""

from __future__ import annotations

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.contrib.auth.base_user import AbstractBaseUser
from django.test import Client, RequestFactory


class SiteClient(Client):
    def force_login(self, user: AbstractBaseUser, backend: str | None = None) -> None:
        super().force_login(user, backend)
        authenticator = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).first()
        self.record_authentication(user, "password")
        if authenticator is not None:
            self.record_authentication(user, "mfa", id=authenticator.pk, type=authenticator.type)

    def sign_in_with_password_only(self, user: AbstractBaseUser) -> None:
        """A session such as another sign-in form would give: no second factor behind it."""
        super().force_login(user)
        self.record_authentication(user, "password")

    def record_authentication(self, user: AbstractBaseUser, method: str, **extra: object) -> None:
        request = RequestFactory().get("/")
        request.session = self.session
        record_authentication(request, user, method, **extra)
        request.session.save()
