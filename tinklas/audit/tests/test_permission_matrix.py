"""The table of roles and actions in docs/permissions.md, checked row by row for every role, and
checked to list every page of the site."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone

from tinklas.accounts.models import ApiToken
from tinklas.accounts.tests.factories import cluster_manager, person, representative, staff
from tinklas.applications.models import ApplicationMember, ClusterApplication
from tinklas.clusters.models import Invitation, Membership
from tinklas.clusters.models.team import INVITATION_VALID_FOR, hash_token
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.imports.models import ImportRun
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import OrganisationFactory

TABLE = Path(settings.BASE_DIR, "docs", "permissions.md")
ROLES = [
    "Anonymous",
    "Signed in",
    "Representative",
    "Manager",
    "Other manager",
    "Staff",
    "Staff, password only",
]
OUTCOMES = {"yes", "sign in", "second factor", "403", "404"}
INVITATION_TOKEN = "matrix-invitation-token"


@dataclass(frozen=True)
class Row:
    action: str
    method: str
    path: str
    expected: dict[str, str]

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def read_table() -> list[Row]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 2 + len(ROLES) or not re.match(r"(GET|POST) /", cells[1]):
            continue
        method, path = cells[1].split(" ", 1)
        expected = dict(zip(ROLES, cells[2:], strict=True))
        assert set(expected.values()) <= OUTCOMES, f"unknown outcome in row {cells[0]!r}"
        rows.append(Row(cells[0], method, path, expected))
    return rows


ROWS = read_table()
CASES = [(row, role) for row in ROWS for role in ROLES]

# Valid data for actions whose refusal would otherwise be indistinguishable from a form error.
POST_DATA = {
    "/clusters/{cluster}/members/{membership}/end/": {"left_on": "2026-11-27"},
    "/clusters/{cluster}/team/": {"email": "new.colleague@example.org"},
    "/accounts/profile/": {"full_name": "A. Person"},
}


@pytest.fixture
def world(db):
    cache.clear()  # no rate limit left over from another test
    cluster = ClusterFactory(name="Matrix cluster")
    other_cluster = ClusterFactory(name="Other cluster")
    organisation: Organisation = OrganisationFactory(name="Member company")
    membership = Membership.objects.create(
        cluster=cluster, organisation=organisation, joined_on=datetime.date(2022, 1, 1)
    )
    manager = cluster_manager(cluster, "manager@example.org")
    colleague = cluster_manager(cluster, "colleague@example.org")
    people = {
        "Anonymous": None,
        "Signed in": person("applicant@example.org"),
        "Representative": representative(organisation, "representative@example.org"),
        "Manager": manager,
        "Other manager": cluster_manager(other_cluster, "other.manager@example.org"),
        "Staff": staff("staff@example.org"),
        "Staff, password only": staff("staff.password.only@example.org"),
    }
    now = timezone.now()
    invitation = Invitation.objects.create(
        cluster=cluster,
        email="invited@example.org",
        token_digest=hash_token("revocable-token"),
        invited_by=manager,
        expires_at=now + INVITATION_VALID_FOR,
    )
    Invitation.objects.create(
        cluster=cluster,
        email="opened@example.org",
        token_digest=hash_token(INVITATION_TOKEN),
        invited_by=manager,
        expires_at=now + INVITATION_VALID_FOR,
    )
    applicant = people["Signed in"]
    draft = ClusterApplication.objects.create(applicant=applicant, name="Draft cluster")
    proposed = ApplicationMember.objects.create(
        application=draft, name="Proposed member", kind=Organisation.Kind.COMPANY
    )
    submitted = ClusterApplication.objects.create(
        applicant=applicant,
        name="Submitted cluster",
        status=ClusterApplication.Status.SUBMITTED,
        submitted_at=now,
    )
    api_token = ApiToken.objects.create(
        user=applicant, name="Matrix", key_digest=hash_token("matrix-api-key")
    )
    import_run = ImportRun.objects.create(
        cluster=cluster,
        uploaded_by=manager,
        file_name="members.csv",
        file_format="csv",
        file_size=1,
        content=b"",
        language="en",
        status="checked",
        total_rows=1,
        new_rows=1,
        results=[],
    )
    values = {
        "cluster": cluster.slug,
        "api_token": api_token.pk,
        "import_run": import_run.pk,
        "organisation": organisation.slug,
        "membership": membership.pk,
        "invitation": invitation.pk,
        "manager_role": colleague.cluster_manager_roles.get().pk,
        "token": INVITATION_TOKEN,
        "application": draft.pk,
        "application_member": proposed.pk,
        "submitted": submitted.pk,
    }
    return people, values


def outcome(response) -> str:  # type: ignore[no-untyped-def]
    location = response.get("Location", "")
    if response.status_code == 302 and re.search(r"/(accounts|admin)/login/", location):
        return "sign in"
    if response.status_code == 302 and "/accounts/2fa/reauthenticate/" in location:
        return "second factor"
    if response.status_code in (403, 404):
        return str(response.status_code)
    if response.status_code in (200, 201, 204, 302, 303):
        return "yes"
    return f"status {response.status_code}"


@pytest.mark.parametrize(("row", "role"), CASES, ids=[f"{row}-{role}" for row, role in CASES])
def test_every_role_gets_what_the_table_says(client, world, row, role):
    people, values = world
    if role == "Staff, password only":
        client.sign_in_with_password_only(people[role])
    elif people[role] is not None:
        client.force_login(people[role])
    path = "/en" + row.path.format(**values)
    if row.method == "GET":
        response = client.get(path)
    else:
        response = client.post(path, POST_DATA.get(row.path, {}))
    assert outcome(response) == row.expected[role], f"{row.action}: {row} as {role}"
    if response["Content-Type"].startswith("text/html"):
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def view_names(
    patterns: list[URLPattern | URLResolver], prefix: str = "", space: str = ""
) -> set[str]:
    """Every page's namespaced name (clusters:profile, ...)."""
    names = set()
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            # The administration and the sign-in machinery have their own pages; the
            # table lists the ones people use. The API has its own tests per role.
            if "admin/" in route or "accounts/" in route or route.startswith("api/"):
                continue
            inner = f"{space}{pattern.namespace}:" if pattern.namespace else space
            names |= view_names(pattern.url_patterns, route, inner)
        elif pattern.name and not route.startswith(("i18n/", "favicon")):
            names.add(space + pattern.name)
    return names


def test_the_table_lists_every_page_of_the_site():
    paths = ["/en" + re.sub(r"\{\w+\}", "1", row.path).split("?")[0] for row in ROWS]
    listed = {resolve(path).view_name for path in paths}
    missing = view_names(get_resolver().url_patterns) - listed
    assert not missing, f"pages missing from docs/permissions.md: {sorted(missing)}"


def test_the_table_covers_reading_and_writing_for_every_role():
    assert len(ROWS) > 40
    assert {row.method for row in ROWS} == {"GET", "POST"}
    for role in ROLES[:-1]:
        assert {row.expected[role] for row in ROWS} & {"yes"}, role


def test_a_staff_session_without_the_second_factor_gets_only_the_two_factor_page():
    opened = [row.path for row in ROWS if row.expected["Staff, password only"] != "second factor"]
    assert opened == ["/accounts/2fa/"]
