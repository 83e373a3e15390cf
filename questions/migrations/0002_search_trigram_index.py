"""A trigram GIN index on the folded ``search_text`` of questions, on PostgreSQL only.

``LIKE '%word%'`` then uses an index however many questions the unit has answered, as articles' and
documents' search does (articles/migrations/0002). Other databases (SQLite in development) skip it.
"""

from django.db import migrations

INDEX = "questions_question_search_text_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON questions_question USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("questions", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
