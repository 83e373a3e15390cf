import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import core.fields
import core.uploads


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("documents", "0003_search_trigram_index"),
        ("units", "0002_the_single_unit_of_an_existing_portal"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PublicHoliday",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("date", models.DateField(unique=True, verbose_name="ngày")),
                (
                    "name",
                    core.fields.NFCCharField(
                        help_text="Ví dụ: Tết Nguyên đán, Quốc khánh.", max_length=150, verbose_name="tên ngày nghỉ"
                    ),
                ),
            ],
            options={
                "verbose_name": "ngày nghỉ lễ",
                "verbose_name_plural": "ngày nghỉ lễ",
                "ordering": ["-date"],
            },
        ),
        migrations.CreateModel(
            name="Office",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", core.fields.NFCCharField(max_length=200, verbose_name="tên phòng, ban")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="units.unit",
                        verbose_name="đơn vị",
                    ),
                ),
            ],
            options={
                "verbose_name": "phòng, ban trả lời",
                "verbose_name_plural": "phòng, ban trả lời",
                "ordering": ["order", "name"],
            },
        ),
        migrations.CreateModel(
            name="Question",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.CharField(editable=False, max_length=20, unique=True, verbose_name="mã tra cứu")),
                ("slug", models.SlugField(blank=True, editable=False, max_length=200, verbose_name="đường dẫn")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("moi", "Mới nhận, chờ phân công"),
                            ("dang-xu-ly", "Đang được phòng, ban trả lời"),
                            ("cho-duyet", "Đã có trả lời, chờ duyệt"),
                            ("da-tra-loi", "Đã trả lời và công khai"),
                            ("tu-choi", "Không tiếp nhận"),
                        ],
                        default="moi",
                        max_length=20,
                        verbose_name="trạng thái",
                    ),
                ),
                ("name", core.fields.NFCCharField(max_length=100, verbose_name="họ và tên người hỏi")),
                ("phone", models.CharField(blank=True, max_length=20, verbose_name="điện thoại")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                ("title", core.fields.NFCCharField(max_length=200, verbose_name="tiêu đề")),
                ("body", core.fields.NFCTextField(verbose_name="nội dung câu hỏi")),
                (
                    "file",
                    models.FileField(
                        blank=True,
                        help_text="Chỉ cán bộ xử lý xem được; không bao giờ công khai.",
                        storage=core.uploads.get_protected_storage,
                        upload_to=core.uploads.DatedUploadTo("questions"),
                        validators=[core.uploads.validate_document],
                        verbose_name="tệp đính kèm",
                    ),
                ),
                (
                    "assigned_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="phân công lúc"),
                ),
                ("due_on", models.DateField(blank=True, editable=False, null=True, verbose_name="hạn trả lời")),
                ("answer", core.fields.NFCTextField(blank=True, verbose_name="nội dung trả lời")),
                (
                    "answered_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="trả lời lúc"),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="công khai lúc"),
                ),
                (
                    "decline_reason",
                    core.fields.NFCTextField(
                        blank=True,
                        help_text="Người hỏi đọc được lý do này khi tra cứu bằng mã.",
                        verbose_name="lý do không tiếp nhận",
                    ),
                ),
                (
                    "declined_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="từ chối lúc"),
                ),
                (
                    "pinned",
                    models.BooleanField(
                        default=False, help_text="Ghim lên đầu danh sách hỏi đáp.", verbose_name="câu hỏi thường gặp"
                    ),
                ),
                (
                    "contact_purged_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="đã xóa liên hệ lúc"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="gửi lúc")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="cập nhật lúc")),
                ("search_text", models.TextField(default="", editable=False)),
                (
                    "answered_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "field",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="questions",
                        to="documents.field",
                        verbose_name="lĩnh vực",
                    ),
                ),
                (
                    "office",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="questions",
                        to="questions.office",
                        verbose_name="phòng, ban trả lời",
                    ),
                ),
                (
                    "published_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="units.unit",
                        verbose_name="đơn vị",
                    ),
                ),
            ],
            options={
                "verbose_name": "câu hỏi",
                "verbose_name_plural": "hỏi đáp",
                "ordering": ["-created_at", "-pk"],
                "permissions": [("publish_question", "Duyệt và công khai câu trả lời")],
            },
        ),
        migrations.AddConstraint(
            model_name="office",
            constraint=models.UniqueConstraint(
                models.F("unit"), models.F("name"), name="questions_office_unit_name_unique"
            ),
        ),
        migrations.AddIndex(
            model_name="question",
            index=models.Index(fields=["unit", "status", "-published_at"], name="questions_unit_published_idx"),
        ),
        migrations.AddConstraint(
            model_name="question",
            constraint=models.UniqueConstraint(
                models.F("unit"),
                models.F("slug"),
                condition=models.Q(("slug", ""), _negated=True),
                name="questions_question_unit_slug_unique",
            ),
        ),
    ]
