"""Every main page: static files, console errors (CSP violations among them) and the
layout at phone and desktop widths, with screenshots for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, Response, expect

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/lt/",
    "directory": "/lt/clusters/",
    "profile": "/lt/clusters/smart-food/",
    "organisations": "/lt/organisations/",
    "network": "/lt/network/",
}
CONSOLE_CHECKED_PATHS = ["/lt/", "/en/", *list(PAGES.values())[1:]]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
STATIC_FILES = [
    "/static/bootstrap/css/bootstrap.min.css",
    "/static/bootstrap/js/bootstrap.bundle.min.js",
    "/static/css/tinklas.css",
    "/static/django_htmx/htmx-2.min.js",
]


def horizontal_overflow(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def test_static_files_load_and_pages_log_no_console_errors(
    demo_site: str, page: Page, browser_errors: list[str]
) -> None:
    for path in STATIC_FILES:
        response = page.request.get(f"{demo_site}{path}")
        assert response.status == 200, path

    failed_responses: list[str] = []

    def on_response(response: Response) -> None:
        if response.status >= 400:
            failed_responses.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    for path in CONSOLE_CHECKED_PATHS:
        response = page.goto(f"{demo_site}{path}")
        assert response is not None and response.status == 200, path
        assert "script-src 'self'" in (response.header_value("content-security-policy") or "")
        page.wait_for_load_state("networkidle")
        # Bootstrap's stylesheet is applied: the navigation bar is a flex box.
        display = page.locator("nav.navbar").evaluate(
            "element => getComputedStyle(element).display"
        )
        assert display == "flex", path

    errors = list(browser_errors)
    assert errors == []
    assert failed_responses == []


def test_favicon_is_served(live_server: object, page: Page) -> None:
    response = page.request.get(f"{live_server}/favicon.ico")
    assert response.status == 200


def test_screenshots_and_navigation_at_phone_and_desktop_widths(
    demo_site: str, page: Page, screenshot_directory: Path
) -> None:
    toggler = page.locator(".navbar-toggler")
    desktop_overflow: list[str] = []
    for size_name, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        for page_name, path in PAGES.items():
            page.goto(f"{demo_site}{path}")
            page.wait_for_load_state("networkidle")
            page.screenshot(
                path=screenshot_directory / f"{page_name}-{size_name}.png", full_page=True
            )
            if size_name == "phone":
                expect(toggler).to_be_visible()
            else:
                expect(toggler).to_be_hidden()
                if horizontal_overflow(page) > 1:
                    desktop_overflow.append(f"{page_name}: {horizontal_overflow(page)} px")
    assert desktop_overflow == []

    # At phone width the navigation opens with the toggler, which Bootstrap's script runs.
    page.set_viewport_size(SIZES["phone"])
    page.goto(f"{demo_site}/lt/")
    clusters_link = page.locator("#main-navigation").get_by_role("link", name="Klasteriai")
    expect(clusters_link).to_be_hidden()
    expect(toggler).to_have_attribute("aria-expanded", "false")
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(clusters_link).to_be_visible()
    clusters_link.click()
    expect(page).to_have_url(f"{demo_site}/lt/clusters/")


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(PAGES["home"], id="home"),
        pytest.param(PAGES["directory"], id="directory"),
        pytest.param(PAGES["profile"], id="profile"),
        pytest.param(PAGES["organisations"], id="organisations"),
        pytest.param(PAGES["network"], id="network"),
    ],
)
def test_no_horizontal_scroll_at_phone_width(demo_site: str, page: Page, path: str) -> None:
    page.set_viewport_size(SIZES["phone"])
    page.goto(f"{demo_site}{path}")
    page.wait_for_load_state("networkidle")
    assert horizontal_overflow(page) <= 1
