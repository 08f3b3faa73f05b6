"""Representatives keep their organisation's public data current; the register identity
(name, kind, country, company code) is the network staff's to change."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from stdnum.lt import pvm

from tinklas.accounts.tests.factories import person, representative, staff
from tinklas.clusters.tests.factories import MembershipFactory
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import OrganisationFactory
from tinklas.taxonomy.models import NaceActivity

pytestmark = pytest.mark.django_db
CODE = "30000004" + pvm.calc_check_digit("30000004")


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(name="UAB Duona", company_code=CODE)
    MembershipFactory(organisation=organisation)  # a member, so its page is public
    return organisation


def edit_url(organisation):
    return reverse("organisations:edit", args=[organisation.slug])


def form_data(response):
    data = {}
    for field in response.context["form"]:
        value = field.field.prepare_value(field.value())
        data[field.name] = "" if value is None else str(value)
    return data


def test_representative_edits_the_public_data(client, organisation):
    user = representative(organisation)
    client.force_login(user)
    data = form_data(client.get(edit_url(organisation)))
    data.update(
        description_en="We bake rye bread.",
        description_lt="Kepame ruginę duoną.",
        main_activity="10.71",
        other_activities="62.10, 63.10",
        headcount="60",
        vat_code="",
    )
    response = client.post(edit_url(organisation), data)
    assert response.status_code == 302

    public = client.get(reverse("clusters:organisation", args=[organisation.slug])).content.decode()
    assert "We bake rye bread." in public
    assert "62.10" in public and "63.10" in public
    assert "Medium-sized" in public
    lithuanian = client.get(f"/lt/organisations/{organisation.slug}/").content.decode()
    assert "Kepame ruginę duoną." in lithuanian
    organisation.refresh_from_db()
    assert organisation.main_activity == NaceActivity.objects.get(revision="2.1", code="10.71")
    entries = LogEntry.objects.get_for_object(organisation).filter(action=LogEntry.Action.UPDATE)
    assert entries.exists()
    assert {entry.actor for entry in entries} == {user}


def test_an_unknown_nace_code_is_named(client, organisation):
    client.force_login(representative(organisation))
    data = form_data(client.get(edit_url(organisation)))
    data["other_activities"] = "62.10, 99.99"
    page = client.post(edit_url(organisation), data).content.decode()
    assert "Other activities (NACE codes)</a>: No such NACE Rev. 2.1 code: 99.99." in page
    assert not organisation.other_activities.exists()


def test_a_representative_cannot_change_the_company_code_or_name(client, organisation):
    client.force_login(representative(organisation))
    page = client.get(edit_url(organisation))
    assert 'name="company_code"' not in page.content.decode()
    assert CODE in page.content.decode()  # shown, read-only
    data = form_data(page)
    data.update(company_code="111111115", name="UAB Kita", description_en="Bread.")
    assert client.post(edit_url(organisation), data).status_code == 302
    organisation.refresh_from_db()
    assert organisation.company_code == CODE
    assert organisation.name == "UAB Duona"
    assert organisation.description_en == "Bread."


def test_staff_change_the_identity(client, organisation):
    client.force_login(staff())
    data = form_data(client.get(edit_url(organisation)))
    data.update(name="UAB Duonelė", company_code="123")
    bad = client.post(edit_url(organisation), data)
    assert "Company code</a>: A Lithuanian company code has exactly 9 digits." in (
        bad.content.decode()
    )
    data["company_code"] = CODE
    assert client.post(edit_url(organisation), data).status_code == 302
    assert Organisation.objects.get(pk=organisation.pk).name == "UAB Duonelė"


def test_another_organisations_representative_is_refused(client, organisation):
    client.force_login(representative(OrganisationFactory()))
    assert client.get(edit_url(organisation)).status_code == 403
    response = client.post(edit_url(organisation), {"description_en": "Taken over."})
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.description_en in (None, "")


def test_visitors_are_sent_to_sign_in_and_others_refused(client, organisation):
    response = client.get(edit_url(organisation))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    client.force_login(person())
    assert client.get(edit_url(organisation)).status_code == 403


def test_the_public_page_offers_editing_to_representatives_only(client, organisation):
    detail = reverse("clusters:organisation", args=[organisation.slug])
    assert edit_url(organisation) not in client.get(detail).content.decode()
    client.force_login(representative(organisation))
    assert edit_url(organisation) in client.get(detail).content.decode()


def test_concurrent_edits_of_an_organisation_conflict(client, organisation):
    first = representative(organisation, "first-rep@example.org")
    second = representative(organisation, "second-rep@example.org")
    client.force_login(first)
    first_data = form_data(client.get(edit_url(organisation)))
    client.force_login(second)
    second_data = form_data(client.get(edit_url(organisation)))

    client.force_login(first)
    first_data["website"] = "https://duona.example.org"
    assert client.post(edit_url(organisation), first_data).status_code == 302

    client.force_login(second)
    second_data["headcount"] = "5"
    page = client.post(edit_url(organisation), second_data).content.decode()
    assert "first-rep@example.org" in page
    assert "Website</strong>: — → https://duona.example.org" in page
    organisation.refresh_from_db()
    assert organisation.website == "https://duona.example.org"
    assert organisation.headcount is None
