"""The reference vocabularies loaded by the data migration are complete and correct."""

import csv
from pathlib import Path

import pycountry
import pytest

from tinklas.taxonomy.models import Ecosystem, NaceActivity, Region, Sector

pytestmark = pytest.mark.django_db

REPOSITORY = Path(__file__).resolve().parents[3]
ADMIN_DATA = REPOSITORY / ".." / "shared" / "research-data" / "admin"


def test_fourteen_ecosystems_and_nine_fields():
    assert Ecosystem.objects.count() == 14
    assert Sector.objects.count() == 9
    for sector in Sector.objects.all():
        assert sector.ecosystems.exists(), sector.slug
    assert set(Sector.objects.get(slug="ict").ecosystems.values_list("slug", flat=True)) == {
        "digital",
        "electronics",
    }


def test_names_are_in_both_languages():
    tourism = Sector.objects.get(slug="tourism")
    assert (tourism.name_en, tourism.name_lt) == ("Tourism", "Turizmas")
    digital = Ecosystem.objects.get(slug="digital")
    assert digital.name_lt == "Skaitmeninė pramonė"


def test_nace_revisions_differ_where_they_should():
    assert NaceActivity.objects.filter(revision="2.0", code="62.01").exists()
    assert not NaceActivity.objects.filter(revision="2.1", code="62.01").exists()
    assert NaceActivity.objects.filter(revision="2.1", code="62.10").exists()
    assert not NaceActivity.objects.filter(revision="2.0", code="62.10").exists()


def test_nace_class_belongs_to_its_division_and_section():
    programming = NaceActivity.objects.get(revision="2.0", code="62.01")
    assert programming.level == NaceActivity.Level.CLASS
    assert programming.section == "J"
    assert programming.parent.code == "62.0"
    assert programming.parent.parent.code == "62"
    assert programming.parent.parent.parent.code == "J"


@pytest.mark.parametrize("revision", ["2.0", "2.1"])
def test_every_nace_class_has_group_division_and_section(revision):
    classes = NaceActivity.objects.filter(revision=revision, level=NaceActivity.Level.CLASS)
    assert classes.count() > 600
    for activity in classes.select_related("parent__parent__parent"):
        group = activity.parent
        assert group is not None and group.level == NaceActivity.Level.GROUP, activity.code
        assert group.revision == revision
        division = group.parent
        assert division is not None and division.level == NaceActivity.Level.DIVISION
        section = division.parent
        assert section is not None and section.level == NaceActivity.Level.SECTION
        assert section.parent is None
        assert activity.section == section.code
        assert activity.code.startswith(division.code)


def test_ten_counties_with_nuts_codes():
    counties = Region.objects.filter(kind=Region.Kind.COUNTY, country="LT")
    assert counties.count() == 10
    assert sorted(counties.values_list("nuts_code", flat=True)) == [
        "LT011",
        *(f"LT02{number}" for number in range(1, 10)),
    ]
    assert all(county.parent is None for county in counties)


def test_sixty_municipalities_each_in_a_county():
    municipalities = Region.objects.filter(kind=Region.Kind.MUNICIPALITY, country="LT")
    assert municipalities.count() == 60
    for municipality in municipalities.select_related("parent"):
        assert municipality.parent is not None, municipality.code
        assert municipality.parent.kind == Region.Kind.COUNTY
        assert municipality.county == municipality.parent
        assert municipality.nuts_code == municipality.parent.nuts_code


def test_vilnius_city_municipality():
    vilnius = Region.objects.get(code="LT-57")
    assert vilnius.name_lt == "Vilniaus miesto savivaldybė"
    assert vilnius.name_en == "Vilnius city municipality"
    assert vilnius.county.code == "LT-VL"
    assert vilnius.nuts_code == "LT011"


def test_regions_match_iso_3166_2_in_pycountry():
    subdivisions = {
        subdivision.code: subdivision
        for subdivision in pycountry.subdivisions.get(country_code="LT")
    }
    counties = Region.objects.filter(kind=Region.Kind.COUNTY)
    assert {county.code for county in counties} == {
        code for code, subdivision in subdivisions.items() if subdivision.type == "County"
    }
    municipalities = Region.objects.filter(kind=Region.Kind.MUNICIPALITY).select_related("parent")
    assert {municipality.code for municipality in municipalities} == {
        code for code, subdivision in subdivisions.items() if subdivision.parent_code
    }
    for municipality in municipalities:
        assert subdivisions[municipality.code].parent_code == municipality.parent.code, (
            municipality.code
        )


def read_admin_csv(name):
    if not ADMIN_DATA.is_dir():
        pytest.skip(f"The shared research data folder {ADMIN_DATA.resolve()} is absent.")
    with (ADMIN_DATA / name).open(encoding="utf-8-sig", newline="") as source:
        return list(csv.DictReader(source))


def expand_municipality_name(short):
    for abbreviation, full in [
        (" r. sav.", " rajono savivaldybė"),
        (" m. sav.", " miesto savivaldybė"),
        (" sav.", " savivaldybė"),
    ]:
        if short.endswith(abbreviation):
            return short[: -len(abbreviation)] + full
    return short


def test_municipalities_match_the_official_list():
    rows = read_admin_csv("lt_municipalities.csv")
    assert len(rows) == 60
    regions = {
        region.code: region
        for region in Region.objects.filter(kind=Region.Kind.MUNICIPALITY).select_related("parent")
    }
    for row in rows:
        region = regions[row["iso_3166_2"]]
        assert region.name_lt == expand_municipality_name(row["name"]), row["iso_3166_2"]
        assert region.nuts_code == row["nuts3"], row["iso_3166_2"]
        assert region.parent.code == row["county_iso_3166_2"], row["iso_3166_2"]


def test_counties_match_the_official_list():
    rows = read_admin_csv("lt_counties.csv")
    assert len(rows) == 10
    counties = {region.code: region for region in Region.objects.filter(kind="county")}
    for row in rows:
        county = counties[row["iso_3166_2"]]
        assert county.name_lt == row["name"]
        assert county.name_en == row["name_en"]
        assert county.nuts_code == row["nuts3"]
