"""Reading a municipality from the way people write it: its ISO 3166-2 code, its stored name
in a language of the site, that name with the usual abbreviations ("Vilniaus m. sav."), or
just the place ("Jonava", "Jonavos"). Every form is derived from the names stored on the
Region table: a name is split into the words that say what kind of municipality it is
(MUNICIPALITY_WORDS, per language) and the rest, its base ("Vilniaus" of "Vilniaus miesto
savivaldybė", "Vilnius" of "Vilnius city municipality"). A cell names a municipality when
its base is one of the municipality's bases, in any language, and its kind words are among
those of the municipality's name in one language. So the Lithuanian genitive and the English
nominative of a place both find it, and a place shared by a city and a district municipality
("Vilnius") is named as ambiguous rather than guessed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from tinklas.search.analyzer import fold
from tinklas.taxonomy.models import Region

# The words of municipality names that say what kind of municipality it is, per language of
# the stored names, each with its usual abbreviations and other spellings (written folded:
# lower case, without accents or dots), mapped to the word the stored names use. They are the
# only language-specific part of reading municipalities: a language without an entry is read
# by its stored names and by codes, and a country pack adds its own language here.
MUNICIPALITY_WORDS: dict[str, dict[str, str]] = {
    "lt": {
        "savivaldybe": "savivaldybe",
        "sav": "savivaldybe",
        "miesto": "miesto",
        "m": "miesto",
        "miestas": "miesto",
        "rajono": "rajono",
        "r": "rajono",
        "raj": "rajono",
        "rajonas": "rajono",
    },
    "en": {
        "municipality": "municipality",
        "mun": "municipality",
        "city": "city",
        "district": "district",
    },
}
# In an address a bare place name ("Vilnius, Gedimino pr. 1") is the town: where a city and
# a district municipality share the place's name, the one with this kind word is meant.
TOWN_WORDS: dict[str, str] = {"lt": "miesto", "en": "city"}
# Words of an address part looked at for a municipality written before the rest
# ("Vilniaus m. sav. Vilniaus m. Gedimino pr. 9").
ADDRESS_PREFIX_WORDS = 5
WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The folded words of a text; dots, commas and spaces only separate them."""
    composed = unicodedata.normalize("NFKC", text)
    return [word for word in (fold(part) for part in WORD.findall(composed)) if word]


@dataclass(frozen=True)
class Reading:
    """A text read in one language: its base (the words that are no kind word) and the kind
    words, in the stored names' spelling."""

    language: str
    base: str
    kinds: frozenset[str]


def readings(words: list[str], languages: Iterable[str]) -> list[Reading]:
    result = []
    for language in languages:
        table = MUNICIPALITY_WORDS.get(language, {})
        base = " ".join(word for word in words if word not in table)
        kinds = frozenset(table[word] for word in words if word in table)
        if base:
            result.append(Reading(language, base, kinds))
    return result


class Municipalities:
    """The municipalities of the site, indexed by code and by the bases of their names."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self.languages = [code for code, _name in settings.LANGUAGES]
        self.by_code: dict[str, Region] = {}
        self.by_base: dict[str, list[Region]] = {}
        # A municipality's kind words per language of its names.
        self.kinds: dict[int, dict[str, frozenset[str]]] = {}
        for region in regions:
            self.add(region)

    def add(self, region: Region) -> None:
        self.by_code[region.code.upper()] = region
        self.kinds[region.pk] = {}
        for language in self.languages:
            name = getattr(region, build_localized_fieldname("name", language), "") or ""
            for reading in readings(words_of(name), [language]):
                self.kinds[region.pk][language] = reading.kinds
                named = self.by_base.setdefault(reading.base, [])
                if region not in named:
                    named.append(region)

    def candidates(self, text: str, country: str | None = None) -> list[Region]:
        """Every municipality the text may mean, in code order: one, several (a place both
        a city and a district municipality are named after), or none."""
        code = self.by_code.get(" ".join(text.split()).upper())
        if code is not None:
            found = [code]
        else:
            found = []
            for reading in readings(words_of(text), self.languages):
                for region in self.by_base.get(reading.base, []):
                    if region not in found and self.has_kinds(region, reading):
                        found.append(region)
        return sorted(
            (region for region in found if not country or region.country == country),
            key=lambda region: region.code,
        )

    def example(self, country: str) -> Region | None:
        """The municipality messages give as an example: the country's first by code."""
        codes = sorted(code for code, region in self.by_code.items() if region.country == country)
        return self.by_code[codes[0]] if codes else None

    def has_kinds(self, region: Region, reading: Reading) -> bool:
        kinds = self.kinds[region.pk].get(reading.language)
        return kinds is not None and reading.kinds <= kinds

    def is_town(self, region: Region) -> bool:
        return any(
            word in self.kinds[region.pk].get(language, frozenset())
            for language, word in TOWN_WORDS.items()
        )

    def in_address(self, address: str, country: str | None = None) -> Region | None:
        """The municipality an address names, when it names exactly one: a part between
        commas that is a place ("Kaunas, Savanorių pr. 271"), the town where a city and a
        district share the place's name, or a municipality written with its kind before the
        rest of a part ("Kauno r. sav. Garliava, ...")."""
        for part in address.split(","):
            found = self.candidates(part, country)
            towns = [region for region in found if self.is_town(region)]
            if len(found) == 1 or len(towns) == 1:
                return found[0] if len(found) == 1 else towns[0]
            words = part.split()
            for length in range(min(len(words) - 1, ADDRESS_PREFIX_WORDS), 0, -1):
                prefix = " ".join(words[:length])
                if any(reading.kinds for reading in readings(words_of(prefix), self.languages)):
                    found = self.candidates(prefix, country)
                    if len(found) == 1:
                        return found[0]
        return None


def ambiguity(text: str, regions: list[Region]) -> str:
    """The message for a text that names several municipalities, naming each."""
    options = [f"{region.name} ({region.code})" for region in regions]
    if len(options) == 2:
        return _("%(value)s could be %(first)s or %(second)s: write which.") % {
            "value": text,
            "first": options[0],
            "second": options[1],
        }
    return _("%(value)s could be any of %(options)s: write which.") % {
        "value": text,
        "options": "; ".join(options),
    }
