"""Cluster lists in the shapes real sources give them, for the cluster-import tests: names in
English only, founding years and "c. 2006", labels known by their year, coordinators as
text, reported member counts, membership of the network. Built from the site's own regions
and fields, never from one real file."""

from __future__ import annotations

import csv
import io
import itertools
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tinklas.imports.tests.builders import company_code
from tinklas.taxonomy.models import Region, Sector

HEADER = [
    "slug",
    "name_lt",
    "name_en",
    "acronym",
    "status",
    "country",
    "municipality",
    "founded",
    "fields",
    "technologies",
    "website",
    "reported_members",
    "reported_members_on",
    "coordinator_code",
    "coordinator_name",
    "labels",
    "network_joined_on",
    "network_founding_member",
    "sources",
    "staff_note",
]
TOPICS = [
    ("Lazerių", "Laser", "fotonika, lazeriai, photonics"),
    ("Medienos", "Wood", "baldai, mediena, furniture"),
    ("Sveikatos technologijų", "Health Technology", "medicinos prietaisai, medtech"),
    ("Žaliosios energetikos", "Green Energy", "saulės energija, solar power"),
    ("Maisto inovacijų", "Food Innovation", "pienas, dairy, fermentation"),
    ("Kūrybinių industrijų", "Creative Industries", "dizainas, animation"),
    ("Logistikos", "Logistics", "transportas, logistics"),
    ("Finansinių technologijų", "Fintech", "mokėjimai, payments"),
    ("Turizmo", "Tourism", "kelionės, travel"),
    ("Statybos inovacijų", "Construction Innovation", "BIM, statyba"),
]
FOUNDED = ["2011", "c. 2006", "2014-10", "2016-05-12", "", "2009", "ca. 2013", "2018"]


def real_shaped_rows(count: int = 40) -> list[dict[str, Any]]:
    municipalities = list(
        Region.objects.filter(kind=Region.Kind.MUNICIPALITY, country="LT")
        .order_by("code")
        .values_list("code", flat=True)
    )
    fields = list(Sector.objects.values_list("slug", flat=True))
    rows = []
    for number, (lithuanian, english, technologies) in zip(
        range(count), itertools.cycle(TOPICS), strict=False
    ):
        place = municipalities[number % len(municipalities)]
        english_only = number % 4 == 1  # 10 of 40
        row: dict[str, Any] = {
            "name_lt": "" if english_only else f"{lithuanian} klasteris {number + 1}",
            "name_en": f"{english} Cluster {number + 1}",
            "acronym": f"K{number + 1:02d}" if number % 3 else "",
            "municipality": place,
            "founded": FOUNDED[number % len(FOUNDED)],
            "fields": "; ".join(fields[number % len(fields) : number % len(fields) + 2]),
            "technologies": technologies,
            "website": f"www.cluster{number + 1}.example.lt",
            "sources": f"https://source.example.org/clusters/{number + 1}",
        }
        if number % 10 in (0, 3, 6):  # 12 of 40 report a member count
            row["reported_members"] = 15 + number
            row["reported_members_on"] = "2024"
        if number % 2 == 0:  # 20 of 40 name their coordinator as text
            row["coordinator_name"] = f"Asociacija „{lithuanian} klasteris {number + 1}“"
        if number % 10 in (2, 5, 8):  # 12 of 40 hold a label known by its year
            row["labels"] = "Bronze 2018" if number % 20 < 10 else "Bronze 2016; Silver 2019"
        if number % 10 == 9:
            row["labels"] = "Gold 2022-03-01 2024-02-29"
        if number < 36:
            row["network_joined_on"] = "2020-05-27" if number < 9 else f"{2021 + number % 4}-09"
            row["network_founding_member"] = "yes" if number < 9 else ""
        if number == 7:
            row["staff_note"] = "Member list promised for the spring."
        rows.append(row)
    return rows


def cluster_csv(rows: list[dict[str, Any]], header: list[str] | None = None) -> bytes:
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=header or HEADER, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return output.getvalue().encode("utf-8")


def upload_cluster_list(client, content: bytes, name: str = "clusters.csv"):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("imports:cluster-lists"), {"file": SimpleUploadedFile(name, content)}
    )


def coordinator_code(first_eight: str) -> str:
    return company_code(first_eight)
