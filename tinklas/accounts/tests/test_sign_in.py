"""Signing up, verifying the address, signing in, lockout, password reset and the second
factor staff must use."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, generate_totp_secret, hotp_value
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tinklas.accounts.models import User
from tinklas.accounts.people import add_authenticator_app, create_person
from tinklas.accounts.tests.factories import PASSWORD, person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits live in the shared cache: each test starts without failed attempts."""
    cache.clear()
    yield
    cache.clear()


def sign_in(client, email: str, password: str):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_sign_up_sends_a_verification_link_and_the_link_verifies(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "New.Person@Example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert not user.emailaddress_set.get().verified
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    client.post(link.group(0))
    assert user.emailaddress_set.get().verified


def test_unverified_address_cannot_sign_in_until_verified(client):
    client.post(
        reverse("account_signup"),
        {"email": "late@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    client.logout()
    response = sign_in(client, "late@example.org", PASSWORD)
    assert response["Location"].endswith(reverse("account_email_verification_sent"))
    assert "_auth_user_id" not in client.session


def test_weak_passwords_are_refused_with_the_reason(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "weak@example.org", "password1": "12345678", "password2": "12345678"},
    )
    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    assert not User.objects.filter(email="weak@example.org").exists()


def test_lockout_after_repeated_failed_sign_ins_with_a_clear_message(client, settings):
    user = person("locked@example.org")
    for _attempt in range(settings.TINKLAS_LOCKOUT_ATTEMPTS):
        response = sign_in(client, user.email, "wrong password")
        assert "The email address and/or password you specified are not correct." in (
            response.content.decode()
        )
    response = sign_in(client, user.email, PASSWORD)  # even the right password now
    page = response.content.decode()
    assert "Too many failed sign-in attempts" in page
    assert f"locked for {settings.TINKLAS_LOCKOUT_MINUTES} minutes" in page
    assert "_auth_user_id" not in client.session
    # Another account is not affected.
    other = person("other@example.org")
    assert sign_in(client, other.email, PASSWORD).status_code == 302


def test_many_failed_sign_ins_from_one_address_say_that_the_address_is_paused(client):
    user = person("innocent@example.org")
    for number in range(20):
        sign_in(client, f"guess{number}@example.org", "wrong password")
    response = sign_in(client, user.email, PASSWORD)
    page = response.content.decode()
    assert "from your network address" in page and "Wait a minute" in page
    assert "locked for" not in page
    assert "_auth_user_id" not in client.session


def test_password_reset_mails_a_link_that_sets_a_new_password(client):
    user = person("forgetful@example.org")
    client.post(reverse("account_reset_password"), {"email": user.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    form_page = client.get(link.group(0), follow=True)
    new_password = "a-new-and-long-password-77"
    client.post(
        form_page.redirect_chain[-1][0],
        {"password1": new_password, "password2": new_password},
    )
    user.refresh_from_db()
    assert user.check_password(new_password)


def current_code(secret: str) -> str:
    import time

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_staff_without_an_authenticator_app_are_sent_to_set_one_up(client):
    staff = create_person("new.staff@example.org", PASSWORD, is_staff=True)
    client.force_login(staff)
    response = client.get(reverse("audit:log"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # Signing out stays possible.
    assert client.post(reverse("account_logout")).status_code == 302


def test_staff_sign_in_asks_for_the_second_factor(client):
    staff = create_person("secretary@example.org", PASSWORD, is_staff=True)
    secret = generate_totp_secret()
    add_authenticator_app(staff, secret)
    response = sign_in(client, staff.email, PASSWORD)
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "Incorrect code." in wrong.content.decode()
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert client.get(reverse("audit:log")).status_code == 200


def test_staff_cannot_remove_their_authenticator_app(client):
    staff = create_person("keeper@example.org", PASSWORD, is_staff=True)
    add_authenticator_app(staff, generate_totp_secret())
    client.force_login(staff)
    client.post(reverse("mfa_deactivate_totp"))
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()


def test_sign_in_pages_carry_the_content_security_policy(client):
    for name in ["account_login", "account_signup", "account_reset_password"]:
        response = client.get(reverse(name))
        assert response.status_code == 200
        policy = response["Content-Security-Policy"]
        assert "unsafe-inline" not in policy and "script-src 'self'" in policy
        assert 'name="csrfmiddlewaretoken"' in response.content.decode()
