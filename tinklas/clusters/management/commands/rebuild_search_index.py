from django.core.management.base import BaseCommand

from tinklas.common import derived


class Command(BaseCommand):
    help = (
        "Rebuilds the derived data of the whole registry from its records: the full-text "
        "index of clusters and organisations, member counts and member flags."
    )

    def handle(self, *args: object, **options: object) -> None:
        # The bulk writers' own mechanism, marking everything as changed: one transaction.
        with derived.bulk_change() as change:
            change.everything()
        done = "The search index, member counts and member flags are rebuilt."
        self.stdout.write(self.style.SUCCESS(done))
