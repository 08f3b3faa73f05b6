"""The API's OpenAPI schema, its documentation page and its throttles."""

import json

import pytest
import yaml
from django.core.cache import cache
from django.urls import URLPattern, get_resolver
from drf_spectacular.validation import validate_schema

from tinklas.accounts.tests.factories import person
from tinklas.accounts.tokens import create_token
from tinklas.common.api.schema import SchemaGenerator

pytestmark = pytest.mark.django_db


def api_routes() -> set[str]:
    """The addresses of every REST framework view under /api/v1/ (each app's API URL
    module is included there), as the schema writes them."""
    routes = set()
    for included in get_resolver().url_patterns:
        if str(included.pattern) != "api/v1/":
            continue
        for pattern in included.url_patterns:
            assert isinstance(pattern, URLPattern)
            if not hasattr(pattern.callback, "cls"):
                continue
            route = str(pattern.pattern)
            for converter in ("slug:", "int:", "str:"):
                route = route.replace("<" + converter, "{")
            routes.add("/api/v1/" + route.replace(">", "}").replace("{pk}", "{id}"))
    return routes


@pytest.fixture
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_the_schema_is_valid_openapi_3_and_lists_every_endpoint(schema):
    validate_schema(schema)  # raises on any violation of the OpenAPI 3 specification
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == api_routes()
    assert len(schema["paths"]) >= 17


def test_every_operation_documents_its_answers(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            name = f"{method.upper()} {path}"
            assert {"400", "401", "429"} <= codes, name
            assert codes & {"200", "201"}, name
            if "{" in path:
                assert "404" in codes, name
            if method == "get" and "{" in path and "legal-entities" not in path:
                assert {"304", "412"} <= codes, name  # (the register's entity is not cached)
            if method in ("post", "patch"):
                assert {"401", "403", "404"} <= codes, name
                assert operation["security"] == [{"tokenAuth": []}, {"cookieAuth": []}], name
            if method == "patch":
                assert "412" in codes, name


def test_filters_are_parameters_with_their_choices(schema):
    parameters = {
        item["name"]: item for item in schema["paths"]["/api/v1/clusters/"]["get"]["parameters"]
    }
    assert {"q", "sort", "sector", "county", "label", "maturity", "members", "page"} <= set(
        parameters
    )
    # Fixed choices are listed; records (fields, counties) are named by slug or code, which
    # tinklas/common/tests/test_api_schema_for_clients.py checks.
    assert "members" in parameters["sort"]["schema"]["enum"]
    assert "mature" in parameters["maturity"]["schema"]["items"]["enum"]
    assert parameters["sector"]["schema"] == {"type": "array", "items": {"type": "string"}}
    assert parameters["sector"]["explode"] is True


def test_the_schema_is_served_as_yaml_or_json(client):
    as_yaml = client.get("/api/schema/")
    assert yaml.safe_load(as_yaml.content)["info"]["title"] == "Tinklas API"
    as_json = client.get("/api/schema/", {"format": "json"})
    assert json.loads(as_json.content)["paths"]["/api/v1/clusters/"]


def test_the_documentation_page_lists_every_endpoint_without_scripts(client, schema):
    response = client.get("/api/docs/", {"lang": "en"})
    page = response.content.decode()
    assert response.status_code == 200
    for path, operations in schema["paths"].items():
        assert path in page
        for method in operations:
            assert f'id="{operations[method]["operationId"]}"' in page
    assert "curl -X PATCH" in page and "Authorization: Token $TINKLAS_TOKEN" in page
    assert "<script>" not in page and " style=" not in page
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    lithuanian = client.get("/api/docs/", {"lang": "lt"}).content.decode()
    assert '<html lang="lt">' in lithuanian


def test_too_many_requests_are_answered_429(client, settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "user": "5/min"},
    }
    answers = [client.get("/api/v1/fields/").status_code for _request in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = client.get("/api/v1/fields/")
    assert int(refused["Retry-After"]) > 0
    # A token has its own, higher allowance.
    _token, key = create_token(person(), "script")
    with_token = [
        client.get("/api/v1/fields/", HTTP_AUTHORIZATION=f"Token {key}").status_code
        for _request in range(6)
    ]
    assert with_token == [200] * 5 + [429]
