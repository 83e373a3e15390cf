"""Demo documents of a unit: a decision with its file, a plan, a budget report and what they replaced,
and one document of each kind the disclosure list names (documents/disclosure.py).

The text is the team's own. Each file is a small Word document written here, so that the portal
reads its text as it reads an uploaded one and search finds words that are only in the file.
"""

import datetime
import io
import zipfile
from xml.sax.saxutils import escape

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.demo_calendar import on_or_before
from documents.disclosure import DOCUMENT_KINDS
from documents.models import Document, DocumentType, Field, Relation
from documents.services import add_file, rebuild_search_text

WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def word_file(name, paragraphs):
    """A minimal .docx holding ``paragraphs``: what an office's word processor would have saved."""
    body = "".join(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>" for text in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{WORD}"><w:body>{body}</w:body></w:document>')
    return SimpleUploadedFile(
        name, out.getvalue(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )


def _type(name, order):
    return DocumentType.objects.get_or_create(name=name, defaults={"order": order})[0]


def _field(name):
    return Field.objects.get_or_create(name=name)[0]


def seed_documents(unit, *, symbol, place, chair, year=2026):
    """The unit's documents, once: ``symbol`` is its mark in numbers (UBND), ``place`` its name in the text."""
    if Document.objects.of(unit).filter(summary__contains="thu phí chợ").exists():
        return None
    decision, plan, report = _type("Quyết định", 10), _type("Kế hoạch", 20), _type("Báo cáo", 30)
    finance, economy = _field("Tài chính"), _field("Kinh tế")
    common = {"unit": unit, "issuer": f"Ủy ban nhân dân {place}", "signer": chair, "signer_position": "Chủ tịch"}
    old_fees = Document.objects.create(
        **common,
        number=f"08/{year - 2}/QĐ-{symbol}",
        doc_type=decision,
        is_normative=True,
        summary=f"Ban hành mức thu phí sử dụng diện tích bán hàng tại chợ {place}",
        issued_on=on_or_before(datetime.date(year - 2, 3, 2)),
        effective_on=datetime.date(year - 2, 3, 15),
    )
    fees = Document.objects.create(
        **common,
        number=f"15/{year}/QĐ-{symbol}",
        doc_type=decision,
        is_normative=True,
        summary=f"Ban hành Quy định thu phí chợ và quản lý hoạt động kinh doanh tại chợ {place}",
        issued_on=on_or_before(datetime.date(year, 10, 6)),
        effective_on=datetime.date(year, 10, 20),
    )
    fees.fields.add(finance, economy)
    Relation.objects.create(source=fees, kind=Relation.Kind.REPLACES, target=old_fees)
    add_file(
        document=fees,
        upload=word_file(
            "quyet-dinh-thu-phi-cho.docx",
            [
                f"Quy định thu phí chợ {place}",
                "Điều 1. Mức thu phí sử dụng diện tích bán hàng cố định là 60.000 đồng một mét vuông mỗi tháng.",
                "Điều 2. Hộ kinh doanh không cố định nộp 5.000 đồng mỗi ngày họp chợ.",
                "Điều 3. Tiền phí được dùng để vệ sinh, sửa chữa mái che và phòng cháy tại chợ.",
            ],
        ),
        title="Toàn văn quyết định",
    )
    yearly = Document.objects.create(
        **common,
        number=f"112/KH-{symbol}",
        doc_type=plan,
        summary=f"Kế hoạch phát triển kinh tế - xã hội {place} năm {year + 1}",
        issued_on=on_or_before(datetime.date(year, 11, 14)),
    )
    yearly.fields.add(economy)
    budget = Document.objects.create(
        **common,
        number=f"98/BC-{symbol}",
        doc_type=report,
        summary=f"Báo cáo công khai dự toán ngân sách {place} năm {year + 1}",
        issued_on=on_or_before(datetime.date(year, 11, 25)),
    )
    budget.fields.add(finance)
    for document in (old_fees, yearly, budget):
        rebuild_search_text(document=document)
    return fees


# One summary per kind, in the unit's words ({place} is its short name).
SUMMARIES = {
    "plans": "Kế hoạch phát triển kinh tế - xã hội năm {year} của {place}",
    "budget": "Dự toán thu, chi ngân sách năm {year} của {place}",
    "investment": "Danh mục dự án đầu tư công năm {year} của {place}",
    "procurement": "Kế hoạch lựa chọn nhà thầu gói thầu sửa chữa trụ sở {place} năm {year}",
    "reports": "Báo cáo tình hình kinh tế - xã hội quý I năm {year} của {place}",
    "land": "Kế hoạch sử dụng đất năm {year} của {place}",
    "social-support": "Danh sách hộ nghèo, hộ cận nghèo năm {year} của {place}",
    "contributions": "Thông báo huy động đóng góp xây dựng đường giao thông thôn năm {year} của {place}",
}


def seed_disclosed_documents(unit):
    """One published document of each disclosed kind for ``unit``, once (the external id keeps it single)."""
    year = timezone.localdate().year
    for order, kind in enumerate(DOCUMENT_KINDS, start=200):
        doc_type, _created = DocumentType.objects.get_or_create(name=kind.type_names[0], defaults={"order": order})
        Document.objects.get_or_create(
            unit=unit,
            external_id=f"demo-{kind.key}",
            defaults={
                "doc_type": doc_type,
                "issuer": unit.name,
                "summary": SUMMARIES[kind.key].format(year=year, place=unit.short_name),
                "issued_on": on_or_before(datetime.date(year, 1, 15)),
            },
        )
