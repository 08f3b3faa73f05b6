"""The one text analyzer both search engines are fed from. It turns text into plain ASCII
terms, so that SQLite FTS5 and PostgreSQL full-text see the same tokens and give the same
results: lowercase, stemmed with the Snowball stemmer of every configured language, then
diacritics folded ("Šiaulių" → "siaul" and "siauliu"; "pieno" and "pienas" → "pien")."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import Stemmer
from django.conf import settings

# Snowball algorithms by language code; languages without one are searched unstemmed.
SNOWBALL_ALGORITHMS = {
    "lt": "lithuanian",
    "en": "english",
    "lv": "latvian",
    "et": "estonian",
    "pl": "polish",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "cs": "czech",
    "ro": "romanian",
    "hu": "hungarian",
    "fi": "finnish",
    "sv": "swedish",
    "da": "danish",
    "nl": "dutch",
    "it": "italian",
    "pt": "portuguese",
    "el": "greek",
}
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 40
# Dotted codes (NACE 62.10, 01.1) are one term without the dots.
WORD = re.compile(r"\d+(?:\.\d+)+|\w+", re.UNICODE)


@cache
def stemmers() -> tuple[Stemmer.Stemmer, ...]:
    algorithms = Stemmer.algorithms()
    return tuple(
        Stemmer.Stemmer(SNOWBALL_ALGORITHMS[code])
        for code, _name in settings.LANGUAGES
        if SNOWBALL_ALGORITHMS.get(code) in algorithms
    )


def fold(text: str) -> str:
    """Lowercase ASCII: diacritics removed, anything else that is not a letter or digit
    dropped."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(
        character for character in decomposed if character.isascii() and character.isalnum()
    )


def words(text: str) -> list[str]:
    return [
        word.replace(".", "")[:MAX_WORD_LENGTH]
        for word in WORD.findall(text.replace("_", " ").lower())
    ]


def variants(word: str) -> list[str]:
    """The terms one word may stand for: its stem in each language, folded; the folded word
    itself when no stemmer applies."""
    terms = {fold(stemmer.stemWord(word)) for stemmer in stemmers()} or {fold(word)}
    return sorted(term for term in terms if term)


def document_terms(text: str) -> str:
    """Every term of a text, space-separated, for the index."""
    return " ".join(term for word in words(text) for term in variants(word))


def query_terms(text: str) -> list[list[str]]:
    """A query as groups of alternatives: every group must match (AND), any term of a
    group may (OR). Terms match as prefixes, so "techn" finds "technologijos"."""
    groups = []
    for word in words(text.replace("\x00", " "))[:MAX_QUERY_WORDS]:
        terms = variants(word)
        if terms and terms not in groups:
            groups.append(terms)
    return groups
