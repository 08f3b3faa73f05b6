"""Any query string gives a normal page, never a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

NASTY_QUERIES = [
    {"q": "x" * 3000},
    {"q": " ".join(["žodis"] * 600)},
    {"q": '"unbalanced'},
    {"q": "***"},
    {"q": "pien*"},
    {"q": "NEAR(a b) OR c AND NOT d"},
    {"q": "name_terms: x"},
    {"q": "a\x00b"},
    {"q": "<script>alert(1)</script>"},
    {"q": "'; DROP TABLE clusters_cluster; --"},
    {"q": "(((("},
    {"q": "-"},
    {"page": "999999999"},
    {"page": "-3"},
    {"page": "abc"},
    {"page": "1e9"},
    {"sector": "no-such-field"},
    {"county": "LT-XX", "label": "platinum", "maturity": "ancient", "members": "∞"},
    {"sort": "drop"},
    {"activity": "%%%"},
    {"kind": "alien", "size": "huge", "cluster": "nope"},
    {"q": "😀🚀"},
]


@pytest.mark.parametrize("page_name", ["clusters:directory", "clusters:organisation-directory"])
def test_bad_query_strings_give_a_normal_page(client, demo_network, page_name):
    for params in NASTY_QUERIES:
        response = client.get(reverse(page_name), params)
        assert response.status_code == 200, params
        text = response.content.decode()
        assert 'data-testid="result-count"' in text, params
        assert "<script>alert(1)</script>" not in text, params


def test_unknown_filter_values_are_reported(client, demo_network):
    response = client.get(reverse("clusters:directory"), {"sector": "no-such-field"})
    assert "were not recognised and were ignored" in response.content.decode()
    assert response.context["page"].paginator.count == 57


def test_a_query_without_words_says_so(client, demo_network):
    response = client.get(reverse("clusters:directory"), {"q": "***"})
    assert "no letters or digits to search for" in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client, demo_network):
    response = client.get(reverse("clusters:directory"), {"page": "999999999"})
    page = response.context["page"]
    assert page.number == page.paginator.num_pages
