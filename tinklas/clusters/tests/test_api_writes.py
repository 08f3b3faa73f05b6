"""Writing through the API: every write endpoint for every role, with a personal token, as
the table of docs/permissions.md has it for the pages; and what a write leaves behind (the
change, its audit entry with the token's owner, nothing for refused or invalid data)."""

from __future__ import annotations

import datetime
import json

import pytest
from auditlog.models import LogEntry
from django.core.cache import cache

from tinklas.accounts.tests.factories import cluster_manager, person, representative, staff
from tinklas.accounts.tokens import create_token
from tinklas.clusters.models import Cluster, Label, Membership
from tinklas.clusters.tests.factories import ClusterFactory, LabelFactory, MembershipFactory
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ROLES = ["Anonymous", "Signed in", "Representative", "Manager", "Other manager", "Staff"]
TODAY = datetime.date.today()

# Endpoint: (method, address, data, outcome per role in the order of ROLES). 401: no token;
# 403: refused; 200/201: done. The roles are those of docs/permissions.md.
TABLE = {
    "Register a cluster": (
        "post",
        "/api/v1/clusters/",
        {
            "name_en": "Registered by the API",
            "founded_on": "2011-01-01",
            "founded_precision": "year",
        },
        [401, 403, 403, 403, 403, 201],
    ),
    "Register an organisation": (
        "post",
        "/api/v1/organisations/",
        {"name": "UAB Naujai registruota", "kind": "company"},
        [401, 403, 403, 403, 403, 201],
    ),
    "Change a cluster": (
        "patch",
        "/api/v1/clusters/{cluster}/",
        {"website": "https://changed.example.org"},
        [401, 403, 403, 200, 403, 200],
    ),
    "Change an organisation": (
        "patch",
        "/api/v1/organisations/{organisation}/",
        {"website": "https://changed.example.org"},
        [401, 403, 200, 403, 403, 200],
    ),
    "Add a member": (
        "post",
        "/api/v1/memberships/",
        {"cluster": "{cluster}", "organisation": "{newcomer}", "joined_on": str(TODAY)},
        [401, 403, 403, 201, 403, 201],
    ),
    "End a membership": (
        "patch",
        "/api/v1/memberships/{membership}/",
        {"left_on": str(TODAY + datetime.timedelta(days=1))},
        [401, 403, 403, 200, 403, 200],
    ),
    "Record a label": (
        "post",
        "/api/v1/labels/",
        {
            "cluster": "{cluster}",
            "kind": "gold",
            "issuer": "ESCA",
            "awarded_on": str(TODAY),
            "valid_until": str(TODAY + datetime.timedelta(days=730)),
        },
        [401, 403, 403, 403, 403, 201],
    ),
    "Correct a label": (
        "patch",
        "/api/v1/labels/{label}/",
        {"valid_until": str(TODAY + datetime.timedelta(days=999))},
        [401, 403, 403, 403, 403, 200],
    ),
}
CASES = [
    (action, role, expected[index])
    for action, (_method, _address, _data, expected) in TABLE.items()
    for index, role in enumerate(ROLES)
]


def auth(key: str | None) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Token {key}"} if key else {}


def send(client, method: str, address: str, data: dict, key: str | None, **headers):  # type: ignore[no-untyped-def]
    return getattr(client, method)(
        address, json.dumps(data), content_type="application/json", **auth(key), **headers
    )


@pytest.fixture
def world(db):
    cache.clear()  # no throttle count left over
    cluster = ClusterFactory(slug="matrix")
    other = ClusterFactory(slug="other")
    organisation = OrganisationFactory(slug="member-company")
    membership = MembershipFactory(cluster=cluster, organisation=organisation)
    people = {
        "Anonymous": None,
        "Signed in": person(),
        "Representative": representative(organisation),
        "Manager": cluster_manager(cluster),
        "Other manager": cluster_manager(other),
        "Staff": staff(),
    }
    keys = {role: create_token(user, "test")[1] if user else None for role, user in people.items()}
    values = {
        "cluster": cluster.slug,
        "organisation": organisation.slug,
        "newcomer": OrganisationFactory(slug="newcomer").slug,
        "membership": membership.pk,
        "label": LabelFactory(cluster=cluster).pk,
    }
    return people, keys, values


def fill(value, values):  # type: ignore[no-untyped-def]
    if isinstance(value, str):
        return value.format(**values)
    return {name: fill(item, values) for name, item in value.items()}


def state() -> tuple:
    return (
        tuple(Cluster.objects.values_list("website", flat=True).order_by("pk")),
        tuple(Organisation.objects.values_list("website", flat=True).order_by("pk")),
        tuple(Membership.objects.values_list("pk", "left_on").order_by("pk")),
        tuple(Label.objects.values_list("pk", "valid_until").order_by("pk")),
    )


