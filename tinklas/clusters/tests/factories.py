"""Factories for clusters, memberships and labels in tests."""

import datetime

import factory

from tinklas.clusters.models import Cluster, Label, Membership
from tinklas.organisations.tests.factories import OrganisationFactory


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster

    name = factory.Sequence(lambda number: f"Cluster {number}")
    status = Cluster.Status.PUBLISHED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    cluster = factory.SubFactory(ClusterFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    joined_on = datetime.date(2021, 1, 1)


class LabelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Label

    cluster = factory.SubFactory(ClusterFactory)
    kind = Label.Kind.BRONZE
    issuer = Label.Issuer.ESCA
    awarded_on = datetime.date(2024, 1, 1)
    valid_until = datetime.date(2026, 12, 31)
