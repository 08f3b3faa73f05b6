"""Personal API tokens: created on the account page and shown once, stored only as a digest,
working until revoked, revoked only by their owner, and part of the person's data."""

import json
import re

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from tinklas.accounts import privacy
from tinklas.accounts.models import ApiToken, digest_of
from tinklas.accounts.tests.factories import cluster_manager, person
from tinklas.accounts.tokens import MOST_ACTIVE_TOKENS, create_token
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory

pytestmark = pytest.mark.django_db

KEY_SHOWN = re.compile(r'id="api-token-key" type="text" value="([^"]+)"')


def patch_cluster(client, key: str, slug: str = "food", **data):  # type: ignore[no-untyped-def]
    return client.patch(
        f"/api/v1/clusters/{slug}/",
        json.dumps(data or {"acronym": "FOOD"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )


def test_a_token_created_on_the_profile_page_is_shown_once_and_works(client):
    cluster = ClusterFactory(slug="food")
    manager = cluster_manager(cluster)
    client.force_login(manager)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "API tokens" in profile and "You have no API tokens." in profile

    response = client.post(reverse("accounts:token-create"), {"name": "Member list sync"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    key = KEY_SHOWN.search(response.content.decode()).group(1)

    token = ApiToken.objects.get(user=manager)
    assert token.name == "Member list sync"
    assert token.key_digest == digest_of(key) and key not in token.key_digest
    assert not ApiToken.objects.filter(key_digest=key).exists()

    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Member list sync" in profile and "never used" in profile
    assert key not in profile  # shown once only

    client.logout()
    assert patch_cluster(client, key).status_code == 200
    assert Cluster.objects.get(slug="food").acronym == "FOOD"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_token_needs_a_name(client):
    user = person()
    client.force_login(user)
    response = client.post(reverse("accounts:token-create"), {"name": " "})
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_person_holds_a_limited_number_of_active_tokens(client):
    user = person()
    for number in range(MOST_ACTIVE_TOKENS):
        create_token(user, f"script {number}")
    client.force_login(user)
    response = client.post(reverse("accounts:token-create"), {"name": "one more"})
    assert "revoke one you no longer use" in response.content.decode()
    assert ApiToken.objects.filter(user=user).count() == MOST_ACTIVE_TOKENS


def test_signing_in_is_needed_to_create_or_revoke_a_token(client):
    token, _key = create_token(person(), "script")
    for address in (
        reverse("accounts:token-create"),
        reverse("accounts:token-revoke", args=[token.pk]),
    ):
        response = client.post(address, {"name": "script"})
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert not ApiToken.objects.exclude(pk=token.pk).exists()


def test_a_revoked_token_no_longer_works(client):
    cluster = ClusterFactory(slug="food")
    manager = cluster_manager(cluster)
    token, key = create_token(manager, "Nightly sync")
    client.force_login(manager)
    response = client.post(reverse("accounts:token-revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "The token “Nightly sync” is revoked" in profile
    assert "You have no API tokens." in profile
    client.logout()
    refused = patch_cluster(client, key)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"] == "Token"
    assert Cluster.objects.get(slug="food").acronym == ""
    audit = LogEntry.objects.get_for_object(token).order_by("-pk").first()
    assert audit.actor == manager and "revoked_at" in audit.changes_dict
    assert "key_digest" not in json.dumps(audit.changes_dict)


def test_only_the_owner_may_revoke_a_token(client):
    token, _key = create_token(person(), "script")
    client.force_login(person())
    response = client.post(reverse("accounts:token-revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_an_unknown_or_malformed_token_is_refused_even_for_reading(client):
    ClusterFactory(slug="food")
    for header in ("Token not-a-key", "Token", "Token two words"):
        response = client.get("/api/v1/clusters/food/", HTTP_AUTHORIZATION=header)
        assert response.status_code == 401, header
    assert client.get("/api/v1/clusters/food/").status_code == 200


def test_a_token_of_a_deactivated_account_is_refused(client):
    cluster = ClusterFactory(slug="food")
    manager = cluster_manager(cluster)
    _token, key = create_token(manager, "script")
    manager.is_active = False
    manager.save()
    assert patch_cluster(client, key).status_code == 401


def test_tokens_are_in_the_personal_data_without_their_keys_and_go_with_the_account():
    user = person()
    token, key = create_token(user, "script")
    exported = privacy.export_personal_data(user)["api_tokens"]
    assert exported == [
        {"name": "script", "created": token.created_at, "last_used": None, "revoked": None}
    ]
    assert key not in json.dumps(exported, default=str)
    assert token.key_digest not in json.dumps(exported, default=str)
    privacy.erase_person(user)
    assert not ApiToken.objects.exists()
