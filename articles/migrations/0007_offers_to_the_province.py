"""Offers of a commune's articles to its province's portal, indexed for the province's block."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import core.fields


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_content_belongs_to_a_unit"),
        ("units", "0002_the_single_unit_of_an_existing_portal"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="article",
            options={
                "ordering": ["-published_at", "-pk"],
                "permissions": [
                    ("publish_article", "Có thể xuất bản, hẹn giờ và gỡ tin bài"),
                    ("offer_article", "Có thể đề xuất tin bài lên Cổng tỉnh"),
                ],
                "verbose_name": "tin bài",
                "verbose_name_plural": "tin bài",
            },
        ),
        migrations.CreateModel(
            name="Offer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("offered", "Chờ Cổng tỉnh xem xét"),
                            ("accepted", "Đã nhận đăng"),
                            ("declined", "Không nhận đăng"),
                        ],
                        default="offered",
                        max_length=10,
                        verbose_name="trạng thái",
                    ),
                ),
                (
                    "reason",
                    core.fields.NFCTextField(
                        blank=True,
                        help_text="Bắt buộc khi không nhận đăng: xã, phường đọc được lý do này trong trang quản trị của mình.",
                        verbose_name="lý do",
                    ),
                ),
                ("offered_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="đề xuất lúc")),
                ("decided_at", models.DateTimeField(blank=True, null=True, verbose_name="quyết định lúc")),
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="offer",
                        to="articles.article",
                        verbose_name="tin bài",
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người quyết định",
                    ),
                ),
                (
                    "offered_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người đề xuất",
                    ),
                ),
                (
                    "province",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="units.unit",
                        verbose_name="đề xuất lên",
                    ),
                ),
            ],
            options={
                "verbose_name": "tin đề xuất lên Cổng tỉnh",
                "verbose_name_plural": "tin đề xuất lên Cổng tỉnh",
                "ordering": ["-offered_at", "-pk"],
                "permissions": [("decide_offer", "Có thể nhận đăng hoặc từ chối tin do xã, phường đề xuất")],
                "indexes": [
                    models.Index(fields=["province", "status", "-decided_at", "-id"], name="articles_offer_portal_idx")
                ],
            },
        ),
    ]
