import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tinklas.demo.accounts import (
    DEMO_PASSWORD,
    DEMO_STAFF_TOTP_SECRET,
    create_demo_accounts,
)
from tinklas.demo.builder import build_demo_network
from tinklas.demo.register import create_register_entries
from tinklas.network import figures


class Command(BaseCommand):
    help = (
        "Replaces the registry with the demo Lithuanian Cluster Network and creates the demo "
        "accounts. Deterministic for a given --today. Refuses to run with DJANGO_DEBUG=false."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=timezone.localdate(),
            help="The date the demo is built for (YYYY-MM-DD); label statuses are relative to it.",
        )

    def handle(self, *args: object, today: datetime.date, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError("seed_demo replaces all registry data; it runs only in DEBUG mode.")
        build_demo_network(today)
        accounts = create_demo_accounts()
        register_entries = create_register_entries(today)
        numbers = figures.key_figures(today)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo network as of {today}: {numbers.clusters} member clusters, "
                f"{numbers.member_smes} member SMEs, {numbers.member_organisations} member "
                f"organisations, {numbers.labels_in_force} labels in force."
            )
        )
        self.stdout.write(
            f"Register of legal entities: {register_entries} demo entries for the members "
            "(a few differ from the registry or are being liquidated: /lt/register/report/)."
        )
        self.stdout.write(f"Demo accounts (password {DEMO_PASSWORD}):")
        for account in accounts:
            self.stdout.write(f"  {account.email:<32} {account.role}")
        self.stdout.write(
            f"Staff sign in with a second factor: add the secret {DEMO_STAFF_TOTP_SECRET} to an "
            "authenticator app, or run `make demo-code` for the current code."
        )
