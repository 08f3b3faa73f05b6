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


def rename_in_admin(client, organisation, name, **headers):  # type: ignore[no-untyped-def]
    """Renames an organisation through its admin change form, as staff would; returns the
    response (a redirect when saved)."""
    from django.urls import reverse

    return client.post(
        reverse("admin:organisations_organisation_change", args=[organisation.pk]),
        {
            "name": name,
            "slug": organisation.slug,
            "kind": organisation.kind,
            "country": organisation.country,
            "description_lt": "",
            "description_en": "",
            # The representatives inline, empty.
            "representatives-TOTAL_FORMS": "0",
            "representatives-INITIAL_FORMS": "0",
        },
        **headers,
    )
