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


@pytest.fixture
def open_data_zips():  # type: ignore[no-untyped-def]
    """The names of the open-data zips kept so far (language, day and registry version in
    each), read through the default storage, whatever the storage is."""
    from django.core.files.storage import default_storage

    def names() -> list[str]:
        try:
            return sorted(default_storage.listdir("open-data")[1])
        except FileNotFoundError:  # nothing saved yet
            return []

    return names


@pytest.fixture(autouse=True)
def english_messages():  # type: ignore[no-untyped-def]
    """Tests read messages in English; pages choose their language from the URL."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def open_data(client):  # type: ignore[no-untyped-def]
    """Downloads today's open-data zip as a visitor would: its files' rows by file name."""
    import csv
    import io
    import zipfile

    from django.urls import reverse

    def download() -> dict[str, list[dict[str, str]]]:
        response = client.get(reverse("opendata:archive"))
        assert response.status_code == 200
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        return {
            name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
            for name in archive.namelist()
            if name.endswith(".csv")
        }

    return download


@pytest.fixture
def key_figures():  # type: ignore[no-untyped-def]
    """Today's key figures as the home and network pages show them (cached)."""
    from django.utils import timezone

    from tinklas.network import figures

    return lambda: figures.overview(timezone.localdate()).figures


@pytest.fixture
def network():  # type: ignore[no-untyped-def]
    """The association, as its staff describe it in the administration before anything else."""
    from tinklas.network.models import Network

    return Network.objects.create(name="Klasterių tinklas", founded_on=datetime.date(2020, 5, 27))
