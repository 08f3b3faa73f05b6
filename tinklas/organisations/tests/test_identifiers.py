"""Company codes and VAT codes are validated, normalised and unique per country."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tinklas.organisations.identifiers import (
    clean_company_code,
    clean_generic_company_code,
    clean_lithuanian_company_code,
    clean_vat_code,
)
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import OrganisationFactory

REAL_CODES = [
    "211950810",  # Vilnius University
    "111950581",  # Kaunas University of Technology
    "121215434",  # Telia Lietuva
    "123033512",  # Maxima LT
]
CHECK_DIGIT_MESSAGE = "check digit"
DUPLICATE_MESSAGE = "already exists in this country"


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_lithuanian_company_codes_pass(code):
    assert clean_lithuanian_company_code(code) == code
    assert clean_company_code("LT", code) == code


@pytest.mark.parametrize("code", REAL_CODES)
def test_any_other_last_digit_fails_on_the_check_digit(code):
    for digit in "0123456789":
        if digit == code[-1]:
            continue
        with pytest.raises(ValidationError, match=CHECK_DIGIT_MESSAGE):
            clean_lithuanian_company_code(code[:-1] + digit)


@pytest.mark.parametrize("code", ["21195081", "2119508100", "21195081A", "UAB123456", ""])
def test_wrong_length_or_letters_fail(code):
    with pytest.raises(ValidationError, match="9 digits"):
        clean_lithuanian_company_code(code)


def test_spaces_are_removed():
    assert clean_lithuanian_company_code(" 211 950 810 ") == "211950810"
    assert clean_company_code("LT", "1212\t15434") == "121215434"


def test_vat_codes():
    assert clean_vat_code("LT119511515") == "LT119511515"
    assert clean_vat_code("lt 1195 11515", "LT") == "LT119511515"
    with pytest.raises(ValidationError, match="not a valid EU VAT code"):
        clean_vat_code("LT119511516")
    with pytest.raises(ValidationError, match="does not match the country LV"):
        clean_vat_code("LT119511515", "LV")
    # Too short to hold a country prefix: a message, not a crash.
    with pytest.raises(ValidationError, match="not a valid EU VAT code"):
        clean_vat_code("12")


def test_generic_company_codes_of_other_countries():
    assert clean_company_code("LV", "40003 245 752") == "40003245752"
    assert clean_company_code("DE", "hrb-12345") == "HRB-12345"
    assert clean_generic_company_code("123.456/7") == "123.456/7"
    for bad in ["-123", "ABC#1", "A" * 41]:
        with pytest.raises(ValidationError, match="letters, digits, dots and dashes"):
            clean_company_code("LV", bad)


# Organisation.full_clean ------------------------------------------------------------


def organisation(**values):
    values = {"name": "Vilniaus universitetas", "kind": Organisation.Kind.RESEARCH, **values}
    return Organisation(**values)


@pytest.mark.django_db
def test_full_clean_normalises_a_valid_code():
    university = organisation(company_code="211 950 810", vat_code="lt119511515")
    university.full_clean()
    assert university.company_code == "211950810"
    assert university.vat_code == "LT119511515"


@pytest.mark.django_db
def test_full_clean_names_a_wrong_company_code():
    with pytest.raises(ValidationError) as error:
        organisation(company_code="211950811").full_clean()
    assert CHECK_DIGIT_MESSAGE in " ".join(error.value.message_dict["company_code"])


@pytest.mark.django_db
def test_full_clean_names_a_wrong_vat_code():
    with pytest.raises(ValidationError) as error:
        organisation(vat_code="LT119511516").full_clean()
    assert "vat_code" in error.value.message_dict
    assert "company_code" not in error.value.message_dict


@pytest.mark.django_db
def test_full_clean_rejects_a_vat_prefix_of_another_country():
    latvian = organisation(country="LV", company_code="90000 0100 46", vat_code="LT119511515")
    with pytest.raises(ValidationError) as error:
        latvian.full_clean()
    assert list(error.value.message_dict) == ["vat_code"]


# Uniqueness per country --------------------------------------------------------------


@pytest.mark.django_db
def test_the_same_company_code_twice_in_one_country_fails_full_clean():
    OrganisationFactory(company_code="211950810")
    duplicate = organisation(company_code="211 950 810")  # the same code once normalised
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert DUPLICATE_MESSAGE in " ".join(error.value.message_dict["company_code"])


@pytest.mark.django_db
def test_the_same_company_code_twice_in_one_country_fails_in_the_database():
    OrganisationFactory(company_code="211950810")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="Copy", kind="company", company_code="211950810")
    assert Organisation.objects.filter(company_code="211950810").count() == 1


@pytest.mark.django_db
def test_the_same_code_in_two_countries_is_allowed():
    OrganisationFactory(company_code="211950810", country="LT")
    latvian = organisation(name="Latvian namesake", country="LV", company_code="211950810")
    latvian.full_clean()
    latvian.save()
    assert Organisation.objects.filter(company_code="211950810").count() == 2


@pytest.mark.django_db
def test_many_organisations_without_a_code_are_allowed():
    for number in range(3):
        unknown = organisation(name=f"Unregistered {number}", company_code="")
        unknown.full_clean()
        unknown.save()
    assert Organisation.objects.filter(company_code="").count() == 3
