"""A label's status on a day, its validation, and which labels are in force."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tinklas.clusters.models import Label, LabelStatus
from tinklas.clusters.tests.factories import ClusterFactory, LabelFactory

AWARDED_ON = datetime.date(2024, 1, 1)
VALID_UNTIL = datetime.date(2026, 12, 31)


def label(**values):
    values = {
        "kind": Label.Kind.BRONZE,
        "issuer": Label.Issuer.ESCA,
        "awarded_on": AWARDED_ON,
        "valid_until": VALID_UNTIL,
        **values,
    }
    return Label(**values)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ((2023, 12, 31), LabelStatus.UPCOMING),
        ((2024, 1, 1), LabelStatus.VALID),
        ((2026, 10, 2), LabelStatus.VALID),  # exactly 90 days before the last valid day
        ((2026, 10, 3), LabelStatus.EXPIRING),
        ((2026, 12, 31), LabelStatus.EXPIRING),
        ((2027, 1, 1), LabelStatus.RENEWAL_WINDOW),
        ((2027, 12, 31), LabelStatus.RENEWAL_WINDOW),
        ((2028, 1, 1), LabelStatus.EXPIRED),
    ],
)
def test_status_on_boundary_days(day, expected):
    assert label().status_on(datetime.date(*day)) == expected


def test_renewal_window_of_a_label_ending_on_29_february():
    leap = label(awarded_on=datetime.date(2022, 3, 1), valid_until=datetime.date(2024, 2, 29))
    assert leap.status_on(datetime.date(2025, 2, 28)) == LabelStatus.RENEWAL_WINDOW
    assert leap.status_on(datetime.date(2025, 3, 1)) == LabelStatus.EXPIRED


def test_clean_names_valid_until_when_it_ends_before_the_award():
    with pytest.raises(ValidationError) as error:
        label(valid_until=AWARDED_ON - datetime.timedelta(days=1)).clean()
    assert list(error.value.message_dict) == ["valid_until"]


def test_a_label_valid_for_one_day_is_accepted():
    label(valid_until=AWARDED_ON).clean()


def test_clean_names_name_for_another_label_without_a_name():
    with pytest.raises(ValidationError) as error:
        label(kind=Label.Kind.OTHER, issuer=Label.Issuer.OTHER, name="").clean()
    assert list(error.value.message_dict) == ["name"]


def test_another_label_with_a_name_is_accepted_and_displayed_by_name():
    other = label(kind=Label.Kind.OTHER, issuer=Label.Issuer.OTHER, name="Go International")
    other.clean()
    assert other.display_name == "Go International"
    assert str(other) == "Go International (2024)"


def test_gold_label_is_displayed_by_its_kind():
    assert label(kind=Label.Kind.GOLD).display_name == "Cluster Management Excellence Gold"


@pytest.mark.django_db
def test_full_clean_of_a_saved_cluster_label_names_both_problems():
    cluster = ClusterFactory()
    wrong = label(
        cluster=cluster,
        kind=Label.Kind.OTHER,
        issuer=Label.Issuer.OTHER,
        valid_until=AWARDED_ON - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    assert {"name", "valid_until"} <= set(error.value.message_dict)


@pytest.mark.django_db
def test_labels_in_force_on_a_day():
    current = LabelFactory()  # 2024-01-01 .. 2026-12-31
    later = LabelFactory(
        awarded_on=datetime.date(2026, 6, 1), valid_until=datetime.date(2029, 5, 31)
    )
    LabelFactory(awarded_on=datetime.date(2019, 5, 1), valid_until=datetime.date(2021, 4, 30))

    def in_force(*day):
        return set(Label.objects.in_force_on(datetime.date(*day)))

    assert in_force(2023, 12, 31) == set()
    assert in_force(2024, 1, 1) == {current}
    assert in_force(2026, 6, 1) == {current, later}
    assert in_force(2026, 12, 31) == {current, later}  # expiring labels are still in force
    assert in_force(2027, 1, 1) == {later}
    assert in_force(2029, 6, 1) == set()


@pytest.mark.django_db
def test_a_label_is_read_on_the_networks_day_not_the_servers(client, settings):
    """At 00:30 in Vilnius it is still 22:30 the day before in UTC: a label whose last valid
    day was "yesterday" in Vilnius is in its renewal window, whatever clock the server keeps."""
    from unittest import mock

    from django.utils import timezone

    settings.TIME_ZONE = "Europe/Vilnius"
    instant = datetime.datetime(2026, 12, 31, 22, 30, tzinfo=datetime.UTC)
    vilnius_day = datetime.date(2027, 1, 1)
    cluster = ClusterFactory(slug="midnight")
    LabelFactory(
        cluster=cluster,
        kind=Label.Kind.GOLD,
        awarded_on=datetime.date(2024, 1, 1),
        valid_until=vilnius_day - datetime.timedelta(days=1),
    )
    with mock.patch.object(timezone, "now", return_value=instant):
        assert timezone.localdate() == vilnius_day
        page = client.get("/en/clusters/midnight/").content.decode()
    assert "in renewal window" in page
    assert ">expiring<" not in page
