"""Read the text of documents' files again and rebuild what search reads (after the meeting papers moved in)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from documents import services
from documents.models import Document, DocumentFile


class Command(BaseCommand):
    help = _(
        "Đọc lại nội dung chữ của các tệp văn bản chưa được đọc (tệp chuyển từ cuộc họp sang) "
        "và dựng lại dữ liệu tìm kiếm. Thêm --all để đọc lại mọi tệp."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help=_("Đọc lại mọi tệp, kể cả tệp đã có nội dung chữ."))

    def handle(self, *args, all=False, **options):
        files = DocumentFile.objects.select_related("document").order_by("pk")
        if not all:
            files = files.filter(text="", has_text=True)
        read, missing, documents = 0, 0, set()
        for document_file in files.iterator():
            try:
                services.reread_file(document_file=document_file)
            except FileNotFoundError:
                missing += 1
                self.stderr.write(_("Không tìm thấy tệp %(name)s.") % {"name": document_file.file.name})
                continue
            read += 1
            documents.add(document_file.document_id)
        for document in Document.objects.filter(pk__in=documents).iterator():
            services.rebuild_search_text(document=document)
        self.stdout.write(
            _("Đã đọc %(read)d tệp của %(documents)d văn bản; %(missing)d tệp không còn trên đĩa.")
            % {"read": read, "documents": len(documents), "missing": missing}
        )
