"""Rename the files stored before names had 128 random bits, and move attachments and papers out of sight."""

from django.core.management.base import BaseCommand

from core.uploads import store_under_unguessable_name, uploaded_file_fields


class Command(BaseCommand):
    help = (
        "Đổi tên các tệp đã lưu sang tên ngẫu nhiên không đoán được và chuyển tài liệu đính kèm, văn bản "
        "cuộc họp vào kho được bảo vệ. Chạy lại không thay đổi gì."
    )

    def handle(self, *args, **options):
        renamed = missing = 0
        for model, field in uploaded_file_fields():
            for instance in model._base_manager.exclude(**{field.attname: ""}).only("pk", field.attname).iterator():
                moved = store_under_unguessable_name(instance=instance, field=field)
                if moved is None:
                    missing += 1
                    self.stderr.write(
                        f"Không tìm thấy tệp {getattr(instance, field.attname).name} ({model._meta.label})"
                    )
                renamed += bool(moved)
        self.stdout.write(f"Đã đổi tên {renamed} tệp; {missing} tệp không tìm thấy.")
