"""The administration answers for every registered model and only to staff."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse

from tinklas.accounts.models import User
from tinklas.accounts.tests.factories import superuser
from tinklas.clusters.models import Cluster, Label

PROJECT_APPS = {
    "accounts",
    "taxonomy",
    "organisations",
    "clusters",
    "applications",
    "imports",
    "network",
}
MODELS = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in PROJECT_APPS
)
IDS = [f"{app}.{model}" for app, model in MODELS]


@pytest.fixture
def staff_client(client, db):
    user = superuser("secretariat@example.org")
    client.force_login(user)
    return client


def test_every_project_app_has_registered_models():
    assert {app for app, _model in MODELS} == PROJECT_APPS


@pytest.mark.parametrize(("app", "model"), MODELS, ids=IDS)
def test_changelist_and_search_answer(staff_client, app, model):
    url = reverse(f"admin:{app}_{model}_changelist")
    assert staff_client.get(url).status_code == 200
    assert staff_client.get(url, {"q": "a"}).status_code == 200


# Invitations, applications, imports and the register are written by their own pages and
# loaders, never in the administration.
CREATED_ELSEWHERE = {
    ("clusters", "invitation"),
    ("applications", "clusterapplication"),
    ("imports", "importrun"),
    ("organisations", "legalentity"),
    ("organisations", "registerload"),
}


@pytest.mark.parametrize(("app", "model"), MODELS, ids=IDS)
def test_add_page_answers(staff_client, app, model):
    response = staff_client.get(reverse(f"admin:{app}_{model}_add"))
    if (app, model) in CREATED_ELSEWHERE:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    assert b"<form" in response.content


def test_taxonomy_changelists_show_reference_data(staff_client):
    response = staff_client.get(reverse("admin:taxonomy_region_changelist"), {"q": "LT-57"})
    assert response.status_code == 200
    assert "Vilnius city municipality" in response.content.decode()  # /en/admin/


def test_cluster_change_page_shows_memberships_and_labels(staff_client, demo_network):
    cluster = (
        Cluster.objects.filter(labels__isnull=False, memberships__isnull=False).distinct().first()
    )
    response = staff_client.get(reverse("admin:clusters_cluster_change", args=[cluster.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="memberships-TOTAL_FORMS"' in page
    assert 'name="labels-TOTAL_FORMS"' in page
    member = cluster.memberships.select_related("organisation").first().organisation
    assert member.name in page
    assert cluster.labels.first().get_kind_display() in page


def test_change_pages_and_searches_answer_with_demo_data(staff_client, demo_network):
    for model in admin.site._registry:
        app, name = model._meta.app_label, model._meta.model_name
        if app not in PROJECT_APPS:
            continue
        changelist = reverse(f"admin:{app}_{name}_changelist")
        assert staff_client.get(changelist, {"q": "a"}).status_code == 200, name
        instance = model.objects.order_by("pk").first()
        if instance is not None:
            change = reverse(f"admin:{app}_{name}_change", args=[instance.pk])
            assert staff_client.get(change).status_code == 200, name


def test_label_status_filter(staff_client, demo_network):
    url = reverse("admin:clusters_label_changelist")
    counts = {}
    for value in ("yes", "no"):
        response = staff_client.get(url, {"in_force": value})
        assert response.status_code == 200
        counts[value] = response.context["cl"].result_count
    in_force = Label.objects.in_force_on(datetime.date.today()).count()
    assert counts == {"yes": in_force, "no": Label.objects.count() - in_force}


def test_cluster_changelist_search_finds_the_cluster(staff_client, demo_network):
    response = staff_client.get(reverse("admin:clusters_cluster_changelist"), {"q": "SMART FOOD"})
    assert response.status_code == 200
    assert "SMART FOOD" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name", ["admin:index", "admin:clusters_cluster_changelist", "admin:accounts_user_add"]
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, url_name):
    url = reverse(url_name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert url in response["Location"]


@pytest.mark.django_db
def test_a_signed_in_non_staff_user_is_not_let_in(client):
    member = User.objects.create_user("member@example.org", "a-long-password-42")
    client.force_login(member)
    response = client.get(reverse("admin:clusters_cluster_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
