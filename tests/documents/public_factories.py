"""Small factories for the public document pages' tests (search_text set as the admin's service would)."""

import datetime
import itertools

from core import generation
from core.text import fold
from documents.models import Document, DocumentType, Field

_numbers = itertools.count(1)


def searchable(number, summary, *texts):
    return " ".join(fold(part) for part in (number, summary, *texts) if part)


def doc_type(name="Quyết định"):
    return DocumentType.objects.get_or_create(name=name)[0]


def field(name="Tài chính"):
    return Field.objects.get_or_create(name=name)[0]


def make_document(unit, *, number=None, summary=None, file_text="", fields=(), **extra):
    n = next(_numbers)
    number = f"{n}/2026/QĐ-UBND" if number is None else number
    summary = summary or f"Về việc ban hành kế hoạch số {n}"
    extra.setdefault("doc_type", doc_type())
    extra.setdefault("issuer", "Ủy ban nhân dân xã Hòa Bình")
    extra.setdefault("issued_on", datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300))
    document = Document.objects.create(
        unit=unit, number=number, summary=summary, search_text=searchable(number, summary, file_text), **extra
    )
    if fields:
        document.fields.set(fields)
    return document


def bulk_documents(unit, count, *, with_field=None):
    """``count`` published documents in one INSERT (signals do not fire: the generation is bumped by hand)."""
    kind = doc_type()
    start = datetime.date(2020, 1, 1)
    rows = [
        Document(
            unit=unit,
            number=f"{i}/2025/QĐ-UBND",
            slug=f"bulk-{i}",
            doc_type=kind,
            issuer="Ủy ban nhân dân xã Hòa Bình",
            issued_on=start + datetime.timedelta(days=i % 2000),
            summary=f"Về việc phê duyệt dự toán số {i}",
            search_text=searchable(f"{i}/2025/QĐ-UBND", f"Về việc phê duyệt dự toán số {i}"),
        )
        for i in range(count)
    ]
    documents = Document.objects.bulk_create(rows)
    if with_field:
        Document.fields.through.objects.bulk_create(
            [Document.fields.through(document=d, field=with_field) for d in documents]
        )
    generation.bump()
    return documents
