"""Rebuild the search text of existing articles from what readers see of their body.

Until now it was folded from the body as submitted, before the sanitizer, so words inside a
``<script>`` the sanitizer removed still made an article a match. Only rows whose text changes are written.
"""

from django.db import migrations

from articles.models import searchable_text

BATCH = 2000


def rebuild_search_text(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    changed = []
    for article in Article.objects.only("title", "lead", "body", "search_text").iterator(chunk_size=BATCH):
        text = searchable_text(article.title, article.lead, article.body)
        if text != article.search_text:
            article.search_text = text
            changed.append(article)
        if len(changed) >= BATCH:
            Article.objects.bulk_update(changed, ["search_text"])
            changed = []
    Article.objects.bulk_update(changed, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_list_and_announcement_indexes")]

    operations = [migrations.RunPython(rebuild_search_text, migrations.RunPython.noop, elidable=True)]
