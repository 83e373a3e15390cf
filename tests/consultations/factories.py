"""Small factories for consultations and the drafts they ask about."""

import io
from datetime import timedelta

from django.utils import timezone
from pypdf import PdfWriter

from consultations.models import Consultation, ConsultationComment, ReportEntry
from documents.models import Document, DocumentType
from tests.units import unit_under_test


def make_draft(summary="Dự thảo Quy chế quản lý chợ Hòa Bình", *, unit=None, **fields):
    doc_type, _created = DocumentType.objects.get_or_create(name="Quyết định")
    return Document.objects.create(
        unit=unit or unit_under_test(),
        doc_type=doc_type,
        issuer="Ủy ban nhân dân xã Hòa Bình",
        summary=summary,
        **fields,
    )


def times(state, now=None):
    """Opening and closing times (and the report's) that put a consultation in ``state`` now."""
    now = now or timezone.now()
    day = timedelta(days=1)
    return {
        "upcoming": {"opens_at": now + 5 * day, "closes_at": now + 70 * day},
        "open": {"opens_at": now - 10 * day, "closes_at": now + 55 * day},
        "closed": {"opens_at": now - 80 * day, "closes_at": now - 5 * day},
        "reported": {"opens_at": now - 80 * day, "closes_at": now - 5 * day, "report_published_at": now - day},
    }[state]


def make_consultation(title="Lấy ý kiến dự thảo Quy chế quản lý chợ", *, state="open", unit=None, drafts=(), **fields):
    consultation = Consultation.objects.create(
        unit=unit or unit_under_test(),
        title=title,
        question="<p>Xin ý kiến về giờ họp chợ và phí vệ sinh.</p>",
        **{**times(state), **fields},
    )
    consultation.drafts.set(drafts)
    return consultation


def bulk_consultations(count, *, unit=None):
    """``count`` consultations in every state, in one query."""
    unit = unit or unit_under_test()
    states = ["open", "upcoming", "closed", "reported"]
    return Consultation.objects.bulk_create(
        Consultation(
            unit=unit, title=f"Đợt lấy ý kiến {i}", slug=f"dot-{i}", question="<p>Hỏi</p>", **times(states[i % 4])
        )
        for i in range(count)
    )


def make_comment(consultation, *, state=ConsultationComment.State.PUBLISHED, **fields):
    defaults = {"name": "Trần Thị Bình", "body": "Đề nghị họp chợ từ 5 giờ sáng.", "contact": "0912 345 678"}
    return ConsultationComment.objects.create(consultation=consultation, state=state, **{**defaults, **fields})


def make_entry(consultation, decision, *, comments=(), **fields):
    entry = ReportEntry.objects.create(
        consultation=consultation,
        decision=decision,
        summary=fields.pop("summary", "Ý kiến về giờ họp chợ."),
        reason=fields.pop("reason", "Phù hợp với thực tế."),
        **fields,
    )
    entry.comments.set(comments)
    return entry


def pdf_bytes():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
