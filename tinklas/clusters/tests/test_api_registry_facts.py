"""The registry's facts as sources give them, through the API: dates with their precision,
reported member counts, the coordinator by name, sources, approximate labels; the staff note
sent to network staff alone; and what staff register with POST (clusters, organisations),
answered 201 with an address they can read back."""

from __future__ import annotations

import datetime
import json

import pytest
from auditlog.models import LogEntry
from django.core.cache import cache

from tinklas.accounts.tests.factories import cluster_manager, staff
from tinklas.accounts.tokens import create_token
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory, LabelFactory, MembershipFactory
from tinklas.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def send(client, method: str, address: str, data: dict, key: str | None = None):  # type: ignore[no-untyped-def]
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"} if key else {}
    return getattr(client, method)(
        address,
        json.dumps(data),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **headers,
    )


def read(client, address: str, key: str | None = None):  # type: ignore[no-untyped-def]
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"} if key else {}
    return client.get(address, HTTP_ACCEPT_LANGUAGE="en", **headers)


@pytest.fixture
def cluster():
    cache.clear()  # no throttle count left over
    return ClusterFactory(
        slug="robotics",
        name_lt="",
        name_en="Baltic Robotics Cluster",
        founded_on=datetime.date(2011, 1, 1),
        founded_precision="year",
        reported_member_count=40,
        reported_members_on=datetime.date(2025, 6, 30),
        coordinator_name="VšĮ Robotikos centras",
        source_urls="https://example.org/a\nhttps://example.org/b",
        staff_note="Ask for the member list.",
    )


@pytest.fixture
def keys(cluster):  # type: ignore[no-untyped-def]
    return {
        "Staff": create_token(staff(), "test")[1],
        "Manager": create_token(cluster_manager(cluster), "test")[1],
    }


def test_a_cluster_carries_its_facts_and_the_staff_note_only_for_staff(client, cluster, keys):
    public = read(client, "/api/v1/clusters/robotics/").json()
    assert {
        name: public[name]
        for name in (
            "founded_on",
            "founded_precision",
            "member_count",
            "reported_member_count",
            "reported_members_on",
            "coordinator",
            "coordinator_name",
            "source_urls",
            "name",
        )
    } == {
        "founded_on": "2011-01-01",
        "founded_precision": "year",
        "member_count": 0,
        "reported_member_count": 40,
        "reported_members_on": "2025-06-30",
        "coordinator": None,
        "coordinator_name": "VšĮ Robotikos centras",
        "source_urls": ["https://example.org/a", "https://example.org/b"],
        "name": "Baltic Robotics Cluster",
    }
    # Without a Lithuanian name, the Lithuanian answer gives the English one.
    assert read(client, "/api/v1/clusters/robotics/?lang=lt").json()["name"] == (
        "Baltic Robotics Cluster"
    )
    listed = read(client, "/api/v1/clusters/").json()["results"]
    for answer in (
        public,
        listed[0],
        read(client, "/api/v1/clusters/robotics/", keys["Manager"]).json(),
    ):
        assert answer["staff_note"] is None
    assert "Ask for the member list" not in read(client, "/api/v1/clusters/").content.decode()
    staff_answer = read(client, "/api/v1/clusters/robotics/", keys["Staff"]).json()
    assert staff_answer["staff_note"] == "Ask for the member list."


def test_labels_and_memberships_carry_their_precision(client, cluster):
    LabelFactory(cluster=cluster, approximate=True)
    MembershipFactory(cluster=cluster, joined_on=datetime.date(2014, 1, 1), joined_precision="year")
    label = read(client, "/api/v1/labels/?cluster=robotics").json()["results"][0]
    assert label["approximate"] is True
    assert read(client, "/api/v1/clusters/robotics/").json()["labels"][0]["approximate"] is True
    membership = read(client, "/api/v1/memberships/?cluster=robotics").json()["results"][0]
    assert (membership["joined_on"], membership["joined_precision"]) == ("2014-01-01", "year")


