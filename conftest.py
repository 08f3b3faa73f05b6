"""Shared test fixtures."""

from __future__ import annotations

import datetime

import pytest

DEMO_TODAY = datetime.date(2026, 11, 27)


@pytest.fixture(scope="session")
def demo_today() -> datetime.date:
    return DEMO_TODAY


@pytest.fixture
def demo_network(db, demo_today: datetime.date):  # type: ignore[no-untyped-def]
    """The demo network, built for a fixed date so that figures are reproducible."""
    from tinklas.demo.builder import build_demo_network

    return build_demo_network(demo_today)


@pytest.fixture
def client():  # type: ignore[no-untyped-def]
    """pytest-django's client, signing staff in with both factors (see the class)."""
    from tinklas.accounts.tests.clients import SiteClient

    return SiteClient()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_in_a_temporary_folder(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Files tests write (open-data downloads, uploads) never land in var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def english_messages():  # type: ignore[no-untyped-def]
    """Tests read messages in English; pages choose their language from the URL."""
    from django.utils import translation

    with translation.override("en"):
        yield
