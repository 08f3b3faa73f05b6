"""The content type of ImportRun follows it (app label "clusters" → "imports",
same id), so that its audit history and permissions stay attached. If the new app's
content type was already created (by the post_migrate signal, before this ran), its few
entries join the old one and the new, empty one is deleted."""

from typing import Any

from django.db import migrations

MODELS = ["importrun"]


def move_content_types(apps: Any, old_label: str, new_label: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    LogEntry = apps.get_model("auditlog", "LogEntry")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue  # a new database: post_migrate creates the new one
        fresh = ContentType.objects.filter(app_label=new_label, model=model).first()
        if fresh is not None:
            LogEntry.objects.filter(content_type=fresh).update(content_type=old)
            kept = Permission.objects.filter(content_type=old).values_list("codename", flat=True)
            Permission.objects.filter(content_type=fresh).exclude(codename__in=list(kept)).update(
                content_type=old
            )
            fresh.delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])


def forwards(apps: Any, schema_editor: Any) -> None:
    move_content_types(apps, "clusters", "imports")


def backwards(apps: Any, schema_editor: Any) -> None:
    move_content_types(apps, "imports", "clusters")


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0001_initial"),
        ("auditlog", "0017_add_actor_email"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
