"""An empty choice is null in the API, as the schema says (not "", which no choice names):
answered as null, cleared with null, and still stored as the model's empty text."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.cache import cache

from tinklas.accounts.tests.factories import cluster_manager
from tinklas.accounts.tokens import create_token
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory

pytestmark = pytest.mark.django_db

ASSESSED = datetime.date(2025, 6, 1)


@pytest.fixture
def manager_key() -> str:
    cache.clear()  # no throttle count left over
    cluster = ClusterFactory(slug="matrix", maturity="mature", maturity_assessed_on=ASSESSED)
    _token, key = create_token(cluster_manager(cluster), "script")
    return key


def change(client, key: str, data: dict):  # type: ignore[no-untyped-def]
    return client.patch(
        "/api/v1/clusters/matrix/",
        json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )


def test_a_cluster_without_maturity_answers_null(client):
    ClusterFactory(slug="unassessed")
    ClusterFactory(slug="assessed", maturity="formed", maturity_assessed_on=ASSESSED)
    answers = {
        cluster["slug"]: cluster["maturity"]
        for cluster in client.get("/api/v1/clusters/").json()["results"]
    }
    assert answers == {"unassessed": None, "assessed": "formed"}
    assert client.get("/api/v1/clusters/unassessed/").json()["maturity"] is None


def test_null_clears_a_choice_and_is_stored_as_empty_text(client, manager_key):
    response = change(client, manager_key, {"maturity": None, "maturity_assessed_on": None})
    assert response.status_code == 200, response.content
    assert response.json()["maturity"] is None
    assert Cluster.objects.get(slug="matrix").maturity == ""


def test_empty_text_is_still_accepted_for_an_empty_choice(client, manager_key):
    response = change(client, manager_key, {"maturity": ""})
    assert response.status_code == 200, response.content
    assert response.json()["maturity"] is None
    assert Cluster.objects.get(slug="matrix").maturity == ""


def test_an_unknown_choice_is_refused_naming_the_field(client, manager_key):
    response = change(client, manager_key, {"maturity": "ancient"})
    assert response.status_code == 400
    assert set(response.json()) == {"maturity"}
    assert Cluster.objects.get(slug="matrix").maturity == "mature"


def test_an_organisation_without_a_size_class_answers_null(client):
    membership = MembershipFactory(organisation__slug="no-headcount")
    assert membership.organisation.size_class == ""
    data = client.get("/api/v1/organisations/no-headcount/").json()
    assert data["size_class"] is None
