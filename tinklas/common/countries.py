"""Countries by ISO 3166-1 alpha-2 code, named from pycountry."""

from __future__ import annotations

from functools import cache

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def country_choices() -> list[tuple[str, str]]:
    return sorted(
        ((country.alpha_2, country.name) for country in pycountry.countries),
        key=lambda choice: choice[1],
    )


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else code


def validate_country_code(code: str) -> None:
    if pycountry.countries.get(alpha_2=code) is None:
        raise ValidationError(
            _("%(code)s is not an ISO 3166-1 country code."), params={"code": code}
        )
