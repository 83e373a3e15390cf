"""Why an article was sent back to its author, when and by whom."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import core.fields


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_offers_to_the_province"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="returned_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="trả lại lúc"),
        ),
        migrations.AddField(
            model_name="article",
            name="returned_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="người trả lại",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="returned_reason",
            field=core.fields.NFCTextField(blank=True, editable=False, verbose_name="lý do trả lại"),
        ),
    ]
