import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tinklas.demo.accounts import current_staff_code


class Command(BaseCommand):
    help = "Prints the demo staff account's current two-factor code (DEBUG only)."

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError("demo_code is for the demo; it runs only in DEBUG mode.")
        now = time.time()
        seconds_left = 30 - int(now) % 30
        self.stdout.write(
            f"{current_staff_code(now)}  (staff@example.org, valid for {seconds_left} more seconds)"
        )
