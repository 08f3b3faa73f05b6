"""Onboarding a network from its cluster list, as the sources give it: into an empty
installation, the directory, profiles, key figures and open data show the clusters at once,
with dates as precise as they are known; importing the list again changes nothing."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from tinklas.accounts.tests.factories import staff
from tinklas.clusters.models import Cluster, Label
from tinklas.common.partial_dates import DatePrecision
from tinklas.imports.models import ImportRun
from tinklas.imports.tests.builders import last_run, row_result
from tinklas.imports.tests.cluster_lists import (
    cluster_csv,
    coordinator_code,
    real_shaped_rows,
    upload_cluster_list,
)
from tinklas.network.models import NetworkMembership

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(staff())
    return client


@pytest.fixture
def forty_clusters(staff_client, network):
    """The real-shaped list of 40 clusters, checked and written by staff."""
    upload_cluster_list(staff_client, cluster_csv(real_shaped_rows()))
    run = last_run()
    assert (run.kind, run.status, run.new_rows, run.error_rows) == ("clusters", "checked", 40, 0)
    response = staff_client.post(reverse("imports:commit", args=[run.pk]))
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.COMMITTED
    return run


def test_forty_real_shaped_clusters_are_in_the_directory_and_figures_at_once(
    forty_clusters, client, key_figures, open_data
):
    assert Cluster.objects.published().count() == 40
    english_only = Cluster.objects.get(name_en="Wood Cluster 2")
    assert not english_only.name_lt
    directory = client.get("/lt/clusters/?q=Wood").content.decode()
    assert "Wood Cluster 2" in directory  # an English-only name shows on the Lithuanian page
    assert key_figures().clusters == 36  # the rows with a network column
    clusters = {row["acronym"] or row["name"]: row for row in open_data()["clusters.csv"]}
    assert len(clusters) == 40
    by_year = clusters["Lazerių klasteris 1"]  # the download's language is Lithuanian
    assert (by_year["founded_on"], by_year["founded_precision"]) == ("2011", "year")


def test_a_profile_shows_the_founding_year_as_a_year(forty_clusters, client):
    cluster = Cluster.objects.get(name_en="Laser Cluster 1")
    page = client.get(f"/en/clusters/{cluster.slug}/").content.decode()
    assert "2011" in page
    assert "Jan. 1, 2011" not in page and "2011-01-01" not in page
    about = Cluster.objects.get(name_en="Wood Cluster 2")
    assert "c. 2006" in client.get(f"/en/clusters/{about.slug}/").content.decode()


def test_dates_keep_the_precision_they_were_given(forty_clusters, client):
    by_year = Cluster.objects.get(name_en="Laser Cluster 1")
    assert (by_year.founded_on, by_year.founded_precision) == (
        datetime.date(2011, 1, 1),
        DatePrecision.YEAR,
    )
    about = Cluster.objects.get(name_en="Wood Cluster 2")
    assert about.founded_precision == DatePrecision.ABOUT_YEAR
    month = Cluster.objects.get(name_en="Health Technology Cluster 3")
    assert (month.founded_on, month.founded_precision) == (
        datetime.date(2014, 10, 1),
        DatePrecision.MONTH,
    )
    joined = NetworkMembership.objects.get(cluster__name_en="Construction Innovation Cluster 10")
    assert joined.joined_on == datetime.date(2022, 9, 1)  # given as 2022-09


def test_labels_known_by_their_year_get_approximate_dates_by_the_rule(forty_clusters):
    bronze = Label.objects.get(cluster__name_en="Health Technology Cluster 3")
    assert (bronze.kind, bronze.awarded_on, bronze.valid_until, bronze.approximate) == (
        "bronze",
        datetime.date(2018, 1, 1),
        datetime.date(2019, 12, 31),
        True,
    )
    exact = Label.objects.get(cluster__name_en="Construction Innovation Cluster 10")
    assert (exact.kind, exact.valid_until, exact.approximate) == (
        "gold",
        datetime.date(2024, 2, 29),
        False,
    )
    assert Label.objects.filter(cluster__name_en="Health Technology Cluster 13").count() == 2


def test_reported_members_coordinators_and_sources_are_kept(forty_clusters):
    reported = Cluster.objects.get(name_en="Laser Cluster 1")
    assert (reported.reported_member_count, reported.reported_members_on) == (
        15,
        datetime.date(2024, 1, 1),
    )
    assert reported.members_are_reported
    assert reported.coordinator_name == "Asociacija „Lazerių klasteris 1“"
    assert reported.coordinator is None
    assert reported.source_url_list == ["https://source.example.org/clusters/1"]
    assert reported.website == "https://www.cluster1.example.lt"


def test_the_same_list_again_changes_nothing(forty_clusters, staff_client):
    upload_cluster_list(staff_client, cluster_csv(real_shaped_rows()))
    again = last_run()
    assert (again.new_rows, again.updated_rows, again.unchanged_rows) == (0, 0, 40)
    assert Cluster.objects.count() == 40
    assert Label.objects.count() == 22


def test_a_changed_row_updates_the_cluster_it_names_by_acronym(forty_clusters, staff_client):
    rows = real_shaped_rows()[1:3]
    rows[1]["name_en"] = "Health Technology Cluster Three"  # found by its acronym K03
    rows[1]["founded"] = "2015"
    upload_cluster_list(staff_client, cluster_csv(rows))
    run = last_run()
    result = row_result(run, 3)
    assert (result["fate"], result["cluster"]) == ("updated", "updated")
    assert {change["column"] for change in result["changes"]} == {"name_en", "founded"}
    founded = next(change for change in result["changes"] if change["column"] == "founded")
    assert (founded["old"], founded["new"]) == ("October 2014", "2015")


def test_a_coordinator_in_the_loaded_register_is_registered_from_it(staff_client, network):
    from tinklas.organisations.models import LegalEntity

    code = coordinator_code("30456789")
    LegalEntity.objects.create(
        code=code,
        name="Asociacija „Lazerių klasteris“",
        legal_form="Asociacija",
        status=LegalEntity.Status.ACTIVE,
        extract_date=datetime.date(2026, 11, 1),
        loaded_at=datetime.datetime(2026, 11, 2, tzinfo=datetime.UTC),
    )
    upload_cluster_list(
        staff_client,
        cluster_csv([{"name_en": "Laser Cluster", "coordinator_code": code}]),
    )
    run = last_run()
    assert row_result(run, 2)["coordinator"] == "new"
    staff_client.post(reverse("imports:commit", args=[run.pk]))
    cluster = Cluster.objects.get(name_en="Laser Cluster")
    assert cluster.coordinator.name == "Asociacija „Lazerių klasteris“"
    assert cluster.coordinator.company_code == code


def test_the_command_checks_and_writes_a_list(tmp_path, network, capsys):
    path = tmp_path / "clusters.csv"
    path.write_bytes(cluster_csv(real_shaped_rows(5)))
    call_command("import_clusters", str(path))
    assert "5 new" in capsys.readouterr().out
    assert not Cluster.objects.exists()  # a dry run
    call_command("import_clusters", str(path), "--commit")
    assert "Written: 5 new" in capsys.readouterr().out
    assert Cluster.objects.count() == 5


def test_only_network_staff_import_cluster_lists(client, network):
    from tinklas.accounts.tests.factories import person

    client.force_login(person())
    response = upload_cluster_list(client, cluster_csv(real_shaped_rows(1)))
    assert response.status_code == 403
    assert not ImportRun.objects.exists()


def test_the_template_names_every_column_and_the_example_imports_cleanly(staff_client, network):
    template = staff_client.get(reverse("imports:template") + "?kind=clusters&format=csv")
    header = template.content.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[:3] == ["slug", "name_lt", "name_en"]
    assert "labels" in header and "network_joined_on" in header
    example = staff_client.get(reverse("imports:template") + "?kind=clusters&format=xlsx&example=1")
    assert example["Content-Disposition"] == 'attachment; filename="cluster-list-example.xlsx"'
    from django.core.files.uploadedfile import SimpleUploadedFile

    staff_client.post(
        reverse("imports:cluster-lists"),
        {"file": SimpleUploadedFile("cluster-list-example.xlsx", example.content)},
    )
    run = last_run()
    assert (run.new_rows, run.error_rows) == (2, 0), run.results


def test_a_registered_cluster_is_updated_by_its_acronym_alone(forty_clusters, staff_client):
    row = {"acronym": "K02", "reported_members": 99, "reported_members_on": "2025-06-30"}
    upload_cluster_list(staff_client, cluster_csv([row]))
    result = row_result(last_run(), 2)
    assert (result["fate"], result["cluster"]) == ("updated", "updated"), result["errors"]
    assert [change["column"] for change in result["changes"]] == [
        "reported_members",
        "reported_members_on",
    ]


def test_a_vaguer_date_never_replaces_a_more_precise_one(forty_clusters, staff_client):
    rows = real_shaped_rows()[2:3]  # founded 2014-10
    rows[0]["founded"] = "2014"
    upload_cluster_list(staff_client, cluster_csv(rows))
    assert row_result(last_run(), 2)["fate"] == "unchanged"


def test_the_staff_note_is_left_out_of_the_history_managers_read(forty_clusters):
    from auditlog.models import LogEntry

    cluster = Cluster.objects.get(name_en="Fintech Cluster 8")
    assert cluster.staff_note
    assert all("staff_note" not in entry.changes_dict for entry in LogEntry.objects.all())
