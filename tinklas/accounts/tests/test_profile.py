"""The profile page: the person's name, sign-in settings and roles."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tinklas.accounts.tests import factories as people
from tinklas.applications.models import ClusterApplication
from tinklas.clusters.models import ClusterManagerRole
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.organisations.models import OrganisationRepresentative
from tinklas.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for name in ["accounts:profile", "accounts:personal-data", "accounts:delete"]:
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_profile_shows_roles_with_their_links(client, django_assert_max_num_queries):
    cluster = ClusterFactory(name="Smart Food")
    user = people.cluster_manager(cluster, "manager@example.org")
    organisation = OrganisationFactory(name="Pieno Ūkis")
    OrganisationRepresentative.objects.create(organisation=organisation, user=user)
    ClusterApplication.objects.create(applicant=user, name="Green Hydrogen")
    client.force_login(user)

    response = client.get(reverse("accounts:profile"))

    text = response.content.decode()
    assert "Smart Food" in text
    for name in ["clusters:profile", "clusters:edit", "clusters:members", "clusters:team"]:
        assert reverse(name, args=[cluster.slug]) in text
    assert "Pieno Ūkis" in text and reverse("organisations:edit", args=[organisation.slug]) in text
    assert "Green Hydrogen" in text and reverse("applications:list") in text
    for name in ["account_email", "account_change_password", "mfa_index"]:
        assert reverse(name) in text
    assert reverse("accounts:personal-data") in text and reverse("accounts:delete") in text

    # The page's queries do not grow with the number of roles.
    for _number in range(5):
        ClusterManagerRole.objects.create(cluster=ClusterFactory(), user=user)
        OrganisationRepresentative.objects.create(organisation=OrganisationFactory(), user=user)
    with django_assert_max_num_queries(14):
        client.get(reverse("accounts:profile"))


def test_person_without_roles_is_told_how_to_get_one(client):
    client.force_login(people.person())

    response = client.get(reverse("accounts:profile"))

    assert "None. A manager of a cluster can invite you." in response.content.decode()


def test_the_name_is_saved_and_a_blank_one_refused(client):
    user = people.person(full_name="Old Name")
    client.force_login(user)

    saved = client.post(reverse("accounts:profile"), {"full_name": "  Ona   Naujoji "}, follow=True)
    assert "Your name is saved." in saved.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Ona Naujoji"

    refused = client.post(reverse("accounts:profile"), {"full_name": "   "})
    assert "Enter your full name." in refused.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Ona Naujoji"
