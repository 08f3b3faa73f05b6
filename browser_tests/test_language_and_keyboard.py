"""Switching language on the same page, and the directory used with the keyboard only."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# Enough to pass the search form, the sort control and every facet checkbox.
MAXIMUM_TABS_TO_A_RESULT = 80


def english_link(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("header .language-switcher").get_by_role("link", name="EN English")


def test_switching_language_keeps_the_page_and_the_query(
    demo_site: str, page: Page, browser_errors: list[str]
) -> None:
    page.goto(f"{demo_site}/lt/clusters/smart-food/")
    expect(page.locator("html")).to_have_attribute("lang", "lt")
    english_link(page).click()

    expect(page).to_have_url(f"{demo_site}/en/clusters/smart-food/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^SMART FOOD cluster"))
    expect(page.locator("#members-heading")).to_have_text("49 members")
    lithuanian = page.locator("header .language-switcher").get_by_role("link", name="LT")
    expect(lithuanian).to_have_attribute("href", "/lt/clusters/smart-food/")

    page.goto(f"{demo_site}/lt/clusters/?q=pieno")
    english_link(page).click()
    expect(page).to_have_url(f"{demo_site}/en/clusters/?q=pieno")
    expect(page.locator("#search-query")).to_have_value("pieno")
    expect(page.locator("#results")).to_contain_text("Dairy Products Cluster")
    assert browser_errors == []


def test_switching_language_after_a_live_search_keeps_the_query(demo_site: str, page: Page) -> None:
    page.goto(f"{demo_site}/lt/clusters/")
    page.locator("#search-query").fill("pieno")
    expect(page).to_have_url(re.compile(r"[?&]q=pieno(&|$)"))
    expect(page.locator("#results")).to_contain_text("Pieno produktų klasteris")
    english_link(page).click()
    expect(page).to_have_url(re.compile(r"/en/clusters/\?.*q=pieno"), timeout=2000)


def test_keyboard_only_search_and_open_a_profile(
    demo_site: str, page: Page, browser_errors: list[str]
) -> None:
    page.goto(f"{demo_site}/en/clusters/")
    focused = page.locator(":focus")

    page.keyboard.press("Tab")
    expect(focused).to_have_text("Skip to main content")
    expect(focused).to_be_visible()  # visually hidden until it has the focus

    page.keyboard.press("Enter")
    expect(focused).to_have_id("main")

    page.keyboard.press("Tab")
    expect(focused).to_have_id("search-query")
    page.keyboard.type("dairy")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=dairy(&|$)"))
    expect(page.get_by_test_id("result-count")).to_have_text("2 clusters found")
    expect(focused).to_have_id("search-query")

    for _ in range(MAXIMUM_TABS_TO_A_RESULT):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#results .result-card a')"):
            break
    else:
        pytest.fail("No result link was reached with the Tab key.")
    expect(focused).to_have_text("Dairy Products Cluster")

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/clusters/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Dairy Products Cluster"))
    assert browser_errors == []
