"""The full-text structures of each engine over search_searchentry."""

from django.db import migrations

SQLITE = [
    (
        "CREATE VIRTUAL TABLE search_entry_fts USING fts5("
        "name_terms, body_terms, content='search_searchentry', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 0', prefix='2 3 4')",
        "DROP TABLE search_entry_fts",
    ),
    (
        "CREATE TRIGGER search_entry_after_insert AFTER INSERT ON search_searchentry BEGIN "
        "INSERT INTO search_entry_fts(rowid, name_terms, body_terms) "
        "VALUES (new.id, new.name_terms, new.body_terms); END",
        "DROP TRIGGER search_entry_after_insert",
    ),
    (
        "CREATE TRIGGER search_entry_after_delete AFTER DELETE ON search_searchentry BEGIN "
        "INSERT INTO search_entry_fts(search_entry_fts, rowid, name_terms, body_terms) "
        "VALUES ('delete', old.id, old.name_terms, old.body_terms); END",
        "DROP TRIGGER search_entry_after_delete",
    ),
    (
        "CREATE TRIGGER search_entry_after_update AFTER UPDATE ON search_searchentry BEGIN "
        "INSERT INTO search_entry_fts(search_entry_fts, rowid, name_terms, body_terms) "
        "VALUES ('delete', old.id, old.name_terms, old.body_terms); "
        "INSERT INTO search_entry_fts(rowid, name_terms, body_terms) "
        "VALUES (new.id, new.name_terms, new.body_terms); END",
        "DROP TRIGGER search_entry_after_update",
    ),
]

POSTGRESQL = [
    (
        "CREATE INDEX search_entry_all_terms ON search_searchentry USING GIN "
        "(to_tsvector('simple'::regconfig, name_terms || ' ' || body_terms))",
        "DROP INDEX search_entry_all_terms",
    ),
    (
        "CREATE INDEX search_entry_name_terms ON search_searchentry USING GIN "
        "(to_tsvector('simple'::regconfig, name_terms))",
        "DROP INDEX search_entry_name_terms",
    ),
]


def statements(schema_editor, index):
    vendor = schema_editor.connection.vendor
    chosen = SQLITE if vendor == "sqlite" else POSTGRESQL if vendor == "postgresql" else []
    return [pair[index] for pair in chosen]


def create(apps, schema_editor):
    for statement in statements(schema_editor, 0):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in reversed(statements(schema_editor, 1)):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
