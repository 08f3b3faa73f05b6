"""The application models moved to the applications app (applications.0001, which runs
before this): forgotten here in the migration state only; their tables and rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0005_import_run_file_kept_while_needed"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ApplicationMember"),
                migrations.DeleteModel(name="ClusterApplication"),
                migrations.DeleteModel(name="EligibilityCriteria"),
            ],
            database_operations=[],
        ),
    ]
