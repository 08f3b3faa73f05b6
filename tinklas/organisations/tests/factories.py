"""Factories for organisations in tests."""

import factory

from tinklas.organisations.models import Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda number: f"Organisation {number}")
    kind = Organisation.Kind.COMPANY
    country = "LT"
    company_code = ""
