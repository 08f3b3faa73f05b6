"""Looking an entity of the register of legal entities up by the company code typed on a
form, and comparing its legal form and name with an organisation's. The register covers
Lithuania only (REGISTER_COUNTRY); its legal forms are named in Lithuanian."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tinklas.organisations.identifiers import clean_company_code
from tinklas.organisations.models import LegalEntity, Organisation

REGISTER_COUNTRY = "LT"

# The register's legal forms with their usual abbreviations and the kind of organisation
# they make; forms not listed compare by their full names.
LEGAL_FORMS: list[tuple[str, str, str]] = [
    ("Uždaroji akcinė bendrovė", "UAB", Organisation.Kind.COMPANY),
    ("Akcinė bendrovė", "AB", Organisation.Kind.COMPANY),
    ("Mažoji bendrija", "MB", Organisation.Kind.COMPANY),
    ("Individuali įmonė", "IĮ", Organisation.Kind.COMPANY),
    ("Tikroji ūkinė bendrija", "TŪB", Organisation.Kind.COMPANY),
    ("Komanditinė ūkinė bendrija", "KŪB", Organisation.Kind.COMPANY),
    ("Žemės ūkio bendrovė", "ŽŪB", Organisation.Kind.COMPANY),
    ("Kooperatinė bendrovė (kooperatyvas)", "KB", Organisation.Kind.COMPANY),
    ("Kooperatinė bendrovė", "KB", Organisation.Kind.COMPANY),
    ("Viešoji įstaiga", "VšĮ", ""),
    ("Valstybės įmonė", "VĮ", Organisation.Kind.PUBLIC_BODY),
    ("Savivaldybės įmonė", "SĮ", Organisation.Kind.PUBLIC_BODY),
    ("Biudžetinė įstaiga", "BĮ", ""),
    ("Asociacija", "", Organisation.Kind.ASSOCIATION),
]
QUOTES = re.compile("[\"'„“”«»‘’‚`]")


def folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def legal_form_abbreviation(legal_form: str) -> str:
    """The usual abbreviation of a legal form ("UAB"), or the form itself when it has none."""
    wanted = folded(" ".join(legal_form.split()))
    for full, abbreviation, _kind in LEGAL_FORMS:
        if wanted in (folded(full), folded(abbreviation)):
            return abbreviation or full
    return " ".join(legal_form.split())


def kind_of_legal_form(legal_form: str) -> str:
    """The kind of organisation a legal form makes, or "" when it may be several."""
    wanted = folded(legal_form_abbreviation(legal_form))
    for full, abbreviation, kind in LEGAL_FORMS:
        if wanted == folded(abbreviation or full):
            return kind
    return ""


def same_legal_form(first: str, second: str) -> bool:
    return folded(legal_form_abbreviation(first)) == folded(legal_form_abbreviation(second))


def normalised_name(name: str) -> str:
    """A name compared without case, quotes, commas and spacing, its legal form read as the
    abbreviation before the name wherever and however it is written: "Uždaroji akcinė
    bendrovė „Šilas“", 'UAB "Šilas"', "Šilas, UAB" and "Silas UAB" all give "uab šilas"
    (the legal form compared without accents too, the name keeps them: "Šilas" and "Silas"
    are different names). The one comparison of names for the register's pages and the
    imports."""
    words = QUOTES.sub(" ", name).replace(",", " ").casefold().split()
    plain = [folded(word) for word in words]
    for form_words, abbreviation in name_forms():
        size = len(form_words)
        if len(words) > size:
            if plain[:size] == form_words:
                return " ".join([abbreviation, *words[size:]])
            if plain[-size:] == form_words:
                return " ".join([abbreviation, *words[:-size]])
    return " ".join(words)


@cache
def name_forms() -> list[tuple[list[str], str]]:
    """Each legal form with an abbreviation, written in full and abbreviated (folded words),
    with the abbreviation that stands for it in a normalised name."""
    return [
        (folded(form).split(), folded(abbreviation))
        for full, abbreviation, _kind in LEGAL_FORMS
        if abbreviation
        for form in (full, abbreviation)
    ]


def same_name(first: str, second: str) -> bool:
    return normalised_name(first) == normalised_name(second)


@dataclass(frozen=True)
class Lookup:
    """The register's entry for a code typed on a form, or why there is none."""

    code: str
    entity: LegalEntity | None = None
    problem: str = ""
    valid: bool = False  # the code is well formed (in its stored form)

    def prefill(self) -> dict[str, str]:
        """Form values from the register: name, legal form, address and kind."""
        if self.entity is None:
            return {}
        values = {
            "company_code": self.code,
            "name": self.entity.name,
            "legal_form": legal_form_abbreviation(self.entity.legal_form),
            "address": self.entity.address,
        }
        kind = kind_of_legal_form(self.entity.legal_form)
        return {**values, "kind": kind} if kind else values


def look_up(country: str | None, code: str | None) -> Lookup:
    code = (code or "").strip()
    if not code:
        return Lookup(code, problem=_("Type the company code to look up."))
    if (country or REGISTER_COUNTRY) != REGISTER_COUNTRY:
        return Lookup(code, problem=_("The register covers organisations of Lithuania only."))
    try:
        code = clean_company_code(REGISTER_COUNTRY, code)
    except ValidationError as error:
        return Lookup(code, problem=" ".join(error.messages))
    entity = LegalEntity.objects.filter(code=code).first()
    if entity is None:
        return Lookup(code, problem=_("No entity with this code is in the register."), valid=True)
    return Lookup(code, entity, valid=True)
