"""Countries by ISO 3166-1 alpha-2 code, named from pycountry in the active language."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@cache
def country_choices() -> list[tuple[str, str]]:
    return sorted(
        ((country.alpha_2, country.name) for country in pycountry.countries),
        key=lambda choice: choice[1],
    )


@cache
def _translations(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def country_name(code: str) -> str:
    """The country's name in the active language (English where pycountry has none)."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return _translations(get_language() or "en").gettext(country.name)


def validate_country_code(code: str) -> None:
    if pycountry.countries.get(alpha_2=code) is None:
        raise ValidationError(
            _("%(code)s is not an ISO 3166-1 country code."), params={"code": code}
        )
