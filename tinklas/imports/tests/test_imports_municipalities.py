"""Municipalities as people write them in member lists: the register's abbreviated forms,
full names, the place alone, with or without accents, in any case, or the ISO 3166-2 code. A
place that is both a city and a district municipality is refused with both named."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from tinklas.accounts.tests.factories import cluster_manager
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.imports.tests.builders import company_code, csv_file, last_run, row_result, upload
from tinklas.imports.values import CellError, Vocabularies
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import Region

pytestmark = pytest.mark.django_db

# The register's own list of municipalities (read-only research data, not in the project).
REAL_MUNICIPALITIES = (
    Path(__file__).resolve().parents[4] / "shared/research-data/admin/lt_municipalities.csv"
)


@pytest.fixture
def vocabularies() -> Vocabularies:
    return Vocabularies()


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Vilniaus m. sav.", "LT-57"),
        ("Vilniaus r. sav.", "LT-58"),
        ("Jonavos r. sav.", "LT-10"),
        ("Vilniaus miesto savivaldybė", "LT-57"),
        ("Kauno rajono savivaldybė", "LT-16"),
        ("KAUNO RAJONO SAVIVALDYBE", "LT-16"),
        ("vilniaus m.sav.", "LT-57"),
        ("Vilniaus m", "LT-57"),
        ("Vilniaus rajonas", "LT-58"),
        ("Šiaulių m. sav.", "LT-43"),
        ("Siauliu m. sav.", "LT-43"),
        ("Panevėžio r. sav.", "LT-33"),
        ("Birštono sav.", "LT-05"),
        ("Kazlų Rūdos sav.", "LT-17"),
        ("Jonava", "LT-10"),
        ("Jonavos", "LT-10"),
        ("Kazlu Ruda", "LT-17"),
        ("Klaipėda city", "LT-20"),
        ("Alytus district municipality", "LT-03"),
        ("Vilnius city municipality", "LT-57"),
        ("LT-57", "LT-57"),
        ("lt-58", "LT-58"),
    ],
)
def test_a_municipality_is_read_in_the_forms_people_write(vocabularies, written, code):
    assert vocabularies.municipality(written).code == code


def test_every_municipality_is_read_as_the_register_of_municipalities_writes_it(vocabularies):
    if not REAL_MUNICIPALITIES.exists():
        pytest.skip("the research data are not on this machine")
    with REAL_MUNICIPALITIES.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 60
    read = {row["name"]: vocabularies.municipality(row["name"]).code for row in rows}
    assert read == {row["name"]: row["iso_3166_2"] for row in rows}


@pytest.mark.parametrize(
    ("written", "first", "second"),
    [
        ("Vilnius", "LT-57", "LT-58"),
        ("vilniaus", "LT-57", "LT-58"),
        ("Kaunas", "LT-15", "LT-16"),
        ("Šiauliai", "LT-43", "LT-44"),
        ("Panevėžys", "LT-32", "LT-33"),
        ("Vilniaus savivaldybė", "LT-57", "LT-58"),
    ],
)
def test_a_place_of_a_city_and_a_district_municipality_names_both(
    vocabularies, written, first, second
):
    with pytest.raises(CellError) as refusal:
        vocabularies.municipality(written)
    names = {code: Region.objects.get(code=code).name for code in (first, second)}
    assert str(refusal.value) == (
        f"{written} could be {names[first]} ({first}) or {names[second]} ({second}): write which."
    )


def test_the_ambiguity_is_told_in_the_uploaders_language(vocabularies):
    with translation.override("lt"), pytest.raises(CellError) as refusal:
        vocabularies.municipality("Vilnius")
    message = str(refusal.value)
    assert "Vilniaus miesto savivaldybė (LT-57)" in message
    assert "Vilniaus rajono savivaldybė (LT-58)" in message


def test_a_municipality_of_another_country_is_not_taken_for_the_row_country(vocabularies):
    with pytest.raises(CellError) as refusal:
        vocabularies.municipality("Vilniaus m. sav.", "LV")
    assert str(refusal.value) == (
        "No municipalities of LV are registered on the site: leave the cell empty."
    )
    with pytest.raises(CellError) as unknown:
        vocabularies.municipality("Vilniaus apskritis", "LT")
    assert str(unknown.value).startswith("No municipality Vilniaus apskritis: give its ISO")


def test_another_countrys_names_are_read_by_the_same_rules(vocabularies):
    """Nothing in the reading is Lithuanian but the table of words: a country's regions
    stored with names in the site's languages are found by their names and places."""
    Region.objects.create(
        code="LV-RIX",
        country="LV",
        kind=Region.Kind.MUNICIPALITY,
        name_en="Rīga city municipality",
        name_lt="Rygos miesto savivaldybė",
    )
    latvian = Vocabularies()
    assert latvian.municipality("Riga", "LV").code == "LV-RIX"
    assert latvian.municipality("Rygos m. sav.", "LV").code == "LV-RIX"
    assert latvian.municipality("lv-rix").code == "LV-RIX"


def test_a_member_list_reads_municipalities_as_written(client):
    cluster = ClusterFactory(name="Food cluster")
    client.force_login(cluster_manager(cluster))
    content = csv_file(
        [
            {
                "name": "UAB Sostinė",
                "company_code": company_code("30000001"),
                "municipality": "Vilniaus m. sav.",
                "joined_on": "2025-01-01",
            },
            {
                "name": "UAB Užmiestis",
                "company_code": company_code("30000002"),
                "municipality": "Vilnius",
                "joined_on": "2025-01-01",
            },
        ]
    )
    upload(client, cluster, content)

    run = last_run()
    assert row_result(run, 3)["errors"] == [
        {
            "column": "municipality",
            "message": "Vilnius could be Vilnius city municipality (LT-57) or Vilnius district "
            "municipality (LT-58): write which.",
        }
    ]
    page = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert "Vilnius could be Vilnius city municipality (LT-57)" in page

    corrected = content.decode().replace(",Vilnius,", ",Vilniaus r. sav.,").encode()
    upload(client, cluster, corrected)
    client.post(reverse("imports:commit", args=[last_run().pk]))
    places = dict(Organisation.objects.values_list("name", "municipality__code"))
    assert places == {"UAB Sostinė": "LT-57", "UAB Užmiestis": "LT-58"}
