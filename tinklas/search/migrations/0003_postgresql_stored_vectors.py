"""PostgreSQL: the text vectors stored in generated columns, so that matching reads them
instead of recomputing them from the terms for every candidate row."""

from django.db import migrations

POSTGRESQL = [
    (
        "ALTER TABLE search_searchentry ADD COLUMN all_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple'::regconfig, name_terms || ' ' || body_terms)) STORED",
        "ALTER TABLE search_searchentry DROP COLUMN all_vector",
    ),
    (
        "ALTER TABLE search_searchentry ADD COLUMN name_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple'::regconfig, name_terms)) STORED",
        "ALTER TABLE search_searchentry DROP COLUMN name_vector",
    ),
    ("DROP INDEX search_entry_all_terms", ""),
    ("DROP INDEX search_entry_name_terms", ""),
    (
        "CREATE INDEX search_entry_all_vector ON search_searchentry USING GIN (all_vector)",
        "DROP INDEX search_entry_all_vector",
    ),
    (
        "CREATE INDEX search_entry_name_vector ON search_searchentry USING GIN (name_vector)",
        "DROP INDEX search_entry_name_vector",
    ),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement, _reverse in POSTGRESQL:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_all_vector")
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_name_vector")
        schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN all_vector")
        schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN name_vector")
        schema_editor.execute(
            "CREATE INDEX search_entry_all_terms ON search_searchentry USING GIN "
            "(to_tsvector('simple'::regconfig, name_terms || ' ' || body_terms))"
        )
        schema_editor.execute(
            "CREATE INDEX search_entry_name_terms ON search_searchentry USING GIN "
            "(to_tsvector('simple'::regconfig, name_terms))"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_structures")]

    operations = [migrations.RunPython(create, drop)]
