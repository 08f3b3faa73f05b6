"""The demo's register extract gives the lookup and the staff report something to show."""

import pytest
from django.urls import reverse

from tinklas.accounts.tests.factories import staff
from tinklas.demo.register import DEREGISTERED, RENAMED, TROUBLES, create_register_entries
from tinklas.organisations.models import LegalEntity, Organisation


@pytest.mark.django_db
def test_every_member_has_an_entry_and_the_report_shows_the_differences(client, demo_network):
    members = Organisation.objects.filter(is_member=True, country="LT").exclude(company_code="")
    assert create_register_entries(demo_network.founded_on) == members.count()
    troubled = sum(count for _name, count in TROUBLES) + DEREGISTERED
    assert LegalEntity.objects.exclude(status=LegalEntity.Status.ACTIVE).count() == troubled
    client.force_login(staff())
    page = client.get(reverse("clusters:register-report")).content.decode()
    assert page.count("ir partneriai") == RENAMED
    assert "Likviduojamas" in page