def test_only_staff_change_the_registrys_own_facts(client, cluster, keys):
    facts = {"reported_member_count": 45, "coordinator_name": "Renamed", "staff_note": "Mine"}
    refused = send(client, "patch", "/api/v1/clusters/robotics/", facts, keys["Manager"])
    assert refused.status_code == 403
    assert "coordinator_name, reported_member_count, staff_note" in refused.json()["detail"]
    assert Cluster.objects.get(slug="robotics").staff_note == "Ask for the member list."
    # The precision of the founding date is the managers' to correct, with the date.
    corrected = send(
        client,
        "patch",
        "/api/v1/clusters/robotics/",
        {"founded_on": "2011-10-01", "founded_precision": "month"},
        keys["Manager"],
    )
    assert corrected.status_code == 200
    assert corrected.json()["founded_precision"] == "month"
    changed = send(
        client,
        "patch",
        "/api/v1/clusters/robotics/",
        {**facts, "source_urls": ["https://example.org/c"]},
        keys["Staff"],
    )
    assert changed.status_code == 200, changed.content
    saved = Cluster.objects.get(slug="robotics")
    assert (saved.reported_member_count, saved.staff_note, saved.source_urls) == (
        45,
        "Mine",
        "https://example.org/c",
    )


def test_bad_facts_are_refused_by_field(client, cluster, keys):
    response = send(
        client,
        "patch",
        "/api/v1/clusters/robotics/",
        {"source_urls": ["https://example.org/ok", "not an address"], "reported_members_on": None},
        keys["Staff"],
    )
    assert response.status_code == 400
    errors = response.json()
    assert errors["source_urls"] == ["not an address is not a web address."]
    assert errors["reported_members_on"] == ["Give the day the reported number held."]
    assert Cluster.objects.get(slug="robotics").source_urls.count("\n") == 1


def test_staff_register_a_published_cluster_and_read_it_back(client, cluster, keys):
    response = send(
        client,
        "post",
        "/api/v1/clusters/",
        {
            "name_en": "Hydrogen Valley",
            "founded_on": "2019-01-01",
            "founded_precision": "about",
            "coordinator_name": "UAB Vandenilis",
            "source_urls": ["https://example.org/hydrogen"],
            "staff_note": "From the ministry's list.",
            "sectors": [],
        },
        keys["Staff"],
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (
        response["Location"] == body["url"] == "http://testserver/api/v1/clusters/hydrogen-valley/"
    )
    assert (body["status"], body["staff_note"], body["founded_precision"]) == (
        "published",
        "From the ministry's list.",
        "about",
    )
    assert read(client, response["Location"], keys["Staff"]).json() == body
    created = Cluster.objects.get(slug="hydrogen-valley")
    assert LogEntry.objects.get_for_object(created).get().actor.email.startswith("staff")
    page = client.get("/en/clusters/hydrogen-valley/").content.decode()
    assert 'data-testid="founded">c. 2019</dd>' in page


def test_a_cluster_posted_as_a_draft_or_without_a_name_is_refused(client, cluster, keys):
    before = Cluster.objects.count()
    draft = send(
        client, "post", "/api/v1/clusters/", {"name_en": "Draft", "status": "draft"}, keys["Staff"]
    )
    assert draft.status_code == 400
    assert "make a draft in the administration" in draft.json()["status"][0]
    nameless = send(client, "post", "/api/v1/clusters/", {"acronym": "X"}, keys["Staff"])
    assert nameless.status_code == 400
    assert nameless.json()["name_lt"] == ["Give the cluster's name in at least one language."]
    assert Cluster.objects.count() == before


def test_staff_register_an_organisation_public_only_once_it_is_a_member(client, cluster, keys):
    response = send(
        client,
        "post",
        "/api/v1/organisations/",
        {"name": "UAB Pavyzdys", "kind": "company", "company_code": "304700005"},
        keys["Staff"],
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"] == body["url"]
    assert read(client, response["Location"], keys["Staff"]).json() == body
    assert read(client, response["Location"]).status_code == 404  # not public yet
    joined = send(
        client,
        "post",
        "/api/v1/memberships/",
        {"cluster": "robotics", "organisation": body["slug"], "joined_on": "2014-01-01"},
        keys["Staff"],
    )
    assert joined.status_code == 201
    assert read(client, response["Location"]).status_code == 200


def test_an_organisation_with_a_bad_or_taken_code_is_refused_naming_it(client, cluster, keys):
    Organisation.objects.create(name="UAB Pirmoji", kind="company", company_code="304700005")
    for code, message in (("304700006", "check digit"), ("304700005", "already")):
        response = send(
            client,
            "post",
            "/api/v1/organisations/",
            {"name": "UAB Antroji", "kind": "company", "company_code": code},
            keys["Staff"],
        )
        assert response.status_code == 400
        assert message in " ".join(response.json()["company_code"]), response.json()
    assert Organisation.objects.count() == 1
