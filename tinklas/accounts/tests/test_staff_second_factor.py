"""Staff pages, staff API writes and API tokens need a session that passed the second factor,
and the administration's sign-in form is the site's own, with its second factor and lockout."""

from __future__ import annotations

import json

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, generate_totp_secret, hotp_value
from django.core.cache import cache
from django.urls import reverse

from tinklas.accounts.models import ApiToken
from tinklas.accounts.people import add_authenticator_app, create_person
from tinklas.accounts.tests.factories import PASSWORD, staff
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def current_code(secret: str) -> str:
    import time

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def staff_with_secret(email: str = "secretary@example.org") -> tuple[object, str]:
    user = create_person(email, PASSWORD, is_staff=True)
    secret = generate_totp_secret()
    add_authenticator_app(user, secret)
    return user, secret


def test_the_administration_sign_in_form_gives_no_session_without_the_second_factor(client):
    user, _secret = staff_with_secret()
    response = client.post(
        "/en/admin/login/?next=/en/admin/", {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get("/en/admin/").status_code == 302
    assert client.get(reverse("audit:log")).status_code == 302


def test_the_administration_sign_in_page_sends_people_to_the_sites_sign_in(client):
    response = client.get("/en/admin/login/?next=/en/admin/auditlog/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=%2Fen%2Fadmin%2Fauditlog%2F"


def test_guessing_passwords_through_the_administration_gets_nowhere(client):
    user, _secret = staff_with_secret()
    for _attempt in range(30):
        client.post("/en/admin/login/", {"username": user.email, "password": "wrong"})
    client.post("/en/admin/login/", {"username": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_a_staff_session_with_only_the_password_is_sent_to_enter_the_code(client):
    user, secret = staff_with_secret()
    client.sign_in_with_password_only(user)
    for address in [reverse("audit:log"), reverse("applications:review-queue"), "/en/admin/"]:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"] == (
            reverse("mfa_reauthenticate") + "?next=" + address.replace("/", "%2F")
        )
    page = client.get(reverse("mfa_reauthenticate") + "?next=/en/audit/")
    assert "enter the code from your authenticator app" in page.content.decode()
    answer = client.post(
        reverse("mfa_reauthenticate") + "?next=/en/audit/", {"code": current_code(secret)}
    )
    assert answer["Location"] == "/en/audit/"
    assert client.get(reverse("audit:log")).status_code == 200


def test_a_staff_session_with_only_the_password_makes_no_api_token(client):
    user = staff()
    client.sign_in_with_password_only(user)
    response = client.post(reverse("accounts:token-create"), {"name": "Sneaky"})
    assert response.status_code == 302
    assert not ApiToken.objects.filter(user=user).exists()


def test_a_staff_session_with_both_factors_makes_an_api_token(client):
    user = staff()
    client.force_login(user)
    assert client.post(reverse("accounts:token-create"), {"name": "Sync"}).status_code == 200
    assert ApiToken.objects.filter(user=user, name="Sync").exists()


def test_a_staff_session_with_only_the_password_cannot_write_through_the_api(client):
    ClusterFactory(slug="smart-food")
    client.sign_in_with_password_only(staff())
    response = client.patch(
        "/api/v1/clusters/smart-food/",
        json.dumps({"status": "archived"}),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "second factor" in response.json()["detail"]
    assert Cluster.objects.get(slug="smart-food").status != "archived"


def test_people_who_are_not_staff_are_not_asked_for_a_second_factor(client):
    from tinklas.accounts.tests.factories import person

    client.sign_in_with_password_only(person())
    assert client.get(reverse("accounts:profile")).status_code == 200
