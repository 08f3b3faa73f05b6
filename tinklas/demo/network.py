"""The demo network's association, governance, partners and labels."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from tinklas.clusters.models import Cluster, Label
from tinklas.common.dates import add_months
from tinklas.network.models import AlliancePartner, GovernancePosition, Network, NetworkMembership

if TYPE_CHECKING:
    from tinklas.demo.builder import DemoBuilder

FOUNDED_ON = datetime.date(2020, 5, 27)
FOUNDING_CLUSTERS = 9


def create_network(builder: DemoBuilder, clusters: list[tuple[str, Cluster]]) -> Network:
    smart_food = clusters[0][1]
    network = Network.objects.create(
        name_lt="Lietuvos klasterių tinklas",
        name_en="Lithuanian Cluster Network",
        acronym="LKT",
        founded_on=FOUNDED_ON,
        description_lt=(
            "Lietuvos klasterių tinklas – 2020 m. gegužės 27 d. devynių klasterių, turinčių "
            "bronzinį klasterių valdymo meistriškumo ženklą, įkurta asociacija. Jis vienija "
            "nacionalinius klasterius, atstovauja jiems Lietuvoje ir Europoje ir yra Europos "
            "klasterių aljanso narys."
        ),
        description_en=(
            "The Lithuanian Cluster Network is the association founded on 27 May 2020 by nine "
            "clusters holding the Bronze label of Cluster Management Excellence. It unites the "
            "country's national clusters, speaks for them in Lithuania and in Europe, and is the "
            "national member of the European Cluster Alliance."
        ),
        website="https://www.klasteriai.example.lt",
        email="info@klasteriai.example.lt",
        address_lt="Vilnius, Lietuva",
        address_en="Vilnius, Lithuania",
    )
    founding = clusters[:FOUNDING_CLUSTERS]
    for _field, cluster in founding:
        NetworkMembership.objects.create(
            network=network, cluster=cluster, joined_on=FOUNDED_ON, founding_member=True
        )
    for _field, cluster in clusters[FOUNDING_CLUSTERS:]:
        NetworkMembership.objects.create(
            network=network,
            cluster=cluster,
            joined_on=builder.day_between(
                datetime.date(2020, 7, 1), builder.today - datetime.timedelta(days=45)
            ),
        )
    GovernancePosition.objects.create(
        network=network,
        person_name="Giedrius Bagušinskas",
        role="president",
        organisation=smart_food.coordinator,
        started_on=FOUNDED_ON,
    )
    GovernancePosition.objects.create(
        network=network,
        person_name="Irmina Valytė",
        role="managing-director",
        started_on=FOUNDED_ON,
    )
    for _field, cluster in clusters[1:5]:
        GovernancePosition.objects.create(
            network=network,
            person_name=cluster.contact_person,
            role="board-member",
            organisation=cluster.coordinator,
            started_on=FOUNDED_ON,
        )
    for country, name in (
        ("PL", "Polish Cluster Association"),
        ("RO", "Romanian Cluster Association"),
        ("BG", "Bulgarian Cluster Association"),
        ("HU", "Hungarian Cluster Association"),
        ("CZ", "Czech National Cluster Association"),
        ("SK", "Slovak Cluster Union"),
        ("FR", "French Cluster Association"),
        ("ES", "Spanish Cluster Federation"),
    ):
        AlliancePartner.objects.create(network=network, name=name, country=country)
    return network


def create_labels(builder: DemoBuilder, clusters: list[tuple[str, Cluster]]) -> None:
    """Bronze labels of 2019 for the founding clusters, renewed or not, so that every label
    status occurs on `today`; a few labels of later members."""
    today = builder.today

    def label(
        cluster: Cluster,
        kind: str,
        awarded_on: datetime.date,
        valid_until: datetime.date | None = None,
        issuer: str = "ESCA",
        name: str = "",
    ) -> None:
        Label.objects.create(
            cluster=cluster,
            kind=kind,
            issuer=issuer,
            name=name,
            awarded_on=awarded_on,
            valid_until=valid_until or add_months(awarded_on, 24) - datetime.timedelta(days=1),
        )

    # Days from today to the end of the latest label, per founding cluster: positive is
    # valid or expiring, negative has expired (in the renewal window up to a year after).
    latest_label_ends = [330, 40, -120, None, 500, 250, None, 20, -30]
    for (_field, cluster), ends_in in zip(
        clusters[:FOUNDING_CLUSTERS], latest_label_ends, strict=True
    ):
        awarded_2019 = builder.day_between(datetime.date(2019, 2, 1), datetime.date(2019, 11, 30))
        label(cluster, "bronze", awarded_2019)
        if ends_in is not None:
            valid_until = today + datetime.timedelta(days=ends_in)
            kind = "silver" if ends_in > 200 else "bronze"
            label(
                cluster,
                kind,
                add_months(valid_until, -24) + datetime.timedelta(days=1),
                valid_until,
            )
    for _field, cluster in clusters[FOUNDING_CLUSTERS : FOUNDING_CLUSTERS + 6]:
        label(cluster, "bronze", today - datetime.timedelta(days=builder.random.randint(60, 600)))
    label(clusters[1][1], "gold", today - datetime.timedelta(days=100), issuer="EUCLES")
    label(
        clusters[12][1],
        "other",
        today - datetime.timedelta(days=200),
        today + datetime.timedelta(days=800),
        issuer="other",
        name="European Strategic Cluster Partnership",
    )
