"""Demo documents for each item of the disclosure list, so that the demo's units disclose everything they must."""

import datetime

from django.utils import timezone

from documents.disclosure import DOCUMENT_KINDS
from documents.models import Document, DocumentType

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
                "issued_on": datetime.date(year, 1, 15),
            },
        )
