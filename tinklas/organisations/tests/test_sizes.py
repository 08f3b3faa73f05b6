"""Size classes under the EU SME definition (Recommendation 2003/361/EC)."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinklas.organisations.models import Organisation
from tinklas.organisations.sizes import SizeClass, size_class_for
from tinklas.organisations.tests.factories import OrganisationFactory

M = 1_000_000
ORDER = [SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM, SizeClass.LARGE]


@pytest.mark.parametrize(
    ("headcount", "turnover", "balance_sheet", "expected"),
    [
        (9, 2 * M, None, SizeClass.MICRO),
        (0, 2 * M, None, SizeClass.MICRO),
        (10, 2 * M, None, SizeClass.SMALL),
        (49, 2 * M, None, SizeClass.SMALL),
        (50, 2 * M, None, SizeClass.MEDIUM),
        (249, 2 * M, None, SizeClass.MEDIUM),
        (250, 2 * M, None, SizeClass.LARGE),
        # Either financial figure within the ceiling suffices.
        (9, 2 * M + 1, 2 * M, SizeClass.MICRO),
        (9, 2 * M, 2 * M + 1, SizeClass.MICRO),
        (9, 2 * M + 1, 2 * M + 1, SizeClass.SMALL),
        (49, 10 * M + 1, 10 * M + 1, SizeClass.MEDIUM),
        (49, 10 * M, 10 * M + 1, SizeClass.SMALL),
        # Medium: turnover up to 50 million or balance sheet up to 43 million.
        (100, 60 * M, 43 * M, SizeClass.MEDIUM),
        (100, 50 * M, 60 * M, SizeClass.MEDIUM),
        (100, 50 * M + 1, 43 * M + 1, SizeClass.LARGE),
        (9, 50 * M + 1, 43 * M + 1, SizeClass.LARGE),
        # Unknown finances: the headcount alone decides.
        (9, None, None, SizeClass.MICRO),
        (120, None, None, SizeClass.MEDIUM),
    ],
)
def test_size_class_at_the_thresholds(headcount, turnover, balance_sheet, expected):
    money = [None if figure is None else Decimal(figure) for figure in (turnover, balance_sheet)]
    assert size_class_for(headcount, *money) == expected


def test_unknown_headcount_gives_no_class():
    assert size_class_for(None, Decimal(100), Decimal(100)) == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("headcount", "expected"),
    [(9, "micro"), (10, "small"), (49, "small"), (50, "medium"), (249, "medium"), (250, "large")],
)
def test_save_stores_the_size_class(headcount, expected):
    company = OrganisationFactory(headcount=headcount, annual_turnover=Decimal(2 * M))
    company.refresh_from_db()
    assert company.size_class == expected


@pytest.mark.django_db
def test_save_updates_the_size_class_when_the_figures_change():
    company = OrganisationFactory(headcount=9, annual_turnover=Decimal(2 * M))
    company.headcount = 300
    company.save()
    company.refresh_from_db()
    assert company.size_class == SizeClass.LARGE
    company.headcount = None
    company.save()
    company.refresh_from_db()
    assert company.size_class == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind",
    [
        Organisation.Kind.RESEARCH,
        Organisation.Kind.PUBLIC_BODY,
        Organisation.Kind.ASSOCIATION,
        Organisation.Kind.OTHER,
    ],
)
def test_non_companies_never_get_a_size_class(kind):
    body = OrganisationFactory(kind=kind, headcount=5, annual_turnover=Decimal(1000))
    body.refresh_from_db()
    assert body.size_class == ""
    assert not body.is_sme


@pytest.mark.django_db
def test_company_that_becomes_a_university_loses_its_class():
    body = OrganisationFactory(headcount=5)
    assert body.size_class == SizeClass.MICRO
    body.kind = Organisation.Kind.RESEARCH
    body.save()
    body.refresh_from_db()
    assert body.size_class == ""


@pytest.mark.django_db
def test_smes_are_micro_small_and_medium_companies_only():
    micro = OrganisationFactory(headcount=3)
    small = OrganisationFactory(headcount=30)
    medium = OrganisationFactory(headcount=200)
    OrganisationFactory(headcount=1000)  # large
    OrganisationFactory(headcount=None)  # unknown
    OrganisationFactory(kind=Organisation.Kind.RESEARCH, headcount=30)
    OrganisationFactory(kind=Organisation.Kind.ASSOCIATION, headcount=3)
    assert set(Organisation.objects.smes()) == {micro, small, medium}
    assert [company.is_sme for company in (micro, small, medium)] == [True, True, True]


money = st.one_of(st.none(), st.integers(min_value=0, max_value=10**11).map(Decimal))


@settings(database=None)
@given(
    smaller=st.integers(min_value=0, max_value=2000),
    extra=st.integers(min_value=0, max_value=2000),
    turnover=money,
    balance_sheet=money,
)
def test_class_never_gets_smaller_when_headcount_grows(smaller, extra, turnover, balance_sheet):
    before = size_class_for(smaller, turnover, balance_sheet)
    after = size_class_for(smaller + extra, turnover, balance_sheet)
    assert ORDER.index(after) >= ORDER.index(before)
