"""The schema as the clients generated from it need it: the same English texts whoever asks,
every field an answer always carries required, null for an empty choice, and filters that
name records by slug or code rather than by today's list of them (read from no database)."""

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import trans_real
from drf_spectacular.drainage import GENERATOR_STATS

from tinklas.common.api.schema import SchemaGenerator
from tinklas.taxonomy.models import Region, Sector

# Filters that name records, by the path of their list.
RECORD_FILTERS = {
    "/api/v1/clusters/": {"sector", "ecosystem", "county"},
    "/api/v1/organisations/": {"county", "cluster"},
}


def generate() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def walk(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, value) pair of the schema, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def texts(schema: dict[str, Any]) -> set[str]:
    return {
        value
        for key, value in walk(schema)
        if key in ("title", "description", "summary") and isinstance(value, str)
    }


def lithuanian_translations() -> set[str]:
    """Every Lithuanian text of the catalogue that differs from its English source."""
    catalogue = trans_real.translation("lt")._catalog  # type: ignore[attr-defined]
    return {
        value
        for key, value in catalogue.items()
        if isinstance(value, str) and isinstance(key, str) and value and value != key
    }


@pytest.mark.django_db
def test_the_schema_reads_no_database(django_assert_num_queries):
    # Not even a view's own queryset: `check --deploy` builds the schema before migrations
    # on a new machine, and a warning there fails the check.
    GENERATOR_STATS.reset()
    with django_assert_num_queries(0):
        schema = generate()
    assert not GENERATOR_STATS, "drf-spectacular warned while building the schema"
    assert schema["paths"]["/api/v1/clusters/"]


@pytest.mark.django_db
def test_filters_naming_records_take_any_slug_or_code_whatever_the_data():
    before = generate()
    for path, names in RECORD_FILTERS.items():
        parameters = {item["name"]: item for item in before["paths"][path]["get"]["parameters"]}
        for name in names:
            assert not [key for key, _value in walk(parameters[name]) if key == "enum"], name
            assert "type" in str(parameters[name]["schema"])
    assert parameters["cluster"]["schema"] == {"type": "string"}
    # A field and a county published tomorrow do not change the schema.
    Sector.objects.create(slug="space", name="Space")
    Region.objects.create(code="LT-99", name="Newcounty", kind=Region.Kind.COUNTY, country="LT")
    assert generate() == before


def test_an_empty_choice_is_null_not_blank():
    schema = generate()
    components = schema["components"]["schemas"]
    assert "BlankEnum" not in components
    assert not [value for key, value in walk(schema) if key == "enum" and "" in value]
    for component in ("Cluster", "PatchedClusterWriteRequest"):
        maturity = components[component]["properties"]["maturity"]
        assert maturity["nullable"] is True
        assert {"$ref": "#/components/schemas/MaturityEnum"} in maturity["oneOf"]
    assert components["Organisation"]["properties"]["size_class"]["nullable"] is True


def test_every_field_an_answer_carries_is_required():
    components = generate()["components"]["schemas"]
    answers = {
        name: component
        for name, component in components.items()
        if "properties" in component and not name.endswith("Request")
    }
    assert {"Cluster", "Organisation", "Membership", "Label", "LegalEntity"} <= set(answers)
    for name, component in answers.items():
        assert set(component["required"]) == set(component["properties"]), name
    assert {"slug", "status", "acronym", "maturity", "website"} <= set(
        components["Cluster"]["required"]
    )
    assert {"count", "next", "previous", "results"} == set(
        components["PaginatedClusterList"]["required"]
    )
    # Writing still requires only what the model needs; ending a membership needs its date.
    assert "acronym" not in components["PatchedClusterWriteRequest"].get("required", [])
    assert components["MembershipEndRequest"]["required"] == ["left_on"]


@pytest.mark.django_db
@pytest.mark.parametrize("asked", [{"HTTP_ACCEPT_LANGUAGE": "lt"}, {"lang": "lt"}])
def test_the_schema_is_english_whatever_language_is_asked_for(client, asked):
    headers = {key: value for key, value in asked.items() if key.startswith("HTTP_")}
    query = {"format": "json", **{k: v for k, v in asked.items() if k == "lang"}}
    schema = json.loads(client.get("/api/schema/", query, **headers).content)
    english = json.loads(
        client.get("/api/schema/", {"format": "json"}, HTTP_ACCEPT_LANGUAGE="en").content
    )
    assert schema == english
    assert not texts(schema) & lithuanian_translations()
    cluster = schema["components"]["schemas"]["Cluster"]["properties"]
    assert cluster["name_lt"]["title"] == "Name [lt]"
    assert cluster["management_fte"]["title"] == "Management team (FTE)"
    summaries = {
        operation["summary"]
        for methods in schema["paths"].values()
        for operation in methods.values()
    }
    assert "List the published clusters" in summaries


def test_the_spectacular_command_writes_english_too(tmp_path):
    target = tmp_path / "schema.json"
    with translation.override("lt"):
        call_command(
            "spectacular", "--format", "openapi-json", "--file", str(target), "--lang", "lt"
        )
    schema = json.loads(target.read_text())
    assert not texts(schema) & lithuanian_translations()
    assert schema == json.loads(json.dumps(generate()))
