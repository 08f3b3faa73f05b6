"""Member lists and runs for the import tests: files to upload, the upload itself, stored
runs, and what the pages answer."""

from __future__ import annotations

import csv
import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook
from stdnum.lt import pvm

from tinklas.clusters.models import Cluster
from tinklas.imports.models import ImportRun
from tinklas.organisations.models import LegalEntity

HEADER = ["name", "kind", "company_code", "municipality", "website", "headcount", "role"]
HEADER += ["joined_on", "left_on"]


def company_code(first_eight: str) -> str:
    return first_eight + pvm.calc_check_digit(first_eight)


def csv_file(rows: list[dict[str, object]], header: list[str] | None = None, **options) -> bytes:
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=header or HEADER, **options)
    writer.writeheader()
    writer.writerows(rows)
    return output.getvalue().encode("utf-8")


def xlsx_file(rows: list[list[object]], header: list[str] | None = None) -> bytes:
    """A workbook as openpyxl writes it: a formula ("=...") gets no calculated value."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(header or HEADER)
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def legal_entity(code: str, name: str = "UAB Pienas", **values: object) -> LegalEntity:
    """An entity of the loaded register of legal entities, active unless told otherwise."""
    defaults: dict[str, object] = {
        "address": "Kaunas, Savanorių pr. 271-403",
        "legal_form": "Uždaroji akcinė bendrovė",
        "status": LegalEntity.Status.ACTIVE,
        "extract_date": datetime.date(2026, 11, 1),
        "loaded_at": datetime.datetime(2026, 11, 2, tzinfo=datetime.UTC),
    }
    return LegalEntity.objects.create(code=code, name=name, **{**defaults, **values})


def upload(client, cluster: Cluster, content: bytes, name: str = "members.csv"):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("imports:cluster", args=[cluster.slug]),
        {"file": SimpleUploadedFile(name, content)},
    )


def last_run() -> ImportRun:
    return ImportRun.objects.latest("pk")


def row_result(run: ImportRun, number: int) -> dict:
    return next(result for result in run.results if result["row"] == number)


def stored_run(cluster, user, **values) -> ImportRun:  # type: ignore[no-untyped-def]
    defaults = {
        "file_name": "members.csv",
        "file_format": "csv",
        "file_size": 10,
        "content": b"",
        "language": "en",
        "status": ImportRun.Status.CHECKED,
        "total_rows": 1,
        "new_rows": 1,
        "results": [],
    }
    return ImportRun.objects.create(cluster=cluster, uploaded_by=user, **{**defaults, **values})


def refused(response, message: str) -> None:  # type: ignore[no-untyped-def]
    """The upload page again, with the message at the field and in the summary."""
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count(message) == 2, page
    assert not ImportRun.objects.exists()
