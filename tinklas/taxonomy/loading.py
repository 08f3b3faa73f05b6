"""Loads the reference vocabularies. Called by data migrations (with historical models)
and by nothing else at run time, so the functions take the model classes as arguments."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from stdnum import numdb

from tinklas.taxonomy.reference import europe, lithuania

Model = Any  # a historical model class handed over by a migration


def translated(field: str, english: str, lithuanian: str) -> dict[str, str]:
    """Values for a translated field: each language's column, and the untranslated column
    holding the default language's value (historical models do not fill it themselves)."""
    values = {f"{field}_en": english, f"{field}_lt": lithuanian}
    values[field] = values.get(f"{field}_{settings.LANGUAGE_CODE}", english)
    return values


def load_ecosystems_and_fields(ecosystem_model: Model, sector_model: Model) -> None:
    ecosystems = {}
    for position, (slug, name_en, name_lt) in enumerate(europe.ECOSYSTEMS, start=1):
        ecosystems[slug], _ = ecosystem_model.objects.update_or_create(
            slug=slug,
            defaults={**translated("name", name_en, name_lt), "position": position},
        )
    for position, (slug, name_en, name_lt, ecosystem_slugs) in enumerate(
        europe.NETWORK_FIELDS, start=1
    ):
        sector, _ = sector_model.objects.update_or_create(
            slug=slug, defaults={**translated("name", name_en, name_lt), "position": position}
        )
        sector.ecosystems.set([ecosystems[ecosystem] for ecosystem in ecosystem_slugs])


def nace_headings(revision: str) -> list[tuple[str, int, str, str | None, str]]:
    """(code, level, section, parent code, English label) for every heading of a NACE
    revision, in python-stdnum's data, parents before children."""
    database = numdb.get("eu/nace20" if revision == "2.0" else "eu/nace21")
    headings: list[tuple[str, int, str, str | None, str]] = []

    def walk(prefixes: list[Any], code_so_far: str, section: str, depth: int) -> None:
        for _length, low, _high, properties, children in prefixes:
            if depth == 0 and low.isalpha():
                headings.append((low, 1, low, None, properties["label"]))
                continue
            if depth == 0:
                code, parent, level = low, properties["section"], 2
                section = properties["section"]
            elif depth == 1:
                code, parent, level = f"{code_so_far}.{low}", code_so_far, 3
            else:
                code, parent, level = f"{code_so_far}{low}", code_so_far, 4
            headings.append((code, level, section, parent, properties["label"]))
            walk(children, code, section, depth + 1)

    walk(database.prefixes, "", "", 0)
    return headings


def load_nace(activity_model: Model) -> None:
    for revision in ("2.0", "2.1"):
        by_code: dict[str, Any] = {}
        for code, level, section, parent_code, label in nace_headings(revision):
            by_code[code], _ = activity_model.objects.update_or_create(
                revision=revision,
                code=code,
                defaults={
                    "level": level,
                    "section": section,
                    "parent": by_code.get(parent_code) if parent_code else None,
                    "label": label,
                    "label_en": label,
                },
            )


def load_regions(region_model: Model) -> None:
    """Regions of the network's country, where the project carries them."""
    loader = {"LT": load_lithuanian_regions}.get(settings.TINKLAS_COUNTRY)
    if loader is not None:
        loader(region_model)


def load_lithuanian_regions(region_model: Model) -> None:
    counties = {}
    for code, nuts, name_lt, name_en in lithuania.COUNTIES:
        counties[code], _ = region_model.objects.update_or_create(
            code=code,
            defaults={
                "country": "LT",
                "kind": "county",
                "nuts_code": nuts,
                **translated("name", name_en, name_lt),
            },
        )
    for code, county, genitive, form, english_stem in lithuania.MUNICIPALITIES:
        name_lt, name_en = lithuania.municipality_names(genitive, form, english_stem)
        region_model.objects.update_or_create(
            code=code,
            defaults={
                "country": "LT",
                "kind": "municipality",
                "parent": counties[county],
                "nuts_code": counties[county].nuts_code,
                **translated("name", name_en, name_lt),
            },
        )
