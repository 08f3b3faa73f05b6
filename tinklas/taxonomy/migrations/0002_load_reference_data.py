from django.db import migrations

from tinklas.taxonomy import loading


def load(apps, schema_editor):
    loading.load_ecosystems_and_fields(
        apps.get_model("taxonomy", "Ecosystem"), apps.get_model("taxonomy", "Sector")
    )
    loading.load_nace(apps.get_model("taxonomy", "NaceActivity"))
    loading.load_regions(apps.get_model("taxonomy", "Region"))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
