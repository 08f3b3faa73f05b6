"""Reading clusters through the API: the directory's clusters and filters, pagination, the
language of the answer, conditional requests and a query count independent of the page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from tinklas.clusters.models import Cluster, Label
from tinklas.clusters.tests.factories import ClusterFactory, LabelFactory
from tinklas.taxonomy.models import Ecosystem, Region, Sector

pytestmark = pytest.mark.django_db

CLUSTERS = "/api/v1/clusters/"


def directory_slugs(client, query: dict) -> tuple[int, list[str]]:
    response = client.get(reverse("clusters:directory"), query)
    page = response.context["page"]
    return page.paginator.count, [cluster.slug for cluster in page.object_list]


def api_slugs(client, query: dict) -> tuple[int, list[str]]:
    response = client.get(CLUSTERS, {**query, "page_size": 20, "lang": "en"})
    assert response.status_code == 200, response.content
    data = response.json()
    return data["count"], [cluster["slug"] for cluster in data["results"]]


def test_the_demo_network_lists_its_57_published_clusters(client, demo_network):
    response = client.get(CLUSTERS)
    data = response.json()
    assert data["count"] == 57
    assert len(data["results"]) == 20
    assert data["previous"] is None
    assert data["next"].endswith("/api/v1/clusters/?page=2")


@pytest.mark.parametrize(
    "query",
    [
        {"sector": "ict"},
        {"county": "LT-VL"},
        {"q": "maisto"},
        {"q": "klasteris", "sector": "ict", "county": "LT-VL", "label": "any"},
        {"sort": "members"},
        {"maturity": ["mature", "developing"], "members": "15-49"},
    ],
)
def test_filters_give_the_directory_pages_results(client, demo_network, query):
    expected = directory_slugs(client, query)
    assert api_slugs(client, query) == expected
    assert expected[0] > 0


def test_an_unknown_filter_value_is_refused_naming_the_filter(client, demo_network):
    response = client.get(CLUSTERS, {"sector": "no-such-field", "sort": "colour"})
    assert response.status_code == 400
    assert set(response.json()) == {"sector", "sort"}


def test_pages_follow_each_other_and_the_page_size_has_a_maximum(client, demo_network):
    first = client.get(CLUSTERS, {"page_size": 25}).json()
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    slugs = [item["slug"] for page in (first, second, third) for item in page["results"]]
    assert len(slugs) == len(set(slugs)) == 57
    assert third["next"] is None and third["previous"]
    assert len(client.get(CLUSTERS, {"page_size": 1000}).json()["results"]) == 57  # max 100
    assert client.get(CLUSTERS, {"page": 99}).status_code == 404


def test_names_come_in_the_language_asked_for_and_in_every_language(client):
    ClusterFactory(name_lt="Maisto klasteris", name_en="Food cluster", slug="food")
    english = client.get(CLUSTERS + "food/", HTTP_ACCEPT_LANGUAGE="en")
    lithuanian = client.get(CLUSTERS + "food/?lang=lt", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["name"] == "Food cluster"
    assert english["Content-Language"] == "en"
    assert lithuanian.json()["name"] == "Maisto klasteris"
    assert lithuanian.json()["name_en"] == "Food cluster"
    assert lithuanian.json()["name_lt"] == "Maisto klasteris"
    assert english["ETag"] != lithuanian["ETag"]
    refused = client.get(CLUSTERS, {"lang": "xx"}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.json() == {"lang": ["Choose one of: lt, en."]}


def test_links_lead_to_the_api_record_and_the_public_profile(client):
    ClusterFactory(slug="food")
    data = client.get(CLUSTERS + "food/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert data["url"] == "http://testserver/api/v1/clusters/food/"
    assert data["profile_url"].endswith("/clusters/food/")
    assert client.get(data["profile_url"]).status_code == 200


def test_unpublished_clusters_are_not_shown(client):
    ClusterFactory(slug="draft", status=Cluster.Status.DRAFT)
    assert client.get(CLUSTERS + "draft/").status_code == 404
    assert client.get(CLUSTERS).json()["count"] == 0


def test_a_detail_answers_304_while_the_copy_is_current(client):
    cluster = ClusterFactory(slug="food")
    first = client.get(CLUSTERS + "food/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert modified == http_date(int(cluster.updated_at.timestamp()))
    unchanged = client.get(CLUSTERS + "food/", HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged["ETag"] == etag
    assert client.get(CLUSTERS + "food/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

    LabelFactory(cluster=cluster)  # the label is part of the cluster's representation
    changed = client.get(CLUSTERS + "food/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag

    later = timezone.now() + datetime.timedelta(seconds=5)
    Cluster.objects.filter(pk=cluster.pk).update(updated_at=later)
    assert client.get(CLUSTERS + "food/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 200


def test_the_list_runs_the_same_queries_for_5_or_50_clusters(client, django_assert_max_num_queries):
    vilnius = Region.objects.get(code="LT-57")
    for _number in range(50):
        cluster = ClusterFactory(municipality=vilnius)
        cluster.sectors.set(Sector.objects.all()[:2])
        cluster.ecosystems.set(Ecosystem.objects.all()[:2])
        LabelFactory(cluster=cluster)
        LabelFactory(cluster=cluster, kind=Label.Kind.SILVER, awarded_on=datetime.date(2020, 1, 1))
    client.get(CLUSTERS)  # the day's member counts, computed once
    with django_assert_max_num_queries(12) as small:
        assert len(client.get(CLUSTERS, {"page_size": 5}).json()["results"]) == 5
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(client.get(CLUSTERS, {"page_size": 50}).json()["results"]) == 50
