"""Small builders of documents for the tests."""

import itertools

from django.core.files.base import ContentFile

from documents import services
from documents.models import Document, DocumentType
from tests.documents.files import text_pdf
from tests.units import unit_under_test

_numbers = itertools.count(1)


def make_type(name="Quyết định"):
    return DocumentType.objects.get_or_create(name=name)[0]


def make_document(summary=None, *, files=(), unit=None, doc_type=None, **fields):
    """A published document of the test unit; ``files`` are (name, bytes) pairs stored through the service."""
    number = next(_numbers)
    fields.setdefault("number", f"{number}/2026/QĐ-UBND")
    fields.setdefault("issuer", "Ủy ban nhân dân xã Hòa Bình")
    document = Document.objects.create(
        unit=unit or unit_under_test(),
        doc_type=doc_type or make_type(),
        summary=summary or f"Văn bản số {number}",
        **fields,
    )
    for name, data in files:
        services.add_file(document=document, upload=ContentFile(data, name=name))
    services.rebuild_search_text(document=document)
    return document


def pdf_file(name="van-ban.pdf", lines=("Văn bản",)):
    return (name, text_pdf(list(lines)))
