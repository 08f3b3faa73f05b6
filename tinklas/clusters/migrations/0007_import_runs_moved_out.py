"""ImportRun moved to the imports app (imports.0001, which runs before this): forgotten here
in the migration state only; its table and rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0006_applications_moved_out"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ImportRun")],
            database_operations=[],
        ),
    ]