@pytest.mark.parametrize(("action", "role", "expected"), CASES)
def test_every_role_may_write_what_the_pages_allow(client, world, action, role, expected):
    people, keys, values = world
    method, address, data, _outcomes = TABLE[action]
    before = state()
    response = send(client, method, fill(address, values), fill(data, values), keys[role])
    assert response.status_code == expected, response.content
    assert (state() != before) == (expected in (200, 201))
    if expected in (200, 201):
        entry = LogEntry.objects.order_by("-pk").first()
        assert entry.actor == people[role]


@pytest.mark.parametrize("action", TABLE)
def test_a_staff_session_without_the_second_factor_writes_nothing(client, world, action):
    people, _keys, values = world
    method, address, data, _outcomes = TABLE[action]
    client.sign_in_with_password_only(people["Staff"])
    before = state()
    response = send(client, method, fill(address, values), fill(data, values), None)
    assert response.status_code == 403
    assert state() == before
    # The same session with the second factor may.
    client.force_login(people["Staff"])
    response = send(client, method, fill(address, values), fill(data, values), None)
    assert response.status_code in (200, 201), response.content
    assert state() != before


def test_a_managers_change_is_audited_with_the_manager_as_actor(client, world):
    people, keys, _values = world
    response = send(
        client, "patch", "/api/v1/clusters/matrix/", {"acronym": "MTX"}, keys["Manager"]
    )
    assert response.status_code == 200
    assert response.json()["acronym"] == "MTX"
    entry = LogEntry.objects.get_for_object(Cluster.objects.get(slug="matrix")).first()
    assert entry.actor == people["Manager"]
    assert entry.changes_dict["acronym"] == ["", "MTX"]


def test_a_manager_may_not_change_the_status(client, world):
    _people, keys, _values = world
    response = send(
        client, "patch", "/api/v1/clusters/matrix/", {"status": "archived"}, keys["Manager"]
    )
    assert response.status_code == 403
    assert "status" in response.json()["detail"]
    assert Cluster.objects.get(slug="matrix").status == Cluster.Status.PUBLISHED
    staff_answer = send(
        client, "patch", "/api/v1/clusters/matrix/", {"status": "archived"}, keys["Staff"]
    )
    assert staff_answer.status_code == 200
    assert client.get("/api/v1/clusters/matrix/").status_code == 404  # no longer published


def test_a_representative_may_not_change_the_identity_of_the_organisation(client, world):
    _people, keys, _values = world
    response = send(
        client,
        "patch",
        "/api/v1/organisations/member-company/",
        {"name": "Renamed", "website": "https://renamed.example.org"},
        keys["Representative"],
    )
    assert response.status_code == 403
    assert "name" in response.json()["detail"]
    assert Organisation.objects.get(slug="member-company").website == ""


def test_bad_data_is_refused_field_by_field_and_nothing_is_written(client, world):
    _people, keys, _values = world
    before = state()
    response = send(
        client,
        "patch",
        "/api/v1/clusters/matrix/",
        {
            "maturity": "mature",  # without the date it was assessed: the model's clean()
            "founded_on": str(TODAY + datetime.timedelta(days=30)),
            "website": "not a web address",
            "sectors": ["no-such-field"],
            "management_fte": -1,
        },
        keys["Manager"],
    )
    assert response.status_code == 400
    errors = response.json()
    assert {"website", "sectors", "management_fte"} <= set(errors)
    assert state() == before

    response = send(
        client,
        "patch",
        "/api/v1/clusters/matrix/",
        {"maturity": "mature", "founded_on": str(TODAY + datetime.timedelta(days=30))},
        keys["Manager"],
    )
    assert response.status_code == 400
    assert set(response.json()) == {"maturity_assessed_on", "founded_on"}


def test_the_name_may_be_emptied_in_one_language_but_not_in_all(client, world):
    _people, keys, _values = world
    emptied = {"name_lt": " ", "name_en": ""}
    response = send(client, "patch", "/api/v1/clusters/matrix/", emptied, keys["Manager"])
    assert response.status_code == 400
    assert list(response.json()) == ["name_lt"]  # the model asks for a name in any language
    english_only = {"name_lt": "", "name_en": "Matrix Cluster"}
    response = send(client, "patch", "/api/v1/clusters/matrix/", english_only, keys["Manager"])
    assert response.status_code == 200
    assert response.json()["name"] == "Matrix Cluster"


