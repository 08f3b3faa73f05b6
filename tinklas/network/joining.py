"""Clusters join the network, several at once (the administration's "Add to the network" on
the cluster list): one transaction, every new membership validated and audited like a
single save, the key figures and open data following once at the end (derived.bulk_change).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import QuerySet
from django.utils.text import capfirst

from tinklas.clusters.models import Cluster
from tinklas.common import derived
from tinklas.network.models import Network, NetworkMembership


@dataclass
class Joining:
    added: list[Cluster] = field(default_factory=list)
    # Clusters whose membership runs on the joining day or was dated later: left as they are.
    already_members: list[Cluster] = field(default_factory=list)


def add_to_network(
    clusters: QuerySet[Cluster] | Iterable[Cluster],
    joined_on: datetime.date,
    founding_member: bool,
    network: Network,
) -> Joining:
    """Makes the clusters that are not members on `joined_on` members from that day. Raises
    ValidationError (nothing written) if any new membership is invalid."""
    ids = [cluster.pk for cluster in clusters]
    joining = Joining()
    with derived.bulk_change():
        # Locked, so that two staff adding the same clusters at once do not both add them.
        chosen = list(Cluster.objects.select_for_update().filter(pk__in=ids).order_by("name", "pk"))
        members = set(
            NetworkMembership.objects.not_ended_on(joined_on)
            .filter(network=network, cluster__in=ids)
            .values_list("cluster_id", flat=True)
        )
        for cluster in chosen:
            if cluster.pk in members:
                joining.already_members.append(cluster)
                continue
            membership = NetworkMembership(
                network=network,
                cluster=cluster,
                joined_on=joined_on,
                founding_member=founding_member,
            )
            try:
                membership.full_clean()
            except ValidationError as error:
                raise ValidationError(refusal(cluster, error)) from None
            membership.save()  # one by one: each save is in the audit log
            joining.added.append(cluster)
    return joining


def refusal(cluster: Cluster, error: ValidationError) -> list[str]:
    """The membership's errors, each naming the cluster and the field."""

    def field_label(name: str) -> str:
        return str(capfirst(getattr(NetworkMembership._meta.get_field(name), "verbose_name", name)))

    return [
        f"{cluster}: {message}"
        if name == NON_FIELD_ERRORS
        else f"{cluster}: {field_label(name)}: {message}"
        for name, messages in error.message_dict.items()
        for message in messages
    ]
