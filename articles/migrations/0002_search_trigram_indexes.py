"""Trigram GIN indexes on the folded search columns, on PostgreSQL only.

``LIKE '%word%'`` on ``search_text`` / ``search_title`` then uses an index even at
100,000 articles. Other databases (SQLite in development) skip this migration's work.
"""

from django.db import migrations

INDEXES = (
    ("articles_article_search_text_trgm", "search_text"),
    ("articles_article_search_title_trgm", "search_title"),
)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON articles_article USING gin ({column} gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
