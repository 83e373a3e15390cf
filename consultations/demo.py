"""A demo consultation: the unit asks its residents about a draft regulation, open for comment now."""

from datetime import time

from articles.demo_calendar import at, working_day
from consultations.models import Consultation
from documents.models import Document, DocumentType


def seed_consultation(unit, *, symbol, place):
    """One open consultation on one draft, once; the period is longer than the minimum for its kind.

    The draft is issued, and the period opens and closes, on working days in office hours.
    """
    if Consultation.objects.filter(unit=unit).exists():
        return None
    draft = Document.objects.create(
        unit=unit,
        number=f"Dự thảo/{symbol}",
        doc_type=DocumentType.objects.get_or_create(name="Dự thảo", defaults={"order": 90})[0],
        issuer=f"Ủy ban nhân dân {place}",
        summary=f"Dự thảo Quy chế giữ gìn vệ sinh và trật tự tại các khu dân cư {place}",
        issued_on=working_day(-7),
    )
    consultation = Consultation.objects.create(
        unit=unit,
        title=f"Lấy ý kiến dự thảo Quy chế vệ sinh và trật tự khu dân cư {place}",
        question=(
            "<p>Ủy ban nhân dân mong nhận ý kiến về giờ đổ rác, việc để xe trên vỉa hè và mức đóng góp "
            "của mỗi hộ cho tổ vệ sinh thôn, tổ dân phố.</p>"
        ),
        sections="Điều 2. Giờ thu gom rác\nĐiều 4. Để xe trên vỉa hè\nĐiều 6. Mức đóng góp của hộ gia đình",
        opens_at=at(working_day(-5), time(8, 0)),
        closes_at=at(working_day(40), time(17, 0)),
    )
    consultation.drafts.add(draft)
    return consultation
