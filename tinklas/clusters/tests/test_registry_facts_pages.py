"""The registry's facts as sources give them, shown as a visitor reads them: a founding year
as a year, a reported member count marked as reported, the coordinator by name until it is
linked, the sources as links, a name in one language marked on the other language's pages,
and the staff note to network staff alone."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tinklas.accounts.tests.factories import cluster_manager, staff
from tinklas.clusters.models import Label
from tinklas.clusters.tests.factories import ClusterFactory, LabelFactory, MembershipFactory
from tinklas.common.partial_dates import DatePrecision
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
REPORTED_ON = datetime.date(2025, 6, 30)


def url(name: str, language: str, *args: object) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def text(html: str) -> str:
    """The page's text without tags, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def from_a_source():
    """A published cluster known from a source only: English name, founding year, a reported
    member count, its coordinator by name, two sources and a staff note."""
    return ClusterFactory(
        name_lt="",
        name_en="Baltic Robotics Cluster",
        slug="baltic-robotics",
        founded_on=datetime.date(2011, 1, 1),
        founded_precision=DatePrecision.YEAR,
        reported_member_count=40,
        reported_members_on=REPORTED_ON,
        coordinator_name="VšĮ Robotikos centras",
        source_urls="https://example.org/clusters-2025.pdf\nhttps://example.org/robotics",
        staff_note="Ask the coordinator for the member list.",
    )


def test_a_founding_year_reads_as_a_year_on_the_profile_the_directory_and_in_json_ld(
    client, from_a_source
):
    page = client.get(url("clusters:profile", "en", "baltic-robotics")).content.decode()
    assert re.search(r'data-testid="founded">2011</dd>', page)
    assert "2011-01-01" not in page and "Jan. 1, 2011" not in page
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    assert data["foundingDate"] == "2011"
    directory = text(client.get(url("clusters:directory", "en")).content.decode())
    assert "founded 2011" in directory


def test_an_approximate_founding_year_says_so(client):
    ClusterFactory(slug="old", founded_on=datetime.date(2006, 1, 1), founded_precision="about")
    page = client.get(url("clusters:profile", "en", "old")).content.decode()
    assert re.search(r'data-testid="founded">c\. 2006</dd>', page)


def test_a_reported_member_count_is_shown_as_reported_while_no_member_is_counted(
    client, from_a_source
):
    profile = text(client.get(url("clusters:profile", "en", "baltic-robotics")).content.decode())
    assert "About 40 members" in profile
    assert "reported on 2025-06-30; its member list is not in the registry yet" in profile
    assert "No current members are registered" not in profile
    directory = text(client.get(url("clusters:directory", "en")).content.decode())
    assert "about 40 members (reported on 2025-06-30)" in directory
    # Once members are counted, the count is theirs.
    MembershipFactory(cluster=from_a_source)
    directory = text(client.get(url("clusters:directory", "en")).content.decode())
    assert "· 1 member ·" in directory
    assert "reported" not in directory


def test_the_coordinator_is_named_until_an_organisation_is_linked(client, from_a_source):
    page = client.get(url("clusters:profile", "en", "baltic-robotics")).content.decode()
    assert 'data-testid="coordinator-name">VšĮ Robotikos centras</dd>' in page
    coordinator = OrganisationFactory(name="VšĮ Robotikos centras, registered")
    MembershipFactory(cluster=from_a_source, organisation=coordinator)
    from_a_source.coordinator = coordinator
    from_a_source.save()
    page = client.get(url("clusters:profile", "en", "baltic-robotics")).content.decode()
    assert 'data-testid="coordinator-name"' not in page
    assert f'href="{url("clusters:organisation", "en", coordinator.slug)}"' in page


