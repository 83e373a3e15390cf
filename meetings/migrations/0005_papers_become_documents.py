"""Every meeting paper becomes a document (documents.Document) with one file, linked to its meeting.

The stored file is kept where it is: the new file row names the same file, nothing is copied. A paper
becomes a published document only if the public could read it before (published, its time come, its
meeting public), so no file becomes public by migrating. The document types a meeting's papers need
are created when missing. The files' text is not read here (a migration does not run today's extraction
code): ``manage.py reindex_documents`` reads it afterwards.
"""

from datetime import datetime, time

from django.db import migrations
from django.utils import timezone

from core.text import fold, slugify_vi

# Meeting paper kinds (meetings.Document.Kind as it was) and the document type each becomes.
TYPES = {
    "giay-moi": "Giấy mời",
    "chuong-trinh": "Chương trình",
    "bao-cao": "Báo cáo",
    "bien-ban": "Biên bản",
    "thong-bao-ket-luan": "Thông báo kết luận",
}


def _slug(taken, text):
    base = slugify_vi(text, max_length=190) or "van-ban"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def _document_type(DocumentType, kind, cache):
    if kind not in cache:
        name = TYPES[kind]
        doc_type = DocumentType.objects.filter(name=name).first()
        if doc_type is None:
            slug = kind
            if DocumentType.objects.filter(slug=slug).exists():
                slug = f"{kind}-cuoc-hop"
            doc_type = DocumentType.objects.create(name=name, slug=slug, order=100)
        cache[kind] = doc_type
    return cache[kind]


def _size(field_file):
    try:
        return field_file.size
    except (OSError, ValueError):
        return 0


def papers_to_documents(apps, schema_editor):
    Paper = apps.get_model("meetings", "Document")
    MeetingDocument = apps.get_model("meetings", "MeetingDocument")
    Document = apps.get_model("documents", "Document")
    DocumentFile = apps.get_model("documents", "DocumentFile")
    DocumentType = apps.get_model("documents", "DocumentType")
    now = timezone.now()
    types, slugs = {}, {}
    for paper in Paper.objects.select_related("meeting__unit").order_by("pk").iterator():
        meeting = paper.meeting
        unit = meeting.unit
        if unit.pk not in slugs:
            slugs[unit.pk] = set(Document.objects.filter(unit=unit).values_list("slug", flat=True))
        public = (
            paper.status == "published" and paper.published_at is not None and paper.published_at <= now
        ) and meeting.is_public
        issued = paper.published_at or meeting.starts_at
        document = Document.objects.create(
            unit=unit,
            slug=_slug(slugs[unit.pk], paper.title),
            doc_type=_document_type(DocumentType, paper.kind, types),
            issuer=meeting.body or unit.name,
            summary=paper.title,
            issued_on=timezone.localtime(issued).date(),
            is_published=public,
            search_text=fold("\n".join(part for part in (paper.title, meeting.body or unit.name) if part)),
        )
        DocumentFile.objects.create(
            document=document, title=paper.title, file=paper.file.name, size=_size(paper.file), order=0
        )
        MeetingDocument.objects.create(
            meeting=meeting, document=document, agenda_item_id=paper.agenda_item_id, kind=paper.kind, order=paper.order
        )


def documents_to_papers(apps, schema_editor):
    """Back to one paper per link, with the document's first file; the documents themselves stay."""
    Paper = apps.get_model("meetings", "Document")
    MeetingDocument = apps.get_model("meetings", "MeetingDocument")
    for link in MeetingDocument.objects.select_related("document").order_by("pk").iterator():
        first = link.document.files.order_by("order", "pk").first()
        if first is None:
            continue
        published_at = timezone.make_aware(datetime.combine(link.document.issued_on or timezone.localdate(), time()))
        Paper.objects.create(
            meeting_id=link.meeting_id,
            agenda_item_id=link.agenda_item_id,
            kind=link.kind,
            title=link.document.summary[:255],
            file=first.file.name,
            status="published" if link.document.is_published else "draft",
            published_at=published_at if link.document.is_published else None,
            order=link.order,
        )
    MeetingDocument.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_external_id"),
        ("meetings", "0004_meetingdocument"),
    ]

    operations = [migrations.RunPython(papers_to_documents, documents_to_papers)]
