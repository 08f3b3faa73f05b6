"""The cluster directory: live search, facets, history and the way to a profile."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

AGRIFOOD = "Agroinovacijos ir maisto technologijos"
VILNIUS_COUNTY = "Vilniaus apskritis"


def result_names(page: Page) -> list[str]:
    return page.locator("#results .result-card h2 a").all_inner_texts()


def test_search_finds_inflected_and_unaccented_lithuanian_words(
    demo_site: str, page: Page, browser_errors: list[str]
) -> None:
    page.goto(f"{demo_site}/lt/clusters/")
    results = page.locator("#results")
    count = page.get_by_test_id("result-count")
    expect(count).to_have_text("Rasti 57 klasteriai")

    # The genitive "pieno" (of milk) finds the dairy cluster and SMART FOOD, whose
    # technologies include "pienas"; htmx swaps the results and pushes the address.
    page.locator("#search-query").press_sequentially("pieno")
    expect(page).to_have_url(re.compile(r"[?&]q=pieno(&|$)"))
    expect(results).to_contain_text("Pieno produktų klasteris")
    expect(results).to_contain_text("SMART FOOD klasteris")
    expect(count).not_to_have_text("Rasti 57 klasteriai")
    assert "Pieno produktų klasteris" in result_names(page)

    # Letters without diacritics find the Šiauliai clusters.
    page.locator("#search-query").fill("siauliu")
    expect(page).to_have_url(re.compile(r"[?&]q=siauliu(&|$)"))
    expect(results).to_contain_text("Šiaulių programinės įrangos klasteris")
    assert "Pieno produktų klasteris" not in result_names(page)

    # The first search stays in the history.
    page.go_back()
    expect(page).to_have_url(re.compile(r"[?&]q=pieno(&|$)"))
    expect(results).to_contain_text("Pieno produktų klasteris")
    assert browser_errors == []


def test_live_search_ranks_name_matches_first(demo_site: str, page: Page) -> None:
    page.goto(f"{demo_site}/lt/clusters/")
    page.locator("#search-query").fill("pieno")
    expect(page).to_have_url(re.compile(r"[?&]q=pieno(&|$)"))
    first_result = page.locator("#results .result-card h2 a").first
    expect(first_result).to_have_text("Pieno produktų klasteris", timeout=2000)


def test_two_facets_combine_and_back_restores_the_previous_state(
    demo_site: str, page: Page, browser_errors: list[str]
) -> None:
    page.goto(f"{demo_site}/lt/clusters/")
    count = page.get_by_test_id("result-count")
    expect(count).to_have_text("Rasti 57 klasteriai")

    page.get_by_role("checkbox", name=AGRIFOOD).check()
    expect(page).to_have_url(re.compile(r"[?&]sector=agrifood(&|$)"))
    expect(count).to_have_text("Rasti 7 klasteriai")
    field_only_names = result_names(page)
    assert "Pieno produktų klasteris" in field_only_names

    page.get_by_role("checkbox", name=VILNIUS_COUNTY).check()
    expect(page).to_have_url(re.compile(r"[?&]county=LT-VL(&|$)"))
    assert "sector=agrifood" in page.url
    expect(count).to_have_text("Rastas 1 klasteris")
    cards = page.locator("#results .result-card")
    expect(cards).to_have_count(1)
    for card in cards.all():
        expect(card).to_contain_text(AGRIFOOD)
        expect(card).to_contain_text(VILNIUS_COUNTY)
    assert result_names(page) == ["SMART FOOD klasteris"]

    page.go_back()
    expect(page).not_to_have_url(re.compile(r"county="))
    expect(page).to_have_url(re.compile(r"[?&]sector=agrifood(&|$)"))
    expect(count).to_have_text("Rasti 7 klasteriai")
    expect(page.get_by_role("checkbox", name=AGRIFOOD)).to_be_checked()
    expect(page.get_by_role("checkbox", name=VILNIUS_COUNTY)).not_to_be_checked()
    assert result_names(page) == field_only_names
    assert browser_errors == []


def test_a_result_opens_the_cluster_profile(
    demo_site: str, page: Page, browser_errors: list[str]
) -> None:
    page.goto(f"{demo_site}/lt/clusters/?q=pieno")
    page.locator("#results").get_by_role("link", name="SMART FOOD klasteris").click()

    expect(page).to_have_url(re.compile(r"/lt/clusters/smart-food/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^SMART FOOD klasteris"))
    expect(page.locator("#members-heading")).to_have_text("49 nariai")
    expect(page.locator(".member-list li").first).to_be_visible()
    assert page.locator(".member-list li").count() > 0

    labels = page.locator("aside li").filter(has_text="ženklas")
    expect(labels.filter(has_text="sidabro")).to_contain_text("galiojantis")
    expect(labels.filter(has_text="bronzos")).to_contain_text("nebegaliojantis")

    json_ld = page.locator('script[type="application/ld+json"]')
    expect(json_ld).to_have_count(1)
    data = json.loads(json_ld.text_content() or "")
    assert data["@type"] == "Organization"
    assert data["name"] == "SMART FOOD klasteris"
    # The data lists the members the page shows (the first of each group).
    assert len(data["member"]) == page.locator(".member-list li").count() > 0
    assert all(member["@type"] == "Organization" for member in data["member"])
    assert [network["name"] for network in data["memberOf"]] == ["Lietuvos klasterių tinklas"]
    assert browser_errors == []
