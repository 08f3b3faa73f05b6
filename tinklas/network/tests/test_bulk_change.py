"""A bulk change defers the derived data — search entries, member counts and flags, the
registry's version — to its end and does it once; nested blocks once at the outermost end; a
block that fails leaves nothing, derived or not."""

from __future__ import annotations

import datetime

import pytest

from tinklas.clusters.models import Cluster, Membership
from tinklas.common import derived, versions
from tinklas.network.figures import REGISTRY
from tinklas.organisations.models import Organisation
from tinklas.search.index import Search
from tinklas.search.models import SearchEntry

pytestmark = pytest.mark.django_db
JOINED = datetime.date(2024, 1, 1)


def found(kind: str, text: str) -> set[int]:
    model = Cluster if kind == "cluster" else Organisation
    return set(model.objects.filter(Search.parse(text).matches(kind)).values_list("pk", flat=True))


def test_the_work_is_done_once_at_the_end_of_the_outermost_block():
    before = versions.current(REGISTRY)
    with derived.bulk_change():
        with derived.bulk_change():
            cluster = Cluster.objects.create(
                name_lt="Vandenilio klasteris", name_en="Hydrogen", status="published"
            )
            company = Organisation.objects.create(name="UAB Elektrolizė", kind="company")
            Membership.objects.create(cluster=cluster, organisation=company, joined_on=JOINED)
        # The inner block's end did nothing yet.
        assert not SearchEntry.objects.exists()
        assert Cluster.objects.get().member_count == 0
        assert not Organisation.objects.get().is_member
        assert versions.current(REGISTRY) == before
    assert found("cluster", "vandenilio") == {cluster.pk}
    assert found("cluster", "elektrolize") == {cluster.pk}  # its member's name
    assert found("organisation", "elektrolize") == {company.pk}
    assert Cluster.objects.get().member_count == 1
    assert Organisation.objects.get().is_member
    assert versions.current(REGISTRY) != before


def test_a_failed_block_leaves_nothing():
    before = versions.current(REGISTRY)
    with pytest.raises(RuntimeError), derived.bulk_change():
        Cluster.objects.create(name_lt="Klasteris", name_en="Cluster")
        raise RuntimeError
    assert not Cluster.objects.exists()
    assert not SearchEntry.objects.exists()
    assert versions.current(REGISTRY) == before
    # The next ordinary save is handled at once again.
    cluster = Cluster.objects.create(name_lt="Saulės klasteris", name_en="Solar")
    assert found("cluster", "saules") == {cluster.pk}


def test_deletes_inside_a_block_remove_the_entries():
    cluster = Cluster.objects.create(name_lt="Vėjo klasteris", name_en="Wind")
    company = Organisation.objects.create(name="UAB Turbina", kind="company")
    with derived.bulk_change():
        cluster.delete()
        company.delete()
    assert not SearchEntry.objects.exists()


def test_writers_past_the_signals_mark_everything():
    cluster = Cluster.objects.create(name_lt="Pieno klasteris", name_en="Dairy", status="published")
    before = versions.current(REGISTRY)
    with derived.bulk_change() as change:
        (company,) = Organisation.objects.bulk_create([Organisation(name="UAB Sūrinė")])
        Membership.objects.bulk_create(
            [Membership(cluster=cluster, organisation=company, joined_on=JOINED)]
        )
        change.everything()
    assert found("cluster", "surine") == {cluster.pk}
    assert found("organisation", "surine") == {company.pk}
    assert Cluster.objects.get().member_count == 1
    assert Organisation.objects.get().is_member
    assert versions.current(REGISTRY) != before


def test_a_block_that_touches_nothing_of_the_registry_leaves_its_version():
    before = versions.current(REGISTRY)
    with derived.bulk_change():
        pass
    assert versions.current(REGISTRY) == before
