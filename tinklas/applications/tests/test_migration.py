"""The models that left the clusters app (applications and imports) keep their rows and their
audit history: a database built by the old migrations, with rows in every moved table and
log entries about them, is migrated forward and read through the new models."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tinklas.accounts.tests import factories as people
from tinklas.applications.models import ApplicationMember, ClusterApplication, EligibilityCriteria
from tinklas.clusters.models import Cluster
from tinklas.clusters.tests.factories import ClusterFactory
from tinklas.imports.models import ImportRun

# The last migration of clusters before the models left it.
LANDED = ("clusters", "0005_import_run_file_kept_while_needed")
NEW_APPS = ("applications", "imports")


def migrate(targets: list[tuple[str, str | None]]) -> Any:
    """Migrates to the targets and returns the historical models of the state reached."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in NEW_APPS]
    nodes = [LANDED if node[0] == "clusters" else node for node in others]
    return executor.loader.project_state(nodes).apps


def latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


# Migrating changes the schema: outside the test's transaction, the database restored after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_and_audit_history_survive_the_move() -> None:
    applicant = people.person(email="rasa@example.org")
    cluster = ClusterFactory(name="Smart Food")

    old = migrate([LANDED, *((app, None) for app in NEW_APPS)])
    old_content_type = old.get_model("contenttypes", "ContentType")
    application = old.get_model("clusters", "ClusterApplication").objects.create(
        applicant_id=applicant.pk, name="Baltic Robotics Cluster", cluster_id=cluster.pk
    )
    old.get_model("clusters", "ApplicationMember").objects.create(
        application=application, name="Robot Works", company_code="304700001", kind="company"
    )
    old.get_model("clusters", "EligibilityCriteria").objects.create(
        pk=1, national_minimum_members=7
    )
    run = old.get_model("clusters", "ImportRun").objects.create(
        cluster_id=cluster.pk,
        uploaded_by_id=applicant.pk,
        file_name="members.csv",
        file_format="csv",
        file_size=12,
        language="lt",
        status="committed",
        new_rows=3,
    )
    old_types = {
        model: old_content_type.objects.get(app_label="clusters", model=model)
        for model in ("clusterapplication", "importrun")
    }
    permission = Permission.objects.get(codename="change_clusterapplication")
    assert permission.content_type_id == old_types["clusterapplication"].pk
    entries = old.get_model("auditlog", "LogEntry").objects
    for model, pk, text in [
        ("clusterapplication", application.pk, "Baltic Robotics Cluster"),
        ("importrun", run.pk, "members.csv — Smart Food"),
    ]:
        entries.create(
            content_type=old_types[model],
            object_pk=str(pk),
            object_id=pk,
            object_repr=text,
            action=0,
            changes={},
        )
    # The post_migrate signal may have created the new app's content type already (here for
    # the import runs, not for the applications): it is merged into the old one.
    fresh = old_content_type.objects.create(app_label="imports", model="importrun")
    entries.create(content_type=fresh, object_pk="0", object_id=0, object_repr="x", action=0)

    migrate(latest())
    ContentType.objects.clear_cache()

    moved = ClusterApplication.objects.get()
    assert (moved.pk, moved.name, moved.applicant, moved.cluster) == (
        application.pk,
        "Baltic Robotics Cluster",
        applicant,
        cluster,
    )
    assert [member.name for member in ApplicationMember.objects.filter(application=moved)] == [
        "Robot Works"
    ]
    assert EligibilityCriteria.current().national_minimum_members == 7
    kept_run = ImportRun.objects.get()
    assert (kept_run.pk, kept_run.cluster, kept_run.uploaded_by, kept_run.new_rows) == (
        run.pk,
        cluster,
        applicant,
        3,
    )
    again = Cluster.objects.get(pk=cluster.pk)
    assert again.import_runs.get() == kept_run and again.application == moved

    # The same content types, now of the new apps: the history follows the models.
    for model, old_type in old_types.items():
        content_type = ContentType.objects.get(pk=old_type.pk)
        assert content_type.app_label == {"clusterapplication": "applications"}.get(
            model, "imports"
        )
    assert not ContentType.objects.filter(pk=fresh.pk).exists()
    assert not ContentType.objects.filter(app_label="clusters", model="importrun").exists()
    assert ContentType.objects.get_for_model(ClusterApplication).pk == (
        old_types["clusterapplication"].pk
    )
    application_entry = LogEntry.objects.get(object_repr="Baltic Robotics Cluster")
    assert application_entry.content_type.model_class() is ClusterApplication
    assert LogEntry.objects.get_for_object(moved).get() == application_entry
    run_entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(ImportRun))
    assert sorted(run_entries.values_list("object_repr", flat=True)) == [
        "members.csv — Smart Food",
        "x",
    ]
    assert LogEntry.objects.get_for_object(kept_run).get().content_type.model_class() is ImportRun
    assert Permission.objects.get(codename="change_clusterapplication").content_type_id == (
        old_types["clusterapplication"].pk
    )