def test_a_second_open_membership_and_an_ended_membership_are_refused(client, world):
    _people, keys, values = world
    response = send(
        client,
        "post",
        "/api/v1/memberships/",
        {"cluster": "matrix", "organisation": "member-company", "joined_on": str(TODAY)},
        keys["Manager"],
    )
    assert response.status_code == 400
    assert "organisation" in response.json()
    address = f"/api/v1/memberships/{values['membership']}/"
    assert (
        send(client, "patch", address, {"left_on": str(TODAY)}, keys["Manager"]).status_code == 200
    )
    again = send(client, "patch", address, {"left_on": str(TODAY)}, keys["Manager"])
    assert again.status_code == 400
    assert "left_on" in again.json()
    assert Membership.objects.filter(pk=values["membership"]).exists()  # ended, not deleted


def test_a_new_member_is_answered_with_its_address(client, world):
    _people, keys, _values = world
    response = send(
        client,
        "post",
        "/api/v1/memberships/",
        {
            "cluster": "matrix",
            "organisation": "newcomer",
            "joined_on": str(TODAY),
            "role": "member",
        },
        keys["Manager"],
    )
    assert response.status_code == 201
    assert response["Location"] == response.json()["url"]
    assert client.get(response["Location"]).json()["organisation"]["slug"] == "newcomer"


def test_a_draft_cluster_of_someone_else_is_not_found(client, world):
    _people, keys, _values = world
    ClusterFactory(slug="hidden", status=Cluster.Status.DRAFT)
    patched = send(client, "patch", "/api/v1/clusters/hidden/", {"acronym": "X"}, keys["Manager"])
    assert patched.status_code == 404
    added = send(
        client,
        "post",
        "/api/v1/memberships/",
        {"cluster": "hidden", "organisation": "newcomer", "joined_on": str(TODAY)},
        keys["Manager"],
    )
    assert added.status_code == 400
    assert "cluster" in added.json()


def test_if_match_refuses_to_overwrite_a_newer_save(client, world):
    _people, keys, _values = world
    etag = client.get("/api/v1/clusters/matrix/")["ETag"]
    Cluster.objects.filter(slug="matrix").update(acronym="NEWER")
    stale = send(
        client,
        "patch",
        "/api/v1/clusters/matrix/",
        {"acronym": "MINE"},
        keys["Manager"],
        HTTP_IF_MATCH=etag,
    )
    assert stale.status_code == 412
    assert Cluster.objects.get(slug="matrix").acronym == "NEWER"
    current = client.get("/api/v1/clusters/matrix/")["ETag"]
    fresh = send(
        client,
        "patch",
        "/api/v1/clusters/matrix/",
        {"acronym": "MINE"},
        keys["Manager"],
        HTTP_IF_MATCH=current,
    )
    assert fresh.status_code == 200


def test_a_session_may_read_but_writes_need_the_csrf_token(world):
    from django.test import Client

    people, _keys, _values = world
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(people["Manager"])
    assert browser.get("/api/v1/clusters/matrix/").status_code == 200
    response = browser.patch(
        "/api/v1/clusters/matrix/", json.dumps({"acronym": "X"}), content_type="application/json"
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_writes_leave_no_audit_hooks_behind(client, world):
    """The actor is set around each write inside the audit middleware's own context; both
    must be closed afterwards, or every request would leave a signal receiver connected."""
    from django.db.models.signals import pre_save

    people, keys, _values = world
    send(client, "patch", "/api/v1/clusters/matrix/", {"acronym": "A"}, keys["Manager"])
    before = len(pre_save._live_receivers(LogEntry)[0])
    for acronym in ("B", "C", "D"):
        send(client, "patch", "/api/v1/clusters/matrix/", {"acronym": acronym}, keys["Manager"])
    assert len(pre_save._live_receivers(LogEntry)[0]) == before
    assert LogEntry.objects.filter(actor=people["Manager"]).count() == 4


def test_a_staff_token_cannot_write_to_a_cluster_the_api_does_not_show(client, world):
    _people, keys, _values = world
    ClusterFactory(slug="archived", status=Cluster.Status.ARCHIVED)
    assert client.get("/api/v1/clusters/archived/").status_code == 404
    response = send(
        client, "patch", "/api/v1/clusters/archived/", {"status": "published"}, keys["Staff"]
    )
    assert response.status_code == 404
    assert Cluster.objects.get(slug="archived").status == Cluster.Status.ARCHIVED
    joined = {"cluster": "archived", "organisation": "newcomer", "joined_on": str(TODAY)}
    response = send(
        client, "post", "/api/v1/memberships/", joined, keys["Staff"], HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response.json()["cluster"] == ["No cluster has this slug."]
    assert not Membership.objects.filter(cluster__slug="archived").exists()
