"""The demo's people, one per role, all with the password `tinklas-demo`. The staff account
has an authenticator app with a published secret, since staff must use two factors."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from auditlog.context import disable_auditlog

from tinklas.accounts.models import User
from tinklas.accounts.people import add_authenticator_app, create_person
from tinklas.clusters.models import Cluster, ClusterManagerRole
from tinklas.organisations.models import Organisation, OrganisationRepresentative

DEMO_PASSWORD = "tinklas-demo"
# Base32; add it to an authenticator app, or run `make demo-code` for the current code.
DEMO_STAFF_TOTP_SECRET = "TINKLASDEMOSTAFFSECRETKEYTOTP234"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    role: str


def create_demo_accounts() -> list[DemoAccount]:
    """Replaces the demo accounts; returns what each can do."""
    emails = [
        "staff@example.org",
        "manager.smartfood@example.org",
        "manager@example.org",
        "member@example.org",
        "user@example.org",
    ]
    with disable_auditlog():
        User.objects.filter(email__in=emails).delete()
        smart_food = Cluster.objects.get(slug="smart-food")
        other = Cluster.objects.published().exclude(pk=smart_food.pk).order_by("name").first()
        assert other is not None, "the demo network has more than one cluster"
        member = (
            Organisation.objects.filter(
                memberships__cluster=smart_food,
                memberships__left_on__isnull=True,
                kind=Organisation.Kind.COMPANY,
            )
            .order_by("name")
            .first()
        )
        assert member is not None, "SMART FOOD has members"

        staff = create_person(emails[0], DEMO_PASSWORD, "Irmina Valytė", is_staff=True)
        staff.is_superuser = True
        staff.save(update_fields=["is_superuser"])
        add_authenticator_app(staff, DEMO_STAFF_TOTP_SECRET)
        smart_food_manager = create_person(emails[1], DEMO_PASSWORD, "Giedrius Bagušinskas")
        ClusterManagerRole.objects.create(cluster=smart_food, user=smart_food_manager)
        other_manager = create_person(emails[2], DEMO_PASSWORD, "Rūta Demo")
        ClusterManagerRole.objects.create(cluster=other, user=other_manager)
        representative = create_person(emails[3], DEMO_PASSWORD, "Tomas Demo")
        OrganisationRepresentative.objects.create(organisation=member, user=representative)
        create_person(emails[4], DEMO_PASSWORD, "Ona Demo")
    return [
        DemoAccount(emails[0], staff.full_name, "network staff (two-factor: see below)"),
        DemoAccount(emails[1], smart_food_manager.full_name, f"manager of {smart_food.name}"),
        DemoAccount(emails[2], other_manager.full_name, f"manager of {other.name}"),
        DemoAccount(emails[3], representative.full_name, f"representative of {member.name}"),
        DemoAccount(emails[4], "Ona Demo", "signed-in user with no role"),
    ]


def current_staff_code(now: float) -> str:
    """The demo staff account's authenticator code at Unix time `now`."""
    return format_hotp_value(hotp_value(DEMO_STAFF_TOTP_SECRET, int(now) // 30))
