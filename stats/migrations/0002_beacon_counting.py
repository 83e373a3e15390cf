"""Views refer to their article by a foreign key; visitors carry their address's hash (the per-address cap)."""

import django.db.models.deletion
from django.db import migrations, models


def drop_rows_of_deleted_articles(apps, schema_editor):
    """Rows of articles deleted since (ids nothing points at) cannot take the new foreign key."""
    Article = apps.get_model("articles", "Article")
    existing = Article.objects.values("pk")
    for name in ("ArticleSeen", "ArticleDailyViews"):
        apps.get_model("stats", name).objects.exclude(article_id__in=existing).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_list_and_announcement_indexes"),
        ("stats", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(drop_rows_of_deleted_articles, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="articleseen", name="stats_articleseen_uniq"),
        migrations.RemoveConstraint(model_name="articledailyviews", name="stats_articleday_uniq"),
        migrations.RenameField(model_name="articleseen", old_name="article_id", new_name="article"),
        migrations.RenameField(model_name="articledailyviews", old_name="article_id", new_name="article"),
        migrations.AlterField(
            model_name="articleseen",
            name="article",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="articles.article"
            ),
        ),
        migrations.AlterField(
            model_name="articledailyviews",
            name="article",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="daily_views", to="articles.article"
            ),
        ),
        migrations.AddConstraint(
            model_name="articleseen",
            constraint=models.UniqueConstraint(fields=("visitor", "article"), name="stats_articleseen_uniq"),
        ),
        migrations.AddConstraint(
            model_name="articledailyviews",
            constraint=models.UniqueConstraint(fields=("article", "day"), name="stats_articleday_uniq"),
        ),
        migrations.AddField(
            model_name="visitor",
            name="network",
            field=models.CharField(default="", max_length=32),
        ),
        migrations.AddIndex(
            model_name="visitor",
            index=models.Index(fields=["day", "network"], name="stats_visitor_network_idx"),
        ),
    ]
