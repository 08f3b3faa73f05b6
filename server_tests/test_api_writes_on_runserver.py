"""On the development server (`manage.py runserver`, as `make demo` and `make api-contract`
run it), every write of the API that creates a record answers 201 with its address: wsgiref
accepts only plain str header values and answered 500, after the record was written, when
the Location header was the REST framework's link object."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import requests

from server_tests.conftest import Server

STAFF = "staff@example.org"


@pytest.fixture(scope="module")
def staff_token(development_server: Server) -> str:
    return development_server.manage("create_api_token", STAFF, "runserver writes").strip()


def post(server: Server, token: str, path: str, data: dict[str, Any]) -> requests.Response:
    return requests.post(
        server.address + path,
        json=data,
        headers={"Authorization": f"Token {token}", "Accept-Language": "en"},
        timeout=60,
    )


def read(server: Server, path: str, token: str | None = None) -> dict:  # type: ignore[type-arg]
    headers = {"Accept-Language": "en", **({"Authorization": f"Token {token}"} if token else {})}
    response = requests.get(server.address + path, headers=headers, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def assert_created(server: Server, token: str, response: requests.Response) -> dict:  # type: ignore[type-arg]
    """201, and the record staff read at its Location is the one answered."""
    assert response.status_code == 201, response.text[:2000]
    body = response.json()
    assert response.headers["Location"] == body["url"]
    assert read(server, response.headers["Location"].removeprefix(server.address), token) == body
    return body  # type: ignore[no-any-return]


def test_a_new_membership_is_answered_201_with_its_address(
    development_server: Server, staff_token: str
):
    clusters = read(development_server, "/api/v1/clusters/?sort=name&page_size=2")["results"]
    first, second = (cluster["slug"] for cluster in clusters)
    members = read(development_server, f"/api/v1/organisations/?cluster={first}&page_size=100")
    in_first = {organisation["slug"] for organisation in members["results"]}
    others = read(development_server, f"/api/v1/organisations/?cluster={second}&page_size=100")
    newcomer = next(item["slug"] for item in others["results"] if item["slug"] not in in_first)
    response = post(
        development_server,
        staff_token,
        "/api/v1/memberships/",
        {
            "cluster": first,
            "organisation": newcomer,
            "joined_on": datetime.date.today().isoformat(),
            "joined_precision": "day",
        },
    )
    membership = assert_created(development_server, staff_token, response)
    assert membership["organisation"]["slug"] == newcomer


def test_a_new_label_is_answered_201_with_its_address(development_server: Server, staff_token: str):
    cluster = read(development_server, "/api/v1/clusters/?sort=name&page_size=1")["results"][0]
    response = post(
        development_server,
        staff_token,
        "/api/v1/labels/",
        {
            "cluster": cluster["slug"],
            "kind": "silver",
            "issuer": "ESCA",
            "awarded_on": "2025-01-01",
            "valid_until": "2026-12-31",
            "approximate": True,
        },
    )
    label = assert_created(development_server, staff_token, response)
    assert (label["kind"], label["approximate"]) == ("silver", True)


def test_a_new_cluster_and_organisation_are_answered_201_with_their_address(
    development_server: Server, staff_token: str
):
    cluster = post(
        development_server,
        staff_token,
        "/api/v1/clusters/",
        {"name_en": "Runserver Cluster", "founded_on": "2011-01-01", "founded_precision": "year"},
    )
    assert assert_created(development_server, staff_token, cluster)["founded_precision"] == "year"
    organisation = post(
        development_server,
        staff_token,
        "/api/v1/organisations/",
        {"name": "UAB Runserveris", "kind": "company", "country": "LT"},
    )
    assert_created(development_server, staff_token, organisation)
