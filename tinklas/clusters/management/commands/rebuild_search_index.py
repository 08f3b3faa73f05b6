from django.core.management.base import BaseCommand
from django.db import transaction

from tinklas.clusters.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuilds the full-text index of clusters and organisations from the registry."

    def handle(self, *args: object, **options: object) -> None:
        with transaction.atomic():
            rebuild_index()
        self.stdout.write(self.style.SUCCESS("The search index is rebuilt."))