def test_sources_are_links_and_the_staff_note_is_shown_to_staff_only(client, from_a_source):
    address = url("clusters:profile", "en", "baltic-robotics")
    for visitor in (None, cluster_manager(from_a_source)):
        if visitor:
            client.force_login(visitor)
        page = client.get(address).content.decode()
        assert '<a href="https://example.org/clusters-2025.pdf" rel="noopener nofollow">' in page
        assert '<a href="https://example.org/robotics" rel="noopener nofollow">' in page
        assert "Ask the coordinator" not in page
    client.force_login(staff())
    page = client.get(address).content.decode()
    assert "Staff note (not public)" in page
    assert "Ask the coordinator for the member list." in page


def test_a_name_in_english_only_is_marked_on_the_lithuanian_pages(client, from_a_source):
    marked = '<span lang="en">Baltic Robotics Cluster</span> <span class="missing-translation"'
    for address in (
        url("clusters:profile", "lt", "baltic-robotics"),
        url("clusters:directory", "lt"),
    ):
        page = client.get(address, HTTP_ACCEPT_LANGUAGE="lt").content.decode()
        assert marked in page, address
        assert '<span aria-hidden="true">EN</span>' in page
    english = client.get(url("clusters:profile", "en", "baltic-robotics")).content.decode()
    assert "missing-translation" not in english
    assert '<h1 class="h2">Baltic Robotics Cluster' in english


def test_a_marker_says_in_words_that_the_translation_is_missing(client):
    ClusterFactory(name_lt="Tik lietuviškai", name_en="", slug="lt-only")
    page = client.get(url("clusters:profile", "en", "lt-only")).content.decode()
    assert '<span lang="lt">Tik lietuviškai</span>' in page
    assert '<span class="visually-hidden">(Translation missing: shown in Lithuanian)</span>' in page


def test_joining_dates_keep_their_precision_on_the_organisation_page_and_member_list(client):
    cluster = ClusterFactory(slug="food", name_en="Food cluster", name_lt="Maisto klasteris")
    membership = MembershipFactory(
        cluster=cluster,
        organisation__name="UAB Pienas",
        joined_on=datetime.date(2014, 1, 1),
        joined_precision=DatePrecision.YEAR,
    )
    page = text(
        client.get(
            url("clusters:organisation", "en", membership.organisation.slug)
        ).content.decode()
    )
    assert "since 2014" in page
    assert "2014-01-01" not in page
    client.force_login(cluster_manager(cluster))
    members = client.get(url("clusters:members", "en", "food")).content.decode()
    assert '<td class="text-nowrap">2014</td>' in members
    assert "2014-01-01" not in members


def test_a_label_known_by_its_year_shows_years_and_says_they_are_approximate(client):
    cluster = ClusterFactory(slug="labelled")
    LabelFactory(
        cluster=cluster,
        kind=Label.Kind.BRONZE,
        awarded_on=datetime.date(2019, 1, 1),
        valid_until=datetime.date(2020, 12, 31),
        approximate=True,
    )
    page = text(client.get(url("clusters:profile", "en", "labelled")).content.decode())
    assert "2019 – 2020 (dates approximate: only the year of the award is known)" in page
    assert "2019-01-01" not in page


def test_a_manager_saving_the_profile_keeps_a_founding_year_and_may_correct_it(
    client, from_a_source
):
    from tinklas.clusters.tests.test_self_service_profile import form_data

    client.force_login(cluster_manager(from_a_source))
    edit = url("clusters:edit", "en", "baltic-robotics")
    data = form_data(client.get(edit))
    assert (data["founded_on"], data["founded_precision"]) == ("2011-01-01", "year")
    data.update(name_lt="Baltijos robotikos klasteris", acronym="BRC")
    assert client.post(edit, data).status_code == 302
    page = client.get(url("clusters:profile", "en", "baltic-robotics")).content.decode()
    assert re.search(r'data-testid="founded">2011</dd>', page)
    data = form_data(client.get(edit))
    data.update(founded_on="2011-10-05", founded_precision="day")
    assert client.post(edit, data).status_code == 302
    page = client.get(url("clusters:profile", "en", "baltic-robotics")).content.decode()
    assert re.search(r'data-testid="founded">Oct\. 5, 2011</dd>', page)
