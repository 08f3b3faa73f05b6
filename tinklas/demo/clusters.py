"""The demo network's 57 clusters, read from clusters.csv beside this module. SMART FOOD is
the real cluster its President manages; every other name is invented. The nine founding
members of the network (Bronze label holders in 2019) are the first rows
(network.FOUNDING_CLUSTERS).

Each row: field slug, municipality ISO code, Lithuanian name, English name, acronym,
technology keywords, founding year, maturity."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).with_name("clusters.csv")


@dataclass(frozen=True)
class DemoCluster:
    field: str
    municipality: str
    name_lt: str
    name_en: str
    acronym: str
    technologies: str
    founded: int
    maturity: str


def demo_clusters() -> list[DemoCluster]:
    with SOURCE.open(encoding="utf-8", newline="") as source:
        return [
            DemoCluster(**{**row, "founded": int(row["founded"])})  # type: ignore[arg-type]
            for row in csv.DictReader(source)
        ]
