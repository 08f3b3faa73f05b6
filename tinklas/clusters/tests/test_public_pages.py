"""The public pages answer in both languages on the demo network and show what they should."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tinklas.clusters.models import Cluster
from tinklas.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize("language", ["lt", "en"])
def test_home_shows_the_key_figures(client, demo_network, language):
    page = client.get(url("network:home", language)).content.decode()
    assert re.search(r'data-figure="clusters">57<', page)
    assert re.search(r'data-figure="smes">777<', page)
    assert f'<html lang="{language}">' in page


@pytest.mark.parametrize("language", ["lt", "en"])
def test_every_page_answers_in_both_languages(client, demo_network, language):
    cluster = Cluster.objects.get(acronym="SMART FOOD")
    member = cluster.memberships.exclude(role="coordinator").first().organisation
    pages = [
        url("network:home", language),
        url("clusters:directory", language),
        url("clusters:profile", language, cluster.slug),
        url("clusters:organisation-directory", language),
        url("clusters:organisation", language, member.slug),
        url("network:about", language),
    ]
    for address in pages:
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["Content-Language"] == language


def test_names_follow_the_language(client, demo_network):
    cluster = Cluster.objects.get(acronym="SMART FOOD")
    assert (
        "SMART FOOD klasteris"
        in client.get(url("clusters:profile", "lt", cluster.slug)).content.decode()
    )
    assert (
        "SMART FOOD cluster"
        in client.get(url("clusters:profile", "en", cluster.slug)).content.decode()
    )
    lithuanian = client.get(url("clusters:directory", "lt")).content.decode()
    assert "Rasti 57 klasteriai" in lithuanian  # the interface is translated


def test_the_language_switcher_keeps_the_page_and_query(client, demo_network):
    page = client.get(url("clusters:directory", "lt") + "?q=pieno&sector=agrifood").content.decode()
    assert 'href="/en/clusters/?q=pieno&amp;sector=agrifood"' in page


def result_names(response):
    return [cluster.name for cluster in response.context["page"].object_list]


def test_searching_smart_food_finds_the_cluster_first(client, demo_network):
    response = client.get(url("clusters:directory", "en"), {"q": "smart food"})
    assert result_names(response)[0] == "SMART FOOD cluster"


def test_facets_combine_and_count(client, demo_network):
    response = client.get(
        url("clusters:directory", "en"), {"sector": "agrifood", "county": "LT-VL"}
    )
    clusters = list(response.context["page"].object_list)
    assert clusters
    for cluster in clusters:
        assert "agrifood" in {sector.slug for sector in cluster.sectors.all()}
        assert cluster.municipality.parent.code == "LT-VL"
    facets = {facet.name: facet for facet in response.context["facets"]}
    # A facet's counts apply every other filter: the agri-food count in Vilnius county
    # equals the number of results.
    agrifood = next(value for value in facets["sector"].values if value.value == "agrifood")
    assert agrifood.selected and agrifood.count == len(clusters)
    vilnius = next(value for value in facets["county"].values if value.value == "LT-VL")
    assert vilnius.count == len(clusters)


def test_label_and_member_band_facets(client, demo_network):
    response = client.get(url("clusters:directory", "en"), {"label": "bronze"})
    names = result_names(response)
    assert names and len(names) < 57
    everything = client.get(url("clusters:directory", "en"))
    bands = {facet.name: facet for facet in everything.context["facets"]}["members"]
    assert sum(value.count for value in bands.values) == 57


def test_sorting_by_members_puts_the_largest_first(client, demo_network):
    response = client.get(url("clusters:directory", "en"), {"sort": "members"})
    counts = [cluster.member_count for cluster in response.context["page"].object_list]
    assert counts == sorted(counts, reverse=True)


def test_empty_result_offers_to_drop_filters(client, demo_network):
    response = client.get(url("clusters:directory", "en"), {"q": "zzzzqqq", "sector": "health"})
    page = response.content.decode()
    assert "No cluster matches this search." in page
    assert "Remove the filters" in page


def test_htmx_requests_get_only_the_results(client, demo_network):
    response = client.get(url("clusters:directory", "en"), {"q": "food"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "<html" not in page
    assert 'id="results"' in page
    assert 'hx-swap-oob="true"' in page  # the facets are refreshed too


def test_profile_shows_members_labels_and_json_ld(client, demo_network):
    cluster = Cluster.objects.get(acronym="SMART FOOD")
    response = client.get(url("clusters:profile", "en", cluster.slug))
    page = response.content.decode()
    assert "Micro companies" in page
    assert "Cluster Management Excellence Bronze" in page
    assert "Founding member since 2020-05-27" in page
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    assert data["@type"] == "Organization"
    assert data["name"] == "SMART FOOD cluster"
    assert len(data["member"]) > 10
    assert data["memberOf"][0]["name"] == "Lithuanian Cluster Network"


def test_unpublished_clusters_and_outsiders_are_not_public(client, demo_network):
    cluster = Cluster.objects.get(acronym="SMART FOOD")
    cluster.status = Cluster.Status.DRAFT
    cluster.save()
    assert client.get(url("clusters:profile", "en", cluster.slug)).status_code == 404
    outsider = Organisation.objects.create(name="UAB Niekieno", kind="company")
    assert client.get(url("clusters:organisation", "en", outsider.slug)).status_code == 404


def test_organisation_directory_filters(client, demo_network):
    response = client.get(
        url("clusters:organisation-directory", "en"),
        {"kind": "company", "size": "micro", "county": "LT-VL"},
    )
    organisations = list(response.context["page"].object_list)
    assert organisations
    for organisation in organisations:
        assert organisation.size_class == "micro"
        assert organisation.municipality.parent.code == "LT-VL"
    by_activity = client.get(url("clusters:organisation-directory", "en"), {"activity": "10.5"})
    assert all(
        item.main_activity.code.startswith("10.5")
        for item in by_activity.context["page"].object_list
    )
    by_cluster = client.get(url("clusters:organisation-directory", "en"), {"cluster": "smart-food"})
    assert by_cluster.context["page"].paginator.count >= 30


def test_organisation_page_lists_current_and_past_clusters(client, demo_network):
    former = Organisation.objects.filter(memberships__left_on__isnull=False).first()
    page = client.get(url("clusters:organisation", "en", former.slug)).content.decode()
    assert "Earlier memberships" in page


def test_every_html_page_carries_a_strict_content_security_policy(client, demo_network):
    for address in [
        url("network:home", "lt"),
        url("clusters:directory", "en"),
        url("network:about", "en"),
    ]:
        policy = client.get(address)["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "unsafe-inline" not in policy


def test_searched_organisations_page_through_every_match_once(client, demo_network):
    address = url("clusters:organisation-directory", "en")
    first = client.get(address, {"q": "uab"})
    count = first.context["page"].paginator.count
    seen = []
    for number in range(1, first.context["page"].paginator.num_pages + 1):
        page = client.get(address, {"q": "uab", "sort": "name", "page": number}).context["page"]
        seen += [organisation.name for organisation in page.object_list]
    assert len(seen) == len(set(seen)) == count > 25


def test_network_page_shows_members_by_county(client, demo_network):
    response = client.get(url("network:about", "lt"))
    rows = {
        county.code: (clusters, smes) for county, clusters, smes in response.context["per_county"]
    }
    assert sum(clusters for clusters, _smes in rows.values()) == 57
    assert rows["LT-VL"][0] > rows["LT-AL"][0]
    assert sum(smes for _clusters, smes in rows.values()) <= 777
    names = [county.name for county, _clusters, _smes in response.context["per_county"]]
    assert names.index("Šiaulių apskritis") < names.index("Tauragės apskritis")
