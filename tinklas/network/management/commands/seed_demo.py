import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tinklas.accounts.models import User
from tinklas.network import figures
from tinklas.network.demo.builder import build_demo_network

DEMO_PASSWORD = "tinklas-demo"
DEMO_ACCOUNTS = [("staff@example.org", "Network staff", True)]


class Command(BaseCommand):
    help = (
        "Replaces the registry with the demo Lithuanian Cluster Network and creates the demo "
        "accounts. Deterministic for a given --today. Refuses to run with DJANGO_DEBUG=false."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=datetime.date.today(),
            help="The date the demo is built for (YYYY-MM-DD); label statuses are relative to it.",
        )

    def handle(self, *args: object, today: datetime.date, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError("seed_demo replaces all registry data; it runs only in DEBUG mode.")
        build_demo_network(today)
        for email, name, is_staff in DEMO_ACCOUNTS:
            user, _created = User.objects.get_or_create(email=email)
            user.full_name = name
            user.is_staff = user.is_superuser = is_staff
            user.set_password(DEMO_PASSWORD)
            user.save()
        numbers = figures.key_figures(today)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo network as of {today}: {numbers.clusters} member clusters, "
                f"{numbers.member_smes} member SMEs, {numbers.member_organisations} member "
                f"organisations, {numbers.labels_in_force} labels in force."
            )
        )
        self.stdout.write("Demo accounts (password tinklas-demo):")
        for email, name, _is_staff in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<32} {name}")
