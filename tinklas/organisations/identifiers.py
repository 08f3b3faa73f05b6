"""Validation of legal-entity identifiers. One validator per country for company codes;
countries without one accept any code of digits, letters and dashes."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.eu import vat
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.lt import pvm


def clean_lithuanian_company_code(code: str) -> str:
    """A Lithuanian legal entity code (juridinio asmens kodas): nine digits, the last a
    mod-11 check digit over the first eight, computed as for VAT codes."""
    digits = re.sub(r"\s", "", code)
    if not re.fullmatch(r"\d{9}", digits):
        raise ValidationError(_("A Lithuanian company code has exactly 9 digits."))
    if pvm.calc_check_digit(digits[:8]) != digits[8]:
        raise ValidationError(_("The check digit of this Lithuanian company code is wrong."))
    return digits


def clean_generic_company_code(code: str) -> str:
    compact = re.sub(r"\s", "", code).upper()
    if not re.fullmatch(r"[0-9A-Z][0-9A-Z./-]{0,39}", compact):
        raise ValidationError(_("A company code holds only letters, digits, dots and dashes."))
    return compact


COMPANY_CODE_CLEANERS: dict[str, Callable[[str], str]] = {"LT": clean_lithuanian_company_code}


def clean_company_code(country: str, code: str) -> str:
    """The code in its stored form, or ValidationError explaining what is wrong."""
    return COMPANY_CODE_CLEANERS.get(country, clean_generic_company_code)(code)


def clean_vat_code(code: str, country: str | None = None) -> str:
    """An EU VAT identification number with its country prefix (LT119511515)."""
    try:
        compact = vat.compact(code)
        vat.validate(compact)
    except StdnumValidationError:
        raise ValidationError(
            _("This is not a valid EU VAT code (country prefix, then the number).")
        ) from None
    # Greece uses EL in VAT codes and GR in ISO 3166.
    prefix = "GR" if compact[:2] == "EL" else compact[:2]
    if country and prefix != country:
        raise ValidationError(
            _("The VAT code's prefix %(prefix)s does not match the country %(country)s.")
            % {"prefix": compact[:2], "country": country}
        )
    return compact
