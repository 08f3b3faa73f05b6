"""The staff report comparing member organisations with the register of legal entities."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tinklas.accounts.tests.factories import staff
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.organisations.register.tests.register_data import (
    REGISTERED_HEADER,
    company_code,
    load,
    register_file,
    registered,
)
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
CODES = {name: company_code(f"3000000{number}") for number, name in enumerate("ABCDEFG", 1)}


@pytest.fixture
def network(tmp_path):
    food = ClusterFactory(name="Food cluster")
    wood = ClusterFactory(name="Wood cluster")
    draft = ClusterFactory(name="Draft cluster", status=Cluster.Status.DRAFT)

    def member(name, code, legal_form="UAB", clusters=(food,)):
        organisation = OrganisationFactory(name=name, company_code=code, legal_form=legal_form)
        for cluster in clusters:
            MembershipFactory(cluster=cluster, organisation=organisation)
        return organisation

    member("UAB „Šilas“", CODES["A"])  # the register writes the form in full: the same
    member("UAB Duona", CODES["B"])  # renamed in the register
    member("Pienas", CODES["C"], legal_form="AB")  # a UAB in the register
    member("UAB Baldai", CODES["D"], clusters=(food, wood))  # being liquidated
    member("UAB Nežinoma", company_code("30000099"))  # not in the register
    member("Asociacija Be Kodo", "", legal_form="Asociacija")
    member("UAB Juodraštis", CODES["F"], clusters=(draft,))  # not a member of a published one
    OrganisationFactory(name="UAB Ne narys", company_code=CODES["G"])  # no membership
    load(
        register_file(
            tmp_path / "JAR_IREGISTRUOTI.csv",
            REGISTERED_HEADER,
            [
                registered(CODES["A"], 'Uždaroji akcinė bendrovė "ŠILAS"'),
                registered(CODES["B"], 'UAB "Duonos kepykla"'),
                registered(CODES["C"], 'UAB "Pienas"'),
                registered(
                    CODES["D"],
                    'UAB "Baldai"',
                    status_code="7",
                    status="Likviduojamas",
                    since="2026-09-01",
                ),
                registered(CODES["F"], "UAB Kitas vardas", status="Bankrutavęs"),
                registered(CODES["G"], "UAB Visai kitas", status="Bankrutavęs"),
            ],
        )
    )
    return food, wood


def section(page, test_id):
    start = page.index(f'data-testid="{test_id}"')
    return page[start : page.index("</table>", start)]


def test_the_report_lists_differing_names_and_legal_forms(client, network):
    client.force_login(staff())
    page = client.get(reverse("clusters:register-report")).content.decode()
    differing = section(page, "differing")
    assert "UAB Duona" in differing and "UAB &quot;Duonos kepykla&quot;" in differing
    assert "Pienas" in differing and "Uždaroji akcinė bendrovė" in differing
    assert "Šilas" not in differing  # the same once quotes, case and the form are set aside
    assert "Juodraštis" not in page and "Ne narys" not in page
    assert 'href="/en/organisations/uab-duona/edit/"' in differing


def test_the_report_lists_members_being_liquidated_with_their_clusters(client, network):
    client.force_login(staff())
    page = client.get(reverse("clusters:register-report")).content.decode()
    troubled = section(page, "troubled")
    assert "UAB Baldai" in troubled
    assert "Being liquidated" in troubled and "Likviduojamas" in troubled
    assert "2026-09-01" in troubled
    assert "Food cluster" in troubled and "Wood cluster" in troubled
    summary = page[page.index('data-testid="report-summary"') :]
    assert "1 not in the register, 1 without a company code" in summary


def test_members_without_an_entry_are_counted_only_for_the_registers_country(
    client, network, settings
):
    settings.TINKLAS_COUNTRY = "LV"
    client.force_login(staff())
    page = client.get(reverse("clusters:register-report")).content.decode()
    assert "not in the register" not in page
    assert "UAB Baldai" in section(page, "troubled")


def test_the_report_reads_a_fixed_number_of_queries(client, network, tmp_path):
    client.force_login(staff())
    url = reverse("clusters:register-report")
    client.get(url)  # the session and the user, read once as on every page
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    food, wood = network
    codes = [company_code(f"3100000{number}") for number in range(10)]
    for number, code in enumerate(codes):
        organisation = OrganisationFactory(name=f"UAB Kita {number}", company_code=code)
        MembershipFactory(cluster=food, organisation=organisation)
        MembershipFactory(cluster=wood, organisation=organisation)
    liquidations = [registered(code, "UAB Kita", status="Likviduojamas") for code in codes]
    load(register_file(tmp_path / "more.csv", REGISTERED_HEADER, liquidations))
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert page.count("UAB Kita 9") == 2  # a different name, and being liquidated
    assert len(many) == len(few) < 12


def test_an_empty_register_is_said(client):
    client.force_login(staff())
    page = client.get(reverse("clusters:register-report")).content.decode()
    assert "The register of legal entities has not been loaded yet." in page
