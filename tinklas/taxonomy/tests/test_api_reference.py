"""The reference vocabularies through the API: fields, ecosystems, NACE activities and
regions, with their filters and their names in every language."""

import pytest

from tinklas.taxonomy.models import NaceActivity, Region, Sector

pytestmark = pytest.mark.django_db


def test_fields_list_every_field_with_its_ecosystems(client):
    data = client.get("/api/v1/fields/", {"lang": "en"}).json()
    assert data["count"] == Sector.objects.count() > 0
    ict = next(item for item in data["results"] if item["slug"] == "ict")
    assert ict["name"] == ict["name_en"] == "Information and communication technologies"
    assert ict["url"] == "http://testserver/api/v1/fields/ict/"
    assert client.get(ict["url"]).json()["slug"] == "ict"


def test_regions_are_filtered_by_kind_and_county(client):
    counties = client.get("/api/v1/regions/", {"kind": "county"}).json()
    assert counties["count"] == Region.objects.filter(kind="county").count() == 10
    vilnius = client.get("/api/v1/regions/", {"county": "LT-VL", "page_size": 100}).json()
    assert vilnius["count"] == Region.objects.filter(parent__code="LT-VL").count()
    assert {item["parent"] for item in vilnius["results"]} == {"LT-VL"}
    assert client.get("/api/v1/regions/LT-VL/").json()["parent"] is None
    assert client.get("/api/v1/regions/", {"kind": "planet"}).status_code == 400


def test_nace_activities_are_found_by_revision_level_and_code(client):
    data = client.get("/api/v1/nace-activities/", {"revision": "2.1", "code": "62.1"}).json()
    expected = NaceActivity.objects.filter(revision="2.1", code__startswith="62.1").count()
    assert data["count"] == expected > 0
    assert all(item["code"].startswith("62.1") for item in data["results"])
    sections = client.get("/api/v1/nace-activities/", {"level": 1, "revision": "2.1"}).json()
    assert {item["parent"] for item in sections["results"]} == {None}


def test_a_reference_record_answers_304_while_unchanged(client):
    first = client.get("/api/v1/fields/ict/")
    assert "Last-Modified" not in first  # fields keep no time of change: the ETag decides
    again = client.get("/api/v1/fields/ict/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    Sector.objects.filter(slug="ict").update(name_en="ICT")
    changed = client.get("/api/v1/fields/ict/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
