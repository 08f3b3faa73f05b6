"""Memberships dated in advance count from their first day: the worker recounts every night,
just after the local midnight, and schedules its next run; requests only read the counts as
stored."""

from __future__ import annotations

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tinklas.clusters.derived import recount_members
from tinklas.clusters.models import Cluster, Membership
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.organisations.models import Organisation
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

VILNIUS = ZoneInfo("Europe/Vilnius")
FIRST_DAY = datetime.date(2027, 3, 2)
# 00:05 in Vilnius on the membership's first day is still 22:05 the day before in UTC.
AFTER_MIDNIGHT = datetime.datetime(2027, 3, 2, 0, 5, tzinfo=VILNIUS)
DAY_BEFORE = datetime.datetime(2027, 3, 1, 15, 0, tzinfo=VILNIUS)
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def in_vilnius(settings):  # type: ignore[no-untyped-def]
    settings.TIME_ZONE = "Europe/Vilnius"
    settings.TASKS = QUEUE


def at(moment: datetime.datetime):  # type: ignore[no-untyped-def]
    return mock.patch.object(timezone, "now", return_value=moment.astimezone(datetime.UTC))


@pytest.fixture
def joining_tomorrow() -> Membership:
    """A cluster with one member, and a second whose membership begins on FIRST_DAY,
    registered the day before."""
    with at(DAY_BEFORE):
        cluster = ClusterFactory(slug="food")
        MembershipFactory(cluster=cluster)
        return MembershipFactory(
            cluster=cluster, organisation=OrganisationFactory(), joined_on=FIRST_DAY
        )


def waiting_recounts() -> list[datetime.datetime]:
    waiting = DBTaskResult.objects.filter(
        task_path=recount_members.module_path, status=TaskResultStatus.READY
    )
    return list(waiting.values_list("run_after", flat=True))


def test_the_nightly_run_counts_a_membership_from_its_first_day(joining_tomorrow):
    cluster = joining_tomorrow.cluster
    cluster.refresh_from_db()
    assert cluster.member_count == 1
    with at(AFTER_MIDNIGHT):
        recount_members.call(DAY_BEFORE.date().isoformat())
    cluster.refresh_from_db()
    assert cluster.member_count == 2
    assert Organisation.objects.get(pk=joining_tomorrow.organisation_id).is_member
    # The next run waits for the next local midnight.
    assert waiting_recounts() == [datetime.datetime(2027, 3, 3, tzinfo=VILNIUS)]


def test_a_run_after_stopped_nights_catches_up_on_every_day(joining_tomorrow):
    with at(DAY_BEFORE):
        ending = MembershipFactory(
            cluster=joining_tomorrow.cluster, left_on=FIRST_DAY + datetime.timedelta(days=1)
        )
    assert Organisation.objects.get(pk=ending.organisation_id).is_member
    # The worker was stopped for two nights: the run scheduled the day before runs late.
    with at(AFTER_MIDNIGHT + datetime.timedelta(days=2)):
        recount_members.call(DAY_BEFORE.date().isoformat())
    assert not Organisation.objects.get(pk=ending.organisation_id).is_member
    assert Organisation.objects.get(pk=joining_tomorrow.organisation_id).is_member


def test_scheduling_again_leaves_one_waiting_run():
    with at(DAY_BEFORE):
        call_command("schedule_member_recount", stdout=mock.Mock())
        call_command("schedule_member_recount", stdout=mock.Mock())
    assert waiting_recounts() == [datetime.datetime(2027, 3, 2, tzinfo=VILNIUS)]


def test_two_runs_enqueued_at_once_are_made_one_again():
    later = datetime.datetime(2027, 3, 5, tzinfo=VILNIUS)
    recount_members.using(run_after=later).enqueue("2027-03-01")
    recount_members.using(run_after=later).enqueue("2027-03-01")
    with at(DAY_BEFORE):
        call_command("schedule_member_recount", stdout=mock.Mock())
    assert waiting_recounts() == [later]


def test_a_page_request_reads_the_counts_as_stored(client, joining_tomorrow):
    directory = reverse("clusters:directory")
    with at(AFTER_MIDNIGHT):
        assert "1 member" in client.get(directory).content.decode()
        client.get(reverse("clusters:profile", args=["food"]))
        client.get(reverse("clusters:organisation-directory"))
        client.get(reverse("opendata:archive"))
        assert Cluster.objects.get(slug="food").member_count == 1  # no request recounted
        recount_members.call(DAY_BEFORE.date().isoformat())
        assert "2 members" in client.get(directory).content.decode()


def test_without_a_queue_the_command_recounts_at_once(settings, joining_tomorrow):
    settings.TASKS = IMMEDIATE
    with at(AFTER_MIDNIGHT):
        call_command("schedule_member_recount", stdout=mock.Mock())
    joining_tomorrow.cluster.refresh_from_db()
    assert joining_tomorrow.cluster.member_count == 2
    assert not DBTaskResult.objects.exists()
