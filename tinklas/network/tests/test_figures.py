"""Key figures as of a date, on a small hand-built network."""

import datetime
from types import SimpleNamespace

import pytest

from tinklas.clusters.models import Cluster, Label, Membership
from tinklas.network import figures
from tinklas.network.models import Network, NetworkMembership
from tinklas.organisations.models import Organisation
from tinklas.taxonomy.models import Region, Sector

pytestmark = pytest.mark.django_db


def day(year, month, date):
    return datetime.date(year, month, date)


BEFORE_ALPHA = day(2020, 5, 26)
ONLY_ALPHA = day(2022, 6, 1)  # Beta is not yet a member of the network
BOTH = day(2023, 6, 1)
AFTER_SMALL_LEFT = day(2024, 6, 1)


def company(name, headcount, municipality):
    return Organisation.objects.create(
        name=name, kind="company", headcount=headcount, municipality=municipality
    )


@pytest.fixture
def network():
    """Alpha (Vilnius, ICT) is a founding member; Beta (Kaunas, ICT and health) joins in
    2023; Gamma (Klaipėda) never joins. Memberships in clusters start on 2021-01-01."""
    vilnius, kaunas, klaipeda = (
        Region.objects.get(code=code) for code in ("LT-57", "LT-15", "LT-20")
    )
    ict, health = Sector.objects.get(slug="ict"), Sector.objects.get(slug="health")
    association = Network.objects.create(name="Test network", founded_on=day(2020, 5, 27))
    alpha = Cluster.objects.create(name="Alpha", municipality=vilnius)
    beta = Cluster.objects.create(name="Beta", municipality=kaunas)
    gamma = Cluster.objects.create(name="Gamma", municipality=klaipeda)
    alpha.sectors.add(ict)
    beta.sectors.add(ict, health)
    gamma.sectors.add(health)
    NetworkMembership.objects.create(
        network=association, cluster=alpha, joined_on=day(2020, 5, 27), founding_member=True
    )
    NetworkMembership.objects.create(network=association, cluster=beta, joined_on=day(2023, 1, 1))

    both = company("In both clusters", 5, vilnius)  # micro SME
    leaver = company("Small leaver", 20, kaunas)  # small SME, leaves Alpha on 2024-01-01
    beta_only = company("Beta SME", 100, klaipeda)  # medium SME
    large = company("Large company", 900, vilnius)
    university = Organisation.objects.create(
        name="University", kind="research", headcount=3000, municipality=vilnius
    )
    outsider = company("Gamma SME", 5, klaipeda)

    joined = day(2021, 1, 1)
    for cluster, organisation in [
        (alpha, both),
        (beta, both),
        (alpha, leaver),
        (beta, beta_only),
        (alpha, large),
        (alpha, university),
        (gamma, outsider),
    ]:
        Membership.objects.create(cluster=cluster, organisation=organisation, joined_on=joined)
    Membership.objects.get(organisation=leaver).end(day(2024, 1, 1))

    def label(cluster, awarded_on, valid_until):
        return Label.objects.create(
            cluster=cluster,
            kind="bronze",
            issuer="ESCA",
            awarded_on=awarded_on,
            valid_until=valid_until,
        )

    return SimpleNamespace(
        alpha=alpha,
        beta=beta,
        gamma=gamma,
        both=both,
        leaver=leaver,
        beta_only=beta_only,
        large=large,
        university=university,
        alpha_label=label(alpha, day(2021, 1, 1), day(2023, 12, 31)),
        beta_label=label(beta, day(2022, 1, 1), day(2024, 12, 31)),
        gamma_label=label(gamma, day(2022, 1, 1), day(2030, 12, 31)),
    )


def test_a_cluster_is_counted_only_once_it_joins_the_network(network):
    assert set(figures.member_clusters(BEFORE_ALPHA)) == set()
    assert set(figures.member_clusters(ONLY_ALPHA)) == {network.alpha}
    assert set(figures.member_clusters(day(2022, 12, 31))) == {network.alpha}
    assert set(figures.member_clusters(day(2023, 1, 1))) == {network.alpha, network.beta}
    assert set(figures.founding_clusters()) == {network.alpha}


