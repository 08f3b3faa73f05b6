"""A new cluster from application to directory: a person signs in, fills the application
step by step while the eligibility checklist follows the form, submits it; a staff member
signs in with a second factor and approves it; the new manager edits the profile from the
approval email; the public directory finds the cluster."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.core import mail
from playwright.sync_api import Browser, Page, expect
from stdnum.lt import pvm

from tinklas.accounts.people import add_authenticator_app, create_person
from tinklas.accounts.tests.factories import PASSWORD, person

pytestmark = pytest.mark.browser

CLUSTER_NAME = "Amber Coast Robotics Cluster"
# Demo organisations have codes beginning with 30; these are free.
NEW_MEMBERS = [
    ("Gintaro robotai UAB", "company"),
    ("Jūros automatika UAB", "company"),
    ("Klaipėdos mechatronikos centras", "research"),
    ("Pajūrio inžinerija UAB", "company"),
    ("Vakarų technologijų institutas", "research"),
]


def company_code(number: int) -> str:
    first = f"19{number:06d}"
    return first + pvm.calc_check_digit(first)


def sign_in(page: Page, site: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{site}/en/accounts/login/")
    page.locator("main input[name=login]").fill(email)
    page.locator("main input[name=password]").fill(PASSWORD)
    page.locator("main button[type=submit]").click()


def checklist(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("#eligibility-checklist")


def test_a_cluster_applies_is_approved_and_is_listed(
    demo_site: str, page: Page, browser_errors: list[str], screenshot_directory: Path
) -> None:
    from tinklas.organisations.models import Organisation

    def shoot(name: str) -> None:
        page.screenshot(path=screenshot_directory / f"application-{name}.png", full_page=True)

    def shoot_in_lithuanian(name: str) -> None:
        english = page.url
        page.goto(english.replace("/en/", "/lt/", 1))
        shoot(f"{name}-lt")
        page.goto(english)

    page.set_viewport_size({"width": 1280, "height": 900})
    registered = Organisation.objects.exclude(company_code="").order_by("name").first()
    assert registered is not None
    applicant = person("applicant@example.org", full_name="Aistė Jankauskienė")
    secret = generate_totp_secret()
    reviewer = create_person("reviewer@example.org", PASSWORD, "Irma Reviewer", is_staff=True)
    add_authenticator_app(reviewer, secret)

    # The applicant signs in and starts an application.
    sign_in(page, demo_site, applicant.email)
    expect(page.locator("header")).to_contain_text("Aistė")
    page.goto(f"{demo_site}/en/applications/new/")
    page.get_by_role("button", name="Start the application").click()
    expect(page).to_have_url(re.compile(r"/en/applications/\d+/cluster/$"))
    expect(page.locator('[aria-current="step"]')).to_have_text("1. Cluster")

    # Step 1: the cluster; the website item of the checklist follows the field.
    expect(checklist(page)).to_contain_text("A website")
    page.get_by_label("Cluster name").fill(CLUSTER_NAME)
    page.get_by_label("Acronym").fill("ACRC")
    page.get_by_label("Description").fill("Robot makers and integrators of the Baltic coast.")
    page.get_by_label("Website").fill("https://amber-robotics.example.org")
    page.get_by_label("Website").blur()
    expect(checklist(page)).to_contain_text("https://amber-robotics.example.org")
    expect(checklist(page)).to_contain_text("Includes changes not saved yet.")
    page.locator("fieldset").first.locator("input[type=checkbox]").first.check()
    page.get_by_label("Municipality").select_option(index=3)
    shoot("1-cluster")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("main")).to_contain_text("The draft is saved.")
    shoot_in_lithuanian("1-cluster")
    page.get_by_role("button", name="Save and continue").click()

    # Step 2: management; the management team is checked against 0.5 FTE as it is typed.
    expect(page.locator('[aria-current="step"]')).to_have_text("2. Management")
    page.get_by_label("Coordinating organisation").fill(NEW_MEMBERS[0][0])
    page.get_by_label("Coordinator's company code").fill(company_code(1))
    page.get_by_label("Management team (FTE)").fill("0.4")
    page.get_by_label("Management team (FTE)").blur()
    expect(checklist(page)).to_contain_text("0.4 of 0.5 FTE")
    page.get_by_label("Contact person").fill("Aistė Jankauskienė")
    page.get_by_label("Contact email").fill("aiste@amber-robotics.example.org")
    shoot("2-management")
    page.get_by_role("button", name="Save and continue").click()

    # Step 3: members, one row at a time; a wrong code is named, a known one is recognised.
    expect(page.locator('[aria-current="step"]')).to_have_text("3. Members")
    expect(checklist(page)).to_contain_text("0 of 5 members")

    def add_member(name: str, code: str, kind: str) -> None:
        page.get_by_label("Name").fill(name)
        page.get_by_label("Company code").fill(code)
        page.get_by_label("Kind").select_option(kind)
        page.get_by_role("button", name="Add member").click()

    add_member("Wrong Code UAB", "190000010", "company")
    expect(page.locator("#error-summary")).to_contain_text("Company code")
    expect(page.locator("#id_company_code_error")).to_have_text(
        "The check digit of this Lithuanian company code is wrong."
    )
    shoot("3-members-error")
    add_member(registered.name, registered.company_code, registered.kind)
    expect(page.locator("main table")).to_contain_text("in the registry")
    for number, (name, kind) in enumerate(NEW_MEMBERS, start=1):
        add_member(name, company_code(number), kind)
        expect(page.locator("main table")).to_contain_text(name)
    expect(checklist(page)).to_contain_text("6 of 5 members")
    expect(checklist(page)).to_contain_text("6 of 15 members")

    # The live checklist counts a member being typed, before it is added.
    page.get_by_label("Name").fill("Uosto logistika UAB")
    page.get_by_label("Company code").fill(company_code(9))
    page.get_by_label("Kind").select_option("company")
    expect(checklist(page)).to_contain_text("7 of 15 members")
    shoot("3-members-preview")
    page.get_by_role("button", name="Add member").click()
    expect(page.locator("main")).to_contain_text("Uosto logistika UAB is added.")
    shoot("3-members")
    shoot_in_lithuanian("3-members")
    page.get_by_role("button", name="Save and continue").click()

    # Step 4: the summary, then submit.
    expect(page.locator('[aria-current="step"]')).to_have_text("4. Review and submit")
    expect(page.locator("main")).to_contain_text("7 members")
    shoot("4-review")
    shoot_in_lithuanian("4-review")
    page.get_by_role("button", name="Submit the application").click()
    expect(page.locator("main .alert-info")).to_contain_text("Submitted on")
    shoot("5-submitted")
    assert {message.to[0] for message in mail.outbox} >= {applicant.email, reviewer.email}

    # A staff member signs in with password and authenticator code, and approves.
    sign_in(page, demo_site, reviewer.email)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    page.locator("main input[name=code]").fill(code)
    page.get_by_role("button", name="Sign in", exact=False).first.click()
    expect(page.locator("header")).to_contain_text("Irma")
    page.goto(f"{demo_site}/en/review/applications/")
    row = page.locator("main tr", has_text=CLUSTER_NAME)
    expect(row).to_contain_text("7")
    expect(row).to_contain_text("2 of 4 criteria met")
    shoot("6-queue")
    shoot_in_lithuanian("6-queue")
    row.get_by_role("link", name=CLUSTER_NAME).click()
    expect(page.locator("h1")).to_contain_text(CLUSTER_NAME)
    shoot("7-review")
    shoot_in_lithuanian("7-review")
    page.get_by_role("button", name="Approve and register").click()
    expect(page.locator("main .alert-success")).to_contain_text("approved")
    shoot("8-approved")

    # The new manager follows the approval email's link to the edit page.
    approval = next(message for message in mail.outbox if "is registered" in message.subject)
    assert approval.to == [applicant.email]
    edit_link = re.search(r"http\S+/edit/", approval.body)
    assert edit_link is not None
    sign_in(page, demo_site, applicant.email)
    expect(page.locator("header")).to_contain_text("Aistė")
    page.goto(edit_link.group(0))
    shoot("9-edit")
    english_description = page.get_by_label(re.compile(r"^Description \(English\)"))
    english_description.fill("Robots for ports, shipyards and the food industry of the coast.")
    page.get_by_role("button", name="Save the profile").click()
    expect(page.locator("main")).to_contain_text("The profile is saved.")

    # The public directory lists the new cluster at once, with its English description.
    page.context.clear_cookies()
    page.goto(f"{demo_site}/en/clusters/?q=Amber+Coast")
    expect(page.locator("#results")).to_contain_text(CLUSTER_NAME)
    shoot("10-directory")
    page.locator("#results").get_by_role("link", name=CLUSTER_NAME).click()
    expect(page.locator("main")).to_contain_text("Robots for ports, shipyards")
    expect(page.locator("#members-heading")).to_have_text("7 members")
    assert browser_errors == []


def test_without_javascript_the_checklist_follows_each_save_at_phone_width(
    demo_site: str, browser: Browser, screenshot_directory: Path
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    applicant = person("plain@example.org")
    sign_in(page, demo_site, applicant.email)
    page.goto(f"{demo_site}/en/applications/new/")
    page.get_by_role("button", name="Start the application").click()
    page.get_by_label("Cluster name").fill("Plain Cluster")
    page.get_by_label("Website").fill("plain.example.org")
    expect(checklist(page)).not_to_contain_text("plain.example.org")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("main")).to_contain_text("The draft is saved.")
    expect(checklist(page)).to_contain_text("https://plain.example.org")
    page.screenshot(path=screenshot_directory / "application-phone.png", full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    context.close()
