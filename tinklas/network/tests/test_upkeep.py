"""Changes to anything the key figures and the open data show mark the registry as changed."""

import pytest

from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.common import versions
from tinklas.network.figures import REGISTRY
from tinklas.taxonomy.models import Ecosystem, Sector

pytestmark = pytest.mark.django_db


def test_renaming_an_ecosystem_or_changing_a_clusters_ecosystems_marks_a_change():
    cluster = ClusterFactory()
    ecosystem = Ecosystem.objects.first()
    before = versions.current(REGISTRY)
    ecosystem.name_en = "Renamed ecosystem"
    ecosystem.save()
    after_rename = versions.current(REGISTRY)
    assert after_rename != before
    cluster.ecosystems.add(ecosystem)
    assert versions.current(REGISTRY) != after_rename


def test_a_fields_ecosystems_changing_marks_a_change():
    sector = Sector.objects.first()
    before = versions.current(REGISTRY)
    sector.ecosystems.clear()
    assert versions.current(REGISTRY) != before
