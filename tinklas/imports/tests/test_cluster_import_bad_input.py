"""A cluster list with what cannot be understood: each such cell gets a message naming its
row, its column and what is expected, and nothing is written."""

import pytest
from django.urls import reverse

from tinklas.accounts.tests.factories import staff
from tinklas.clusters.models import Cluster
from tinklas.imports.models import ImportRun
from tinklas.imports.tests.builders import last_run, row_result
from tinklas.imports.tests.cluster_lists import cluster_csv, coordinator_code, upload_cluster_list

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, network):
    client.force_login(staff())
    return client


def checked(staff_client, rows):
    upload_cluster_list(staff_client, cluster_csv(rows))
    return last_run()


def errors_of(run, row_number):
    return {error["column"]: error["message"] for error in row_result(run, row_number)["errors"]}


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("founded", "2031", "2031 is in the future."),
        ("founded", "around the nineties", "around the nineties is not a date this field reads"),
        ("labels", "Bronze 2009", "labels are awarded since 2010; give a year from 2010"),
        ("labels", "Platinum 2019", "name the label's kind (Bronze, Silver or Gold)"),
        ("labels", "Bronze", "give the label's year (Bronze 2018) or the day it was awarded"),
        ("coordinator_code", "123456789", "The check digit of this Lithuanian company code"),
        ("network_joined_on", "2099-01", "is in the future"),
        ("reported_members", "about forty", "is not a whole number"),
        ("fields", "space travel", "No field space travel"),
        ("status", "visible", "visible is not one of: draft, submitted, published, archived"),
    ],
)
def test_a_cell_that_cannot_be_read_is_named_with_what_is_expected(
    staff_client, column, value, message
):
    run = checked(staff_client, [{"name_en": "Laser Cluster", column: value}])
    assert run.error_rows == 1
    assert message in errors_of(run, 2)[column]
    response = staff_client.post(reverse("imports:commit", args=[run.pk]))
    assert response.status_code == 302
    assert not Cluster.objects.exists()


def test_a_row_without_a_name_in_any_language_is_refused(staff_client):
    run = checked(staff_client, [{"acronym": "LC"}])
    assert errors_of(run, 2) == {"name_lt": "Give the cluster's name in at least one language."}


def test_a_cluster_named_twice_in_one_file_is_refused_at_the_second_row(staff_client):
    run = checked(
        staff_client,
        [{"name_en": "Laser Cluster"}, {"name_lt": "Kitas", "name_en": "laser  cluster"}],
    )
    assert row_result(run, 2)["fate"] == "new"
    assert errors_of(run, 3) == {"name_lt": "Row 2 already names this cluster."}


def test_a_cluster_of_another_country_without_its_country_column_is_explained(staff_client):
    run = checked(
        staff_client, [{"name_en": "Riga Photonics Cluster", "coordinator_code": "40003032949"}]
    )
    message = errors_of(run, 2)["coordinator_code"]
    assert "A Lithuanian company code has exactly 9 digits." in message
    assert "give the country (such as LV) in the country column" in message


def test_a_coordinator_code_found_nowhere_without_a_name_is_refused(staff_client):
    code = coordinator_code("30999999")
    run = checked(staff_client, [{"name_en": "Laser Cluster", "coordinator_code": code}])
    assert (
        f"has the code {code}: give the coordinator's name" in errors_of(run, 2)["coordinator_code"]
    )


def test_a_network_column_before_the_network_is_described_is_refused(client):
    client.force_login(staff())
    run = checked(client, [{"name_en": "Laser Cluster", "network_joined_on": "2021"}])
    assert "The network is not described yet" in errors_of(run, 2)["network_joined_on"]


def test_one_bad_row_writes_nothing_of_the_others(staff_client):
    run = checked(
        staff_client,
        [{"name_en": f"Cluster {number}"} for number in range(5)]
        + [{"name_en": "Bad", "founded": "someday"}],
    )
    assert (run.new_rows, run.error_rows) == (5, 1)
    staff_client.post(reverse("imports:commit", args=[run.pk]))
    assert last_run().status == ImportRun.Status.CHECKED
    assert not Cluster.objects.exists()
