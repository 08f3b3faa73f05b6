"""`manage.py import_legal_entities FILE [FILE ...]`: loads the register's open-data files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tinklas.organisations.models import RegisterLoad
from tinklas.organisations.register.loading import RegisterSource, load_register


def file_source(path: Path) -> RegisterSource:
    return RegisterSource(str(path), lambda: path.open("rb"))


class Command(BaseCommand):
    help = (
        "Loads files of the Register of Legal Entities (JAR_IREGISTRUOTI.csv, "
        "JAR_ISREGISTRUOTI.csv), recognised by their header. All or nothing: if any file has "
        "an unknown header or any row is wrong, nothing is written and every problem is "
        "listed with its file and line. Where files disagree, the newest extract wins."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")

    def handle(self, *args: Any, files: list[Path], **options: Any) -> None:
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}.")
        started = timezone.now()
        load = RegisterLoad.objects.create(language="en")
        load = load_register(load, [file_source(path) for path in files])
        seconds = (timezone.now() - started).total_seconds()
        for file in load.files:
            self.stdout.write(
                f"{file['name']} ({file['kind'] or 'unknown'}): {file['rows']} rows, "
                f"{file['new']} new, {file['updated']} updated, {file['unchanged']} unchanged, "
                f"{file['older']} older than the stored data, {file['problems']} problems"
            )
        for problem in load.problems:
            where = f"line {problem['line']}: " if problem["line"] else ""
            self.stderr.write(f"{problem['file']}: {where}{problem['message']}")
        if load.state != RegisterLoad.State.DONE:
            shown = len(load.problems)
            more = f" (the first {shown} shown)" if shown < load.problem_count else ""
            raise CommandError(f"{load.problem_count} problems{more}: nothing was written.")
        self.stdout.write(
            self.style.SUCCESS(f"Loaded {load.total('rows')} rows in {seconds:.1f} s.")
        )