def test_member_organisations_and_smes_as_of_a_date(network):
    expected = {
        ONLY_ALPHA: (
            {network.both, network.leaver, network.large, network.university},
            {network.both, network.leaver},
        ),
        BOTH: (
            {network.both, network.leaver, network.beta_only, network.large, network.university},
            {network.both, network.leaver, network.beta_only},
        ),
        day(2024, 1, 1): (
            {network.both, network.beta_only, network.large, network.university},
            {network.both, network.beta_only},
        ),
    }
    for on, (organisations, smes) in expected.items():
        assert list(figures.member_organisations(on).order_by("name")) == sorted(
            organisations, key=lambda organisation: organisation.name
        ), on
        assert set(figures.member_smes(on)) == smes, on


def test_key_figures(network):
    numbers = figures.key_figures(BOTH)
    assert numbers.as_of == BOTH
    assert numbers.clusters == 2
    assert numbers.member_organisations == 5  # the organisation in two clusters counts once
    assert numbers.member_smes == 3  # not the large company nor the university
    assert numbers.fields == 2
    assert numbers.labels_in_force == 2
    later = figures.key_figures(AFTER_SMALL_LEFT)
    assert (later.member_organisations, later.member_smes) == (4, 2)
    assert figures.key_figures(BEFORE_ALPHA).clusters == 0


def test_labels_in_force(network):
    assert set(figures.labels_in_force(ONLY_ALPHA)) == {network.alpha_label}
    assert set(figures.labels_in_force(BOTH)) == {network.alpha_label, network.beta_label}
    assert set(figures.labels_in_force(AFTER_SMALL_LEFT)) == {network.beta_label}
    assert set(figures.labels_in_force(day(2025, 1, 1))) == set()


def by_slug(pairs):
    return {sector.slug: count for sector, count in pairs}


def by_code(pairs):
    return {region.code: count for region, count in pairs}


def test_clusters_per_sector(network):
    per_sector = by_slug(figures.clusters_per_sector(BOTH))
    assert len(per_sector) == 9
    assert (per_sector["ict"], per_sector["health"], per_sector["tourism"]) == (2, 1, 0)
    earlier = by_slug(figures.clusters_per_sector(ONLY_ALPHA))
    assert (earlier["ict"], earlier["health"]) == (1, 0)


def test_clusters_per_county(network):
    per_county = by_code(figures.clusters_per_county(BOTH))
    assert len(per_county) == 10
    assert {code: count for code, count in per_county.items() if count} == {
        "LT-VL": 1,
        "LT-KU": 1,
    }
    earlier = by_code(figures.clusters_per_county(ONLY_ALPHA))
    assert {code: count for code, count in earlier.items() if count} == {"LT-VL": 1}


def test_smes_per_county(network):
    def nonzero(on):
        return {
            code: count for code, count in by_code(figures.smes_per_county(on)).items() if count
        }

    assert nonzero(ONLY_ALPHA) == {"LT-VL": 1, "LT-KU": 1}
    assert nonzero(BOTH) == {"LT-VL": 1, "LT-KU": 1, "LT-KL": 1}
    assert nonzero(AFTER_SMALL_LEFT) == {"LT-VL": 1, "LT-KL": 1}


def test_smes_per_sector(network):
    def nonzero(on):
        return {
            slug: count for slug, count in by_slug(figures.smes_per_sector(on)).items() if count
        }

    assert nonzero(ONLY_ALPHA) == {"ict": 2}
    # ICT: the SME in both clusters once, the small leaver, Beta's SME.
    assert nonzero(BOTH) == {"ict": 3, "health": 2}
    assert nonzero(AFTER_SMALL_LEFT) == {"ict": 2, "health": 2}


def test_a_cluster_that_left_the_network_is_no_longer_counted(network):
    membership = NetworkMembership.objects.get(cluster=network.beta)
    membership.left_on = day(2024, 3, 1)
    membership.full_clean()
    membership.save()
    assert set(figures.member_clusters(day(2024, 2, 29))) == {network.alpha, network.beta}
    assert set(figures.member_clusters(day(2024, 3, 1))) == {network.alpha}
    assert set(figures.member_smes(day(2024, 3, 1))) == {network.both}
    assert set(figures.labels_in_force(day(2024, 3, 1))) == set()
