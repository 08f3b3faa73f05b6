"""Memberships of organisations in clusters: periods, one open membership, history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tinklas.clusters.models import Membership, public_organisations
from tinklas.clusters.tests.factories import ClusterFactory, MembershipFactory
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

JOINED = datetime.date(2021, 1, 1)
OPEN_MESSAGE = "already has an open membership"


def day(year, month, date):
    return datetime.date(year, month, date)


@pytest.fixture
def first():
    """An open membership from 2021-01-01."""
    return MembershipFactory(joined_on=JOINED)


def another(first, **values):
    return Membership(cluster=first.cluster, organisation=first.organisation, **values)


def test_leaving_before_joining_is_named_left_on():
    membership = Membership(
        cluster=ClusterFactory(),
        organisation=OrganisationFactory(),
        joined_on=JOINED,
        left_on=JOINED - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "left_on" in error.value.message_dict


def test_leaving_before_joining_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(joined_on=JOINED, left_on=JOINED - datetime.timedelta(days=1))


def test_leaving_on_the_joining_day_is_allowed():
    membership = MembershipFactory.build(
        cluster=ClusterFactory(), organisation=OrganisationFactory(), left_on=JOINED
    )
    membership.full_clean()


def test_a_second_open_membership_fails_full_clean(first):
    with pytest.raises(ValidationError) as error:
        another(first, joined_on=day(2023, 1, 1)).full_clean()
    assert any(OPEN_MESSAGE in message for message in error.value.messages)


def test_a_second_open_membership_is_refused_by_the_database(first):
    with pytest.raises(IntegrityError), transaction.atomic():
        another(first, joined_on=day(2023, 1, 1)).save()
    assert Membership.objects.count() == 1


def test_the_same_organisation_may_be_open_in_two_clusters(first):
    elsewhere = Membership(
        cluster=ClusterFactory(), organisation=first.organisation, joined_on=JOINED
    )
    elsewhere.full_clean()
    elsewhere.save()
    assert first.organisation.memberships.count() == 2


def test_rejoining_after_the_end_keeps_history(first):
    first.end(day(2023, 6, 1))
    first.refresh_from_db()
    assert first.left_on == day(2023, 6, 1)
    again = another(first, joined_on=day(2023, 6, 1))
    again.full_clean()
    again.save()
    periods = list(
        Membership.objects.filter(organisation=first.organisation).values_list(
            "joined_on", "left_on"
        )
    )
    assert periods == [(JOINED, day(2023, 6, 1)), (day(2023, 6, 1), None)]


@pytest.mark.parametrize(
    ("joined_on", "left_on"),
    [
        (day(2022, 6, 1), day(2024, 1, 1)),  # starts inside the ended period
        (day(2022, 6, 1), None),  # open, starts inside the ended period
        (day(2020, 1, 1), day(2021, 1, 2)),  # ends one day into the ended period
        (day(2020, 1, 1), None),  # open, starts before and runs through it
        (day(2021, 3, 1), day(2021, 4, 1)),  # inside it
    ],
)
def test_overlapping_periods_are_named_joined_on(first, joined_on, left_on):
    first.end(day(2023, 1, 1))
    with pytest.raises(ValidationError) as error:
        another(first, joined_on=joined_on, left_on=left_on).full_clean()
    assert "joined_on" in error.value.message_dict


def test_an_ended_period_inside_an_open_membership_overlaps(first):
    with pytest.raises(ValidationError) as error:
        another(first, joined_on=day(2022, 1, 1), left_on=day(2022, 6, 1)).full_clean()
    assert "joined_on" in error.value.message_dict


@pytest.mark.parametrize(
    ("joined_on", "left_on"),
    [
        (day(2019, 1, 1), JOINED),  # ends the day the other starts
        (day(2018, 1, 1), day(2019, 1, 1)),
        (day(2023, 1, 1), None),  # starts the day the other ended
    ],
)
def test_adjacent_periods_are_allowed(first, joined_on, left_on):
    first.end(day(2023, 1, 1))
    earlier = another(first, joined_on=joined_on, left_on=left_on)
    earlier.full_clean()
    earlier.save()
    assert Membership.objects.count() == 2


def test_ending_an_ended_membership_raises(first):
    first.end(day(2023, 1, 1))
    with pytest.raises(ValidationError):
        first.end(day(2024, 1, 1))
    first.refresh_from_db()
    assert first.left_on == day(2023, 1, 1)


def test_ending_before_joining_is_refused(first):
    with pytest.raises(ValidationError) as error:
        first.end(JOINED - datetime.timedelta(days=1))
    assert "left_on" in error.value.message_dict
    first.refresh_from_db()
    assert first.left_on is None


def test_current_on_counts_the_joining_day_but_not_the_leaving_day(first):
    first.end(day(2023, 1, 1))
    open_one = MembershipFactory(joined_on=day(2022, 12, 31))

    def current(on):
        return set(Membership.objects.current_on(on))

    assert current(day(2020, 12, 31)) == set()
    assert current(JOINED) == {first}
    assert current(day(2022, 12, 31)) == {first, open_one}
    assert current(day(2023, 1, 1)) == {open_one}
    assert current(day(2030, 1, 1)) == {open_one}


def test_a_loaded_membership_answers_as_the_queries_do(first):
    """The rules written twice, once for the database and once for a row already read,
    agree on every day around a membership's start and end."""
    first.end(day(2023, 1, 1))
    advance = MembershipFactory(joined_on=day(2023, 6, 1))
    for on in [day(2020, 12, 31), JOINED, day(2022, 12, 31), day(2023, 1, 1), day(2023, 6, 1)]:
        for membership in (first, advance):
            queried = Membership.objects.filter(pk=membership.pk)
            assert membership.is_current_on(on) == queried.current_on(on).exists()
            assert membership.has_ended_on(on) == queried.ended_on(on).exists()
            assert (not membership.has_ended_on(on)) == queried.not_ended_on(on).exists()


def test_only_published_clusters_memberships_are_public(first):
    draft = MembershipFactory(cluster__status="draft", organisation=first.organisation)
    assert list(Membership.objects.of_published_clusters()) == [first]
    assert list(public_organisations()) == [first.organisation]
    draft.cluster.status = "published"
    draft.cluster.save()
    first.cluster.status = "archived"
    first.cluster.save()
    assert list(Membership.objects.of_published_clusters()) == [draft]
    assert list(public_organisations()) == [first.organisation]
    draft.cluster.status = "draft"
    draft.cluster.save()
    assert list(public_organisations()) == []
