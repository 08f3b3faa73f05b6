"""ImportRun moves here from the clusters app: created in the migration state only, on the
table it already has (clusters_importrun), whose rows stay untouched. clusters.0007 then
removes it from the clusters app's state."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("clusters", "0005_import_run_file_kept_while_needed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]
    # The clusters app forgets the model only once it exists here.
    run_before = [("clusters", "0007_import_runs_moved_out")]

    state_operations = [
        migrations.CreateModel(
            name="ImportRun",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="uploaded")),
                ("checked_at", models.DateTimeField(blank=True, null=True, verbose_name="checked")),
                ("committed_at", models.DateTimeField(blank=True, null=True, verbose_name="written")),
                ("file_name", models.CharField(max_length=255, verbose_name="file name")),
                ("file_format", models.CharField(choices=[("csv", "CSV"), ("xlsx", "XLSX")], max_length=4, verbose_name="format")),
                ("file_size", models.PositiveIntegerField(verbose_name="file size (bytes)")),
                ("content", models.BinaryField(null=True, verbose_name="content")),
                ("language", models.CharField(max_length=10, verbose_name="language")),
                ("status", models.CharField(choices=[("uploaded", "waiting to be checked"), ("checking", "checking"), ("checked", "checked"), ("committing", "writing"), ("committed", "written"), ("failed", "failed")], default="uploaded", max_length=12, verbose_name="status")),
                ("total_rows", models.PositiveIntegerField(default=0, verbose_name="rows")),
                ("processed_rows", models.PositiveIntegerField(default=0, verbose_name="rows processed")),
                ("new_rows", models.PositiveIntegerField(default=0, verbose_name="new")),
                ("updated_rows", models.PositiveIntegerField(default=0, verbose_name="updated")),
                ("unchanged_rows", models.PositiveIntegerField(default=0, verbose_name="unchanged")),
                ("error_rows", models.PositiveIntegerField(default=0, verbose_name="rows with errors")),
                ("results", models.JSONField(blank=True, default=list, verbose_name="results")),
                ("error_message", models.TextField(blank=True, verbose_name="error message")),
                ("cluster", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="import_runs", to="clusters.cluster", verbose_name="cluster")),
                ("committed_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="written by")),
                ("uploaded_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="import_runs", to=settings.AUTH_USER_MODEL, verbose_name="uploaded by")),
            ],
            options={
                "verbose_name": "import",
                "verbose_name_plural": "imports",
                "ordering": ["-created_at", "-pk"],
                "db_table": "clusters_importrun",
                "indexes": [models.Index(fields=["cluster", "-created_at"], name="clusters_im_cluster_d1198c_idx")],
            },
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[]),
    ]
