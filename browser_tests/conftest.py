"""Fixtures of the browser tests: headless Debian Chromium against a live server that
holds the demo network."""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import ConsoleMessage, Page

# Playwright's sync API runs an event loop in the test thread; Django refuses database
# access from such a thread unless told that it is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOT_DIRECTORY = Path(__file__).resolve().parent.parent / "test-results" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGUMENTS,
        "headless": True,
    }


@pytest.fixture(scope="session", autouse=True)
def reference_data(django_db_setup: None, django_db_blocker: Any) -> str:
    """The vocabularies that the taxonomy migrations load, serialized before the first
    test (and its flush) runs; autouse so that the order of tests does not matter."""
    from django.apps import apps
    from django.core import serializers

    from tinklas.taxonomy.models import Region

    with django_db_blocker.unblock():
        assert Region.objects.exists(), "The test database lacks the migrations' data."
        models = apps.get_app_config("taxonomy").get_models()
        return serializers.serialize(
            "json", chain.from_iterable(model.objects.order_by("pk") for model in models)
        )


@pytest.fixture
def demo_site(
    reference_data: str, transactional_db: None, live_server: Any, demo_today: Any
) -> str:
    """The live server's address, with the demo network in its database.

    Live-server tests flush every table after each test, the vocabularies of the data
    migrations too, so they are loaded again first. (Serialized rollback cannot do it:
    Playwright's event loop gives the test a new connection object, which lacks the
    serialized contents.)"""
    from django.conf import settings
    from django.core import serializers
    from django.db import transaction
    from django.utils import translation

    from tinklas.demo.builder import build_demo_network
    from tinklas.taxonomy.models import Region

    # Like the migrations and `manage.py seed_demo`, in the default language (the root
    # conftest activates English for every test).
    with translation.override(settings.LANGUAGE_CODE):
        if not Region.objects.exists():
            with transaction.atomic():
                for deserialized in serializers.deserialize("json", reference_data):
                    deserialized.save()
        build_demo_network(demo_today)
    return str(live_server.url)


@pytest.fixture(scope="session")
def screenshot_directory() -> Path:
    SCREENSHOT_DIRECTORY.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIRECTORY


@pytest.fixture
def browser_errors(page: Page) -> Iterator[list[str]]:
    """Console errors and uncaught exceptions of the page, as text."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    yield errors
