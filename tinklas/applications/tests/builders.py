"""Applications for the tests: a complete one ready to submit, the data of the first step,
valid company codes."""

from decimal import Decimal

from django.urls import reverse
from stdnum.lt import pvm

from tinklas.applications.models import ApplicationMember, ClusterApplication
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import Region, Sector

COMPANY = Organisation.Kind.COMPANY
RESEARCH = Organisation.Kind.RESEARCH


def lithuanian_code(number: int) -> str:
    """A valid Lithuanian company code: 8 digits and their check digit."""
    first = f"{number:08d}"
    return first + pvm.calc_check_digit(first)


def municipality() -> Region:
    return Region.objects.filter(kind=Region.Kind.MUNICIPALITY, country="LT").order_by("pk")[0]


def complete_application(
    applicant, members: int = 5, kinds=(COMPANY, RESEARCH), **values
) -> ClusterApplication:
    """An application with every required field, ready to submit; the first member is the
    coordinator."""
    fields = {
        "name": "Baltic Robotics Cluster",
        "acronym": "BRC",
        "description": "Robot makers and integrators of the Baltic coast.",
        "website": "https://robotics.example.org",
        "municipality": municipality(),
        "coordinator_name": "Member 0",
        "coordinator_code": lithuanian_code(30470000),
        "management_fte": Decimal("1.5"),
        "contact_person": "Rasa Petraitė",
        "contact_email": "rasa@robotics.example.org",
        **values,
    }
    application = ClusterApplication.objects.create(applicant=applicant, **fields)
    application.sectors.set(Sector.objects.order_by("pk")[:1])
    for number in range(members):
        ApplicationMember.objects.create(
            application=application,
            name=f"Member {number}",
            company_code=lithuanian_code(30470000 + number),
            kind=kinds[number % len(kinds)],
        )
    return application


def step_url(application: ClusterApplication, step: str) -> str:
    return reverse("applications:step", args=[application.pk, step])


def text(response) -> str:
    return response.content.decode()


def cluster_step_data(**values) -> dict:
    return {
        "name": "Kauno maisto klasteris",
        "acronym": "KMK",
        "description": "Food makers of Kaunas.",
        "website": "kmk.example.org",
        "founded_on": "2019-05-01",
        "sectors": [Sector.objects.order_by("pk")[0].pk],
        "ecosystems": [],
        "municipality": municipality().pk,
        **values,
    }
