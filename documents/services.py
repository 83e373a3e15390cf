"""Multi-step writes on documents: a file and its extracted text, the folded copy search reads."""

from django.core.exceptions import ValidationError
from django.db import transaction

from core.text import fold
from core.uploads import files_removed_on_failure, validate_document
from documents import text
from documents.models import Document, DocumentFile


def read_upload(*, document_file: DocumentFile, upload) -> DocumentFile:
    """Fill the file's size, text and text-layer flag from ``upload`` (``ValidationError`` if unreadable).

    Called before anything is stored, so that a broken file never reaches the disk or the database.
    """
    extracted = text.extract(upload)
    document_file.size = upload.size
    document_file.text = extracted.text
    document_file.has_text = extracted.has_text
    return document_file


@transaction.atomic
def add_file(*, document: Document, upload, title: str = "", order: int = 0) -> DocumentFile:
    """Check, read and store one file of ``document``, then refresh what search reads."""
    validate_document(upload)
    document_file = read_upload(document_file=DocumentFile(document=document, title=title, order=order), upload=upload)
    with files_removed_on_failure(document_file):
        document_file.file.save(upload.name, upload, save=False)
        document_file.save()
        rebuild_search_text(document=document)
    return document_file


def rebuild_search_text(*, document: Document) -> str:
    """Store the folded number, summary, issuer and files' text: what accent-free search matches.

    Run after the document or one of its files is saved; an update, so ``updated_at`` and the
    document's other fields are left as they are.
    """
    parts = [document.number, document.summary, document.issuer]
    parts += list(document.files.order_by("order", "pk").values_list("text", flat=True))
    search_text = fold("\n".join(part for part in parts if part))
    Document.objects.filter(pk=document.pk).update(search_text=search_text)
    document.search_text = search_text
    return search_text


def reread_file(*, document_file: DocumentFile) -> DocumentFile:
    """Read a stored file's text again (files moved in by a migration, or after the extraction improved)."""
    with document_file.file.open("rb") as handle:
        try:
            read_upload(document_file=document_file, upload=handle)
        except ValidationError:
            # Stored long ago and unreadable now: kept downloadable, found by number and summary only.
            document_file.text, document_file.has_text = "", True
    document_file.size = document_file.file.size
    DocumentFile.objects.filter(pk=document_file.pk).update(
        size=document_file.size, text=document_file.text, has_text=document_file.has_text
    )
    return document_file
