"""The network's key figures through the API: the numbers the home page shows, for any day."""

import pytest
from django.utils import timezone

from tinklas.network.figures import key_figures

pytestmark = pytest.mark.django_db


def test_the_key_figures_are_those_of_the_registry(client, demo_network, demo_today):
    data = client.get("/api/v1/key-figures/", {"on": demo_today.isoformat()}).json()
    assert data == {
        "as_of": demo_today.isoformat(),
        "clusters": 57,
        "member_organisations": key_figures(demo_today).member_organisations,
        "member_smes": 777,
        "fields": 9,
        "labels_in_force": key_figures(demo_today).labels_in_force,
        "clusters_with_reported_members": 0,
        "reported_members": 0,
    }
    before_the_network = client.get("/api/v1/key-figures/", {"on": "2019-01-01"}).json()
    assert before_the_network["clusters"] == 0


def test_figures_default_to_today_and_refuse_a_date_that_is_not_one(client):
    assert client.get("/api/v1/key-figures/").json()["as_of"] == str(timezone.localdate())
    response = client.get("/api/v1/key-figures/", {"on": "yesterday"})
    assert response.status_code == 400
    assert "on" in response.json()
    etag = client.get("/api/v1/key-figures/")["ETag"]
    assert client.get("/api/v1/key-figures/", HTTP_IF_NONE_MATCH=etag).status_code == 304
