"""manage.py import_clusters FILE [--commit] [--as EMAIL]: the network's cluster list from a
CSV or XLSX file, through the same dry run and all-or-nothing commit as the staff page
(/imports/clusters/). Without --commit nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from tinklas.accounts.models import User
from tinklas.accounts.permissions import is_network_staff
from tinklas.imports.kinds import CLUSTERS
from tinklas.imports.models import ImportRun
from tinklas.imports.reading import UnreadableFile, check_size, format_of, read_table
from tinklas.imports.runs import create_run, start_commit

SHOWN_ROWS = 50


class Command(BaseCommand):
    help = "Imports the network's cluster list (CSV or XLSX); a dry run unless --commit."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The cluster list, .csv or .xlsx")
        parser.add_argument("--commit", action="store_true", help="Write the rows if all are right")
        parser.add_argument(
            "--as", dest="email", help="The staff account the audit log names (default: none)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        user = self.staff_member(options["email"]) if options["email"] else None
        try:
            check_size(path.stat().st_size)
            file_format = format_of(path.name)
            content = path.read_bytes()
            table = read_table(content, file_format, CLUSTERS.columns)
        except FileNotFoundError:
            raise CommandError(_("No file %(path)s.") % {"path": path}) from None
        except UnreadableFile as error:
            raise CommandError(f"{path.name}: {error}") from None
        run = create_run(CLUSTERS, None, user, path.name, file_format, content, table, now=True)
        self.report(run)
        if run.status == ImportRun.Status.FAILED or run.error_rows:
            raise CommandError(_("Nothing was written: correct the rows above."))
        if not options["commit"]:
            self.stdout.write(_("Dry run: nothing was written. Run again with --commit to write."))
            return
        if not start_commit(run, user, now=True):
            self.stdout.write(_("Nothing to write: every row matches the registry."))
            return
        run.refresh_from_db()
        if run.status != ImportRun.Status.COMMITTED:
            raise CommandError(run.error_message)
        self.stdout.write(
            _("Written: %(new)s new and %(updated)s updated clusters (import %(run)s).")
            % {"new": run.new_rows, "updated": run.updated_rows, "run": run.pk}
        )

    def staff_member(self, email: str) -> User:
        user = User.objects.filter(email__iexact=email).first()
        if user is None or not is_network_staff(user):
            raise CommandError(_("%(email)s is not a network staff account.") % {"email": email})
        return user

    def report(self, run: ImportRun) -> None:
        run.refresh_from_db()
        if run.status == ImportRun.Status.FAILED:
            raise CommandError(run.error_message)
        self.stdout.write(
            _(
                "%(rows)s rows: %(new)s new, %(updated)s updated, %(unchanged)s unchanged, "
                "%(errors)s with errors."
            )
            % {
                "rows": run.total_rows,
                "new": run.new_rows,
                "updated": run.updated_rows,
                "unchanged": run.unchanged_rows,
                "errors": run.error_rows,
            }
        )
        for result in run.results[:SHOWN_ROWS]:
            if result["fate"] == "unchanged":
                continue
            self.stdout.write(f"  {_('Row')} {result['row']} ({result['name']}): {result['fate']}")
            for error in result["errors"]:
                self.stdout.write(f"    {error['column'] or '—'}: {error['message']}")
            for change in result["changes"]:
                self.stdout.write(f"    {change['column']}: {change['old']} → {change['new']}")
