"""The API's documentation in a browser: Swagger UI under the site's Content-Security-Policy
(its files from this site only, no inline script or style, no violation reported) drawing
every operation and sending a request, and the links between it and the reference page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

pytestmark = pytest.mark.browser

SWAGGER = "/api/docs/swagger/"
# Reported to the page's console by a listener installed before any script of the page runs.
VIOLATION_REPORTER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.warn(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


def test_swagger_ui_runs_under_the_content_security_policy(
    demo_site: str, page: Page, browser_errors: list[str], screenshot_directory: Path
) -> None:
    violations: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.text.startswith("CSP violation"):
            violations.append(message.text)

    page.on("console", on_console)
    page.add_init_script(VIOLATION_REPORTER)
    origins: set[str] = set()
    page.on("request", lambda request: origins.add(urlsplit(request.url).netloc))

    response = page.goto(f"{demo_site}{SWAGGER}?lang=en")
    assert response is not None and response.status == 200
    policy = response.header_value("content-security-policy") or ""
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy

    # Every operation of the schema is drawn.
    schema = page.request.get(f"{demo_site}/api/schema/?format=json").json()
    operations = sum(len(methods) for methods in schema["paths"].values())
    expect(page.locator(".opblock")).to_have_count(operations)
    assert operations >= 20

    # A request sent from the page: the published clusters of the demo network.
    page.locator(".opblock-summary", has_text="/api/v1/clusters/").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    status = page.locator(".live-responses-table tbody .response-col_status").first
    expect(status).to_have_text("200")
    expect(page.locator(".live-responses-table .microlight").first).to_contain_text('"count": 57')
    page.screenshot(path=screenshot_directory / "api-swagger.png", full_page=False)

    assert origins == {urlsplit(demo_site).netloc}  # nothing from a CDN or validator
    assert violations == []
    assert list(browser_errors) == []


def test_the_reference_page_and_swagger_ui_link_to_each_other(demo_site: str, page: Page) -> None:
    page.goto(f"{demo_site}/api/docs/?lang=lt")
    page.locator(f"a[href^='{SWAGGER}']").click()
    expect(page).to_have_url(f"{demo_site}{SWAGGER}?lang=lt")
    expect(page.locator("html")).to_have_attribute("lang", "lt")
    expect(page.locator("#swagger-ui")).to_have_attribute("lang", "en")
    page.locator("header a[href^='/api/docs/?']").click()
    expect(page).to_have_url(f"{demo_site}/api/docs/?lang=lt")
    expect(page.locator("h1")).to_be_visible()
