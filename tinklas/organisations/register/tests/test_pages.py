"""The staff page of the register (upload, loads, totals), who may open it, and the API's
answer for one company code."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tinklas.accounts.tests.factories import cluster_manager, staff
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.organisations.models import LegalEntity, RegisterLoad
from tinklas.organisations.register.tests.register_data import (
    DEREGISTERED_HEADER,
    REGISTERED_HEADER,
    company_code,
    deregistered,
    load,
    register_file,
    registered,
)

pytestmark = pytest.mark.django_db
SILAS = company_code("30000001")
DUONA = company_code("30000002")
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(name, header, lines):
    text = "\n".join([header, *lines]) + "\n"
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_staff_load_two_files_and_see_the_totals_and_the_load(client, settings, storage):
    settings.TASKS = IMMEDIATE
    user = staff()
    client.force_login(user)
    files = [
        upload(
            "JAR_IREGISTRUOTI.csv",
            REGISTERED_HEADER,
            [registered(SILAS), registered(DUONA, status_code="5", status="Bankrutuojantis")],
        ),
        upload(
            "JAR_ISREGISTRUOTI.csv", DEREGISTERED_HEADER, [deregistered(company_code("30000003"))]
        ),
    ]
    response = client.post(
        reverse("organisations:register"), {"register_files": files}, follow=True
    )
    page = response.content.decode()
    assert "The files are loaded." in page
    assert LegalEntity.objects.count() == 3
    load_row = page[page.index('data-testid="register-load"') :]
    assert user.email in load_row
    assert "JAR_IREGISTRUOTI.csv: 2 rows — 2 new, 0 updated, 0 unchanged" in load_row
    assert "registered entities" in load_row and "deregistered entities" in load_row
    totals = page[page.index('data-testid="register-totals"') :]
    assert "Newest extract: 2026-11-01" in totals
    assert 'Bankruptcy</th><td class="text-end">1</td>' in totals
    assert not any(path.is_file() for path in storage.rglob("*"))  # the uploads are gone


def test_an_unknown_header_is_named_at_once_and_nothing_is_stored(client, settings, storage):
    settings.TASKS = IMMEDIATE
    client.force_login(staff())
    files = [upload("companies.csv", "code|name", ["1|A"])]
    response = client.post(reverse("organisations:register"), {"register_files": files})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Register files</a>: companies.csv: The first line is not a header" in page
    assert not RegisterLoad.objects.exists()
    assert not storage.exists()


def test_a_bad_row_refuses_the_load_and_names_the_line(client, settings, storage):
    settings.TASKS = IMMEDIATE
    client.force_login(staff())
    files = [
        upload(
            "JAR_IREGISTRUOTI.csv",
            REGISTERED_HEADER,
            [registered(SILAS), registered(DUONA, extract="2026-11-31")],
        )
    ]
    page = client.post(reverse("organisations:register"), {"register_files": files}, follow=True)
    text = page.content.decode()
    assert "The files were refused: nothing was written." in text
    assert "1 problem: nothing was written." in text
    assert "JAR_IREGISTRUOTI.csv, line 3: formavimo_data: 2026-11-31 is not a date" in text
    assert not LegalEntity.objects.exists()


def test_a_queued_load_waits_for_the_worker_and_the_page_follows_it(client, settings, storage):
    settings.TASKS = QUEUE
    client.force_login(staff())
    files = [upload("JAR_IREGISTRUOTI.csv", REGISTERED_HEADER, [registered(SILAS)])]
    page = client.post(reverse("organisations:register"), {"register_files": files}, follow=True)
    text = page.content.decode()
    assert "the load runs in the background" in text
    assert "Waiting for the worker" in text
    assert 'hx-trigger="every 3s"' in text
    assert len([path for path in storage.rglob("*") if path.is_file()]) == 1
    fragment = client.get(reverse("organisations:register"), headers={"HX-Request": "true"})
    assert fragment.content.decode().lstrip().startswith('<div id="register-loads"')


@pytest.mark.parametrize("name", ["organisations:register", "clusters:register-report"])
def test_the_register_pages_are_for_staff_only(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(cluster_manager(ClusterFactory()))
    assert client.get(reverse(name)).status_code == 403
    assert client.post(reverse(name)).status_code == 403


def test_the_api_gives_an_entity_by_its_code(client, tmp_path):
    load(
        register_file(
            tmp_path / "JAR_ISREGISTRUOTI.csv",
            DEREGISTERED_HEADER,
            [deregistered(SILAS, 'UAB "Šilas"', deregistered_on="2026-06-30")],
        )
    )
    response = client.get(f"/api/v1/legal-entities/{SILAS}/")
    assert response.status_code == 200
    assert response.json() == {
        "code": SILAS,
        "name": 'UAB "Šilas"',
        "legal_form": "Uždaroji akcinė bendrovė",
        "registered_on": "2001-02-03",
        "status": "deregistered",
        "status_name": "Išregistruotas",
        "status_since": "2026-06-30",
        "deregistered_on": "2026-06-30",
    }
    assert LegalEntity.objects.get().deregistered_on == datetime.date(2026, 6, 30)


def test_the_api_answers_an_unknown_code_with_404_and_a_malformed_one_with_400(client):
    unknown = client.get(f"/api/v1/legal-entities/{DUONA}/", HTTP_ACCEPT_LANGUAGE="en")
    assert unknown.status_code == 404
    assert unknown.json() == {"detail": "No legal entity with this code is in the register."}
    malformed = client.get("/api/v1/legal-entities/12AB/", HTTP_ACCEPT_LANGUAGE="en")
    assert malformed.status_code == 400
    assert "digits only" in malformed.json()["detail"]


def test_a_file_over_the_size_limit_is_named_with_the_limit_and_nothing_is_stored(
    client, settings, storage
):
    settings.TASKS = IMMEDIATE
    settings.TINKLAS_REGISTER_MAX_BYTES = 200
    client.force_login(staff())
    files = [upload("JAR_IREGISTRUOTI.csv", REGISTERED_HEADER, [registered(SILAS)] * 3)]
    response = client.post(reverse("organisations:register"), {"register_files": files})
    page = response.content.decode()
    assert response.status_code == 200
    assert "JAR_IREGISTRUOTI.csv: The file is " in page
    assert "; at most 200\xa0bytes is accepted. Split it into smaller files." in page
    assert not RegisterLoad.objects.exists()
    assert not storage.exists()


def test_a_file_whose_lines_end_in_a_carriage_return_alone_is_named_at_once(
    client, settings, storage
):
    settings.TASKS = IMMEDIATE
    client.force_login(staff())
    text = "\r".join([DEREGISTERED_HEADER, deregistered(SILAS), deregistered(DUONA)])
    files = [SimpleUploadedFile("JAR_ISREGISTRUOTI.csv", text.encode(), "text/csv")]
    response = client.post(reverse("organisations:register"), {"register_files": files})
    assert response.status_code == 200
    assert (
        "JAR_ISREGISTRUOTI.csv: The first line holds a carriage return (CR) before its end"
        in response.content.decode()
    )
    assert not RegisterLoad.objects.exists()


def test_every_problem_of_a_load_is_shown_in_the_language_of_the_page(client, settings, storage):
    """A load started on the Lithuanian page, then read by staff on the English one."""
    settings.TASKS = IMMEDIATE
    client.force_login(staff())
    files = [
        upload(
            "JAR_IREGISTRUOTI.csv",
            REGISTERED_HEADER,
            [registered(SILAS), registered(SILAS, extract="2026-11-31")],
        )
    ]
    english_page = reverse("organisations:register")
    with translation.override("lt"):
        lithuanian_page = reverse("organisations:register")
    assert (english_page[:4], lithuanian_page[:4]) == ("/en/", "/lt/")
    client.post(lithuanian_page, {"register_files": files})
    assert RegisterLoad.objects.get().language == "lt"

    english = client.get(english_page).content.decode()
    assert "2 problems: nothing was written." in english
    assert (
        "JAR_IREGISTRUOTI.csv, line 3: formavimo_data: 2026-11-31 is not a date (YYYY-MM-DD)."
        in english
    )
    assert (
        f"JAR_IREGISTRUOTI.csv, line 3: ja_kodas: the code {SILAS} is on line 2 and again on "
        "line 3." in english
    )
    assert "eilut" not in english

    lithuanian = client.get(lithuanian_page).content.decode()
    assert "JAR_IREGISTRUOTI.csv, 3 eilutė: formavimo_data: 2026-11-31 nėra data" in lithuanian
    assert f"ja_kodas: kodas {SILAS} yra 2 eilutėje ir dar kartą 3 eilutėje." in lithuanian
    assert "is not a date" not in lithuanian and "again on line" not in lithuanian
