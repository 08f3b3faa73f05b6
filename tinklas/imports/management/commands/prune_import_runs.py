from django.core.management.base import BaseCommand

from tinklas.imports.retention import prune_runs, runs_kept_days


class Command(BaseCommand):
    help = (
        "Deletes member-list imports uploaded more than TINKLAS_IMPORT_RUNS_KEPT_DAYS days ago "
        "(what they wrote stays in the audit log). Run it daily, from cron or a systemd timer."
    )

    def handle(self, *args: object, **options: object) -> None:
        deleted = prune_runs()
        self.stdout.write(
            f"Imports uploaded more than {runs_kept_days()} days ago deleted: {deleted}."
        )
