"""The site shell's models, taken over from core with their tables and rows.

Until this migration they were core's; their tables stay where they are (only the state moves here,
and core's next migration forgets them), then website's 0002 gives the tables this app's names.
Their content types follow, so that permissions, groups and the admin's history keep pointing at them.
"""

import django.db.models.deletion
from django.db import migrations, models

import core.fields
import core.uploads

MOVED_MODELS = ["sitesettings", "page", "menuitem", "maintenancenotice"]


def move_content_types(apps, schema_editor, source="core", target="website"):
    """Relabel the moved models' content types (a fresh database has none yet: post_migrate makes them)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def restore_content_types(apps, schema_editor):
    move_content_types(apps, schema_editor, source="website", target="core")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0003_list_and_announcement_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0004_protected_files_clean_images"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="MaintenanceNotice",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("starts_at", models.DateTimeField(verbose_name="bắt đầu bảo trì")),
                        ("ends_at", models.DateTimeField(verbose_name="kết thúc bảo trì")),
                        (
                            "message",
                            core.fields.NFCCharField(
                                help_text="Ví dụ: Cổng tạm ngừng để nâng cấp hệ thống; mong bạn đọc thông cảm.",
                                max_length=300,
                                verbose_name="thông điệp",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "core_maintenancenotice",
                        "verbose_name": "thông báo bảo trì",
                        "verbose_name_plural": "thông báo bảo trì",
                        "ordering": ["-starts_at"],
                    },
                ),
                migrations.CreateModel(
                    name="Page",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("title", core.fields.NFCCharField(max_length=200, verbose_name="tiêu đề")),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Phần cuối của địa chỉ: /trang/<đường dẫn>/.",
                                max_length=200,
                                unique=True,
                                verbose_name="đường dẫn",
                            ),
                        ),
                        ("body", core.fields.RichTextField(blank=True, verbose_name="nội dung")),
                        ("is_published", models.BooleanField(default=True, verbose_name="đang hiển thị")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="cập nhật lúc")),
                    ],
                    options={
                        "db_table": "core_page",
                        "verbose_name": "trang tĩnh",
                        "verbose_name_plural": "trang tĩnh",
                        "ordering": ["title"],
                    },
                ),
                migrations.CreateModel(
                    name="MenuItem",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label", core.fields.NFCCharField(max_length=60, verbose_name="tên hiển thị")),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                        (
                            "target",
                            models.CharField(
                                choices=[
                                    ("home", "Trang chủ"),
                                    ("news", "Tất cả tin tức"),
                                    ("category", "Một chuyên mục"),
                                    ("announcements", "Thông báo"),
                                    ("meetings", "Lịch họp"),
                                    ("schedule", "Lịch công tác tuần"),
                                    ("page", "Một trang tĩnh"),
                                    ("url", "Địa chỉ khác"),
                                ],
                                default="category",
                                max_length=20,
                                verbose_name="trỏ tới",
                            ),
                        ),
                        (
                            "url",
                            models.CharField(
                                blank=True,
                                help_text="Chỉ khi trỏ tới địa chỉ khác: /duong-dan/ hoặc https://…",
                                max_length=300,
                                verbose_name="địa chỉ",
                            ),
                        ),
                        (
                            "category",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="articles.category",
                                verbose_name="chuyên mục",
                            ),
                        ),
                        (
                            "page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="website.page",
                                verbose_name="trang tĩnh",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "core_menuitem",
                        "verbose_name": "mục menu",
                        "verbose_name_plural": "menu chính",
                        "ordering": ["order", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="SiteSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "portal_name",
                            models.CharField(
                                default="Cổng thông tin điện tử",
                                help_text="Dòng chữ nhỏ phía trên tên đơn vị trên băng rôn.",
                                max_length=200,
                                verbose_name="tên cổng thông tin",
                            ),
                        ),
                        (
                            "unit_name",
                            models.CharField(
                                default="Ủy ban nhân dân",
                                help_text="Ví dụ: Ủy ban nhân dân xã Hòa Bình. Hiện trên băng rôn và chân trang.",
                                max_length=200,
                                verbose_name="tên đầy đủ của đơn vị",
                            ),
                        ),
                        (
                            "unit_short_name",
                            models.CharField(
                                default="UBND",
                                help_text="Ví dụ: UBND xã Hòa Bình.",
                                max_length=100,
                                verbose_name="tên viết tắt",
                            ),
                        ),
                        (
                            "unit_level",
                            models.CharField(
                                choices=[
                                    ("tinh", "Tỉnh / thành phố"),
                                    ("huyen", "Huyện / quận / thị xã"),
                                    ("xa", "Xã"),
                                    ("phuong", "Phường"),
                                    ("thi-tran", "Thị trấn"),
                                    ("dac-khu", "Đặc khu"),
                                ],
                                default="xa",
                                max_length=10,
                                verbose_name="cấp hành chính",
                            ),
                        ),
                        (
                            "governing_agency",
                            models.CharField(blank=True, max_length=200, verbose_name="cơ quan chủ quản"),
                        ),
                        (
                            "editor_in_chief",
                            models.CharField(blank=True, max_length=200, verbose_name="trưởng Ban Biên tập"),
                        ),
                        (
                            "standing_office",
                            models.CharField(blank=True, max_length=200, verbose_name="cơ quan thường trực"),
                        ),
                        ("address", models.CharField(blank=True, max_length=300, verbose_name="trụ sở")),
                        ("phone", models.CharField(blank=True, max_length=50, verbose_name="điện thoại")),
                        ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                        (
                            "licence",
                            models.CharField(
                                blank=True,
                                help_text="Số và ngày cấp giấy phép của cổng, ví dụ: Giấy phép số 12/GP-STTTT ngày 05/03/2024.",
                                max_length=200,
                                verbose_name="giấy phép",
                            ),
                        ),
                        (
                            "emblem",
                            models.ImageField(
                                blank=True,
                                upload_to=core.uploads.DatedUploadTo("site"),
                                validators=[core.uploads.validate_image],
                                verbose_name="biểu trưng",
                            ),
                        ),
                        (
                            "measurement_site_id",
                            models.CharField(
                                blank=True,
                                help_text="Mã do hệ thống đo lường quốc gia cấp cho cổng. Khi điền, trang sẽ nạp mã đo lường bắt buộc; để trống để tắt.",
                                max_length=64,
                                verbose_name="mã website đo lường",
                            ),
                        ),
                        ("facebook_url", models.URLField(blank=True, verbose_name="trang Facebook")),
                        ("youtube_url", models.URLField(blank=True, verbose_name="kênh YouTube")),
                        (
                            "featured_category",
                            models.ForeignKey(
                                blank=True,
                                help_text="Tin mới nhất của chuyên mục này được đặt lớn ở đầu trang chủ. Để trống: tin mới nhất.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="articles.category",
                                verbose_name="chuyên mục nổi bật trên trang chủ",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "core_sitesettings",
                        "verbose_name": "cài đặt cổng thông tin",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
