"""Small text helpers with no domain meaning."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.text import slugify


def unique_slug(text: str, is_taken: Callable[[str], bool], max_length: int = 80) -> str:
    """A slug of `text` (ASCII, diacritics folded by slugify), with -2, -3, ... appended
    until `is_taken` says it is free."""
    base = slugify(text)[:max_length].strip("-") or "item"
    candidate, number = base, 1
    while is_taken(candidate):
        number += 1
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
    return candidate


def translations(instance: object, field: str) -> list[str]:
    """The values of a translated field in every configured language (name_lt, name_en...)."""
    from django.conf import settings
    from modeltranslation.utils import build_localized_fieldname

    return [
        getattr(instance, build_localized_fieldname(field, code), None) or ""
        for code, _name in settings.LANGUAGES
    ]


# Alphabets whose order differs from the code-point order (ą after a, č after c, y after į…).
ALPHABETS = {"lt": "aąbcčdeęėfghiįyjklmnoprsštuųūvzž"}


def collation_key(text: str, language: str) -> tuple[int, ...]:
    """A sort key following the language's alphabet, case-insensitive; letters outside it
    sort after it by code point."""
    alphabet = ALPHABETS.get(language, "")
    return tuple(
        alphabet.index(character) if character in alphabet else len(alphabet) + ord(character)
        for character in text.casefold()
    )
