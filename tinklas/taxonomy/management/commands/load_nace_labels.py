import csv
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from tinklas.taxonomy.models import NaceActivity


class Command(BaseCommand):
    help = (
        "Fills the NACE Rev. 2.1 labels in every configured language from Eurostat's "
        "all-languages file (NACE_Rev2.1_Heading_All_Languages.tsv: tab-separated, columns "
        "NACE_CODE, EN_DESC, LT_DESC, ...). Codes missing from the file keep their labels."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: object, file: Path, **options: object) -> None:
        try:
            with file.open(encoding="utf-8-sig", newline="") as stream:
                rows = list(csv.DictReader(stream, delimiter="\t"))
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: cannot be read as UTF-8 text ({error}).") from None
        if not rows or "NACE_CODE" not in rows[0]:
            raise CommandError(f"{file}: the first line must name the columns, NACE_CODE first.")
        columns = {code: f"{code.upper()}_DESC" for code, _name in settings.LANGUAGES}
        missing = [column for column in columns.values() if column not in rows[0]]
        if missing:
            raise CommandError(f"{file}: no column {', '.join(missing)}.")
        activities = {item.code: item for item in NaceActivity.objects.filter(revision="2.1")}
        updated = []
        for line_number, row in enumerate(rows, start=2):
            activity = activities.get((row["NACE_CODE"] or "").strip())
            if activity is None:
                continue
            for code, column in columns.items():
                label = (row[column] or "").strip()
                if not label:
                    raise CommandError(f"{file}, line {line_number}: {column} is empty.")
                setattr(activity, build_localized_fieldname("label", code), label)
            updated.append(activity)
        fields = [build_localized_fieldname("label", code) for code in columns]
        with transaction.atomic():
            NaceActivity.objects.bulk_update(updated, fields, batch_size=500)
        self.stdout.write(
            self.style.SUCCESS(f"Labels of {len(updated)} NACE Rev. 2.1 headings set.")
        )
