"""A trigram GIN index on the folded ``search_text`` of procedures, on PostgreSQL only.

``LIKE '%word%'`` then uses an index, as the documents' search does (documents/migrations/0003).
Other databases (SQLite in development) skip this migration's work.
"""

from django.db import migrations

INDEX = "procedures_procedure_search_text_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON procedures_procedure USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
