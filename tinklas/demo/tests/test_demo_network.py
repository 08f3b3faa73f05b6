"""The demo network reproduces the known facts of the Lithuanian Cluster Network."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from tinklas.clusters.models import Cluster, Label, LabelStatus, Membership
from tinklas.network import figures
from tinklas.network.models import AlliancePartner, GovernancePosition, Network
from tinklas.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_key_figures_match_the_known_facts(demo_network, demo_today):
    numbers = figures.key_figures(demo_today)
    assert numbers.clusters == 57
    assert numbers.member_smes == 777
    assert numbers.fields == 9
    assert numbers.member_organisations > 777  # research, public bodies, large companies too


def test_founders_and_officers(demo_network, demo_today):
    network = Network.objects.get()
    assert network.name_en == "Lithuanian Cluster Network"
    assert network.founded_on == datetime.date(2020, 5, 27)
    founding = figures.founding_clusters()
    assert founding.count() == 9
    for cluster in founding:
        bronze_2019 = cluster.labels.filter(kind=Label.Kind.BRONZE, awarded_on__year=2019)
        assert bronze_2019.exists(), cluster
    president = GovernancePosition.objects.get(role="president")
    assert president.person_name == "Giedrius Bagušinskas"
    assert president.organisation == Cluster.objects.get(acronym="SMART FOOD").coordinator
    director = GovernancePosition.objects.get(role="managing-director")
    assert director.person_name == "Irmina Valytė"


def test_every_label_status_occurs_today(demo_network, demo_today):
    statuses = {label.status_on(demo_today) for label in Label.objects.all()}
    assert {
        LabelStatus.VALID,
        LabelStatus.EXPIRING,
        LabelStatus.RENEWAL_WINDOW,
        LabelStatus.EXPIRED,
    } <= statuses


def test_clusters_spread_over_fields_and_counties(demo_network, demo_today):
    per_sector = dict(figures.clusters_per_sector(demo_today))
    assert all(count > 0 for count in per_sector.values())
    per_county = {county.code: count for county, count in figures.clusters_per_county(demo_today)}
    most = sorted(per_county, key=per_county.__getitem__, reverse=True)[:2]
    assert set(most) == {"LT-VL", "LT-KU"}
    assert sum(per_county.values()) == 57


def test_maturity_partners_and_member_kinds(demo_network):
    assert set(Cluster.objects.values_list("maturity", flat=True)) == {
        "emerging",
        "formed",
        "developing",
        "mature",
    }
    assert set(AlliancePartner.objects.values_list("country", flat=True)) == {
        "PL",
        "RO",
        "BG",
        "HU",
        "CZ",
        "SK",
        "FR",
        "ES",
    }
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert {"company", "research", "public", "association"} <= kinds


def test_demo_data_is_valid_and_history_is_kept(demo_network):
    for organisation in Organisation.objects.all()[:200]:
        organisation.full_clean()
    assert Membership.objects.filter(left_on__isnull=False).exists()


def test_seed_demo_is_deterministic(db, demo_today, capsys, settings):
    settings.DEBUG = True
    call_command("seed_demo", today=demo_today)
    first = list(Organisation.objects.order_by("company_code").values_list("company_code", "name"))
    call_command("seed_demo", today=demo_today)
    second = list(Organisation.objects.order_by("company_code").values_list("company_code", "name"))
    assert first == second
    assert "777 member SMEs" in capsys.readouterr().out


def test_seed_demo_refuses_outside_debug_mode(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not Network.objects.exists()
