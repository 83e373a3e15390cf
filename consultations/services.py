"""Multi-step writes on consultations: a citizen's comment, moderation, the report's publication."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consultations.models import Consultation, ConsultationComment, Status
from core import ratelimit
from core.clients import client_key
from core.uploads import files_removed_on_failure

ARCHIVED_REFUSED = gettext_lazy("Cổng thông tin này chỉ còn lưu trữ nên không nhận góp ý mới.")
NOT_YET_OPEN = gettext_lazy("Đợt lấy ý kiến này chưa bắt đầu: vui lòng gửi góp ý từ %(opens)s.")
CLOSED = gettext_lazy("Đợt lấy ý kiến này đã kết thúc lúc %(closes)s nên không nhận thêm góp ý.")


def refusal(consultation: Consultation, *, now=None) -> str | None:
    """Why a comment cannot be taken now (archived unit, not yet open, closed), or None when it can."""
    if consultation.unit.archived:
        return str(ARCHIVED_REFUSED)
    status = consultation.status_at(now)
    local = timezone.localtime
    if status == Status.UPCOMING:
        return str(NOT_YET_OPEN % {"opens": local(consultation.opens_at).strftime("%H:%M %d/%m/%Y")})
    if status != Status.OPEN:
        return str(CLOSED % {"closes": local(consultation.closes_at).strftime("%H:%M %d/%m/%Y")})
    return None


def comment_rate_exceeded(request) -> bool:
    """The readers' comment limit (ARTICLES_COMMENT_RATE), counted apart, per client (IPv6 per /64)."""
    limit, window = settings.ARTICLES_COMMENT_RATE
    return ratelimit.hit("consultations:comments", client_key(request), limit=limit, window=window)


@transaction.atomic
def add_comment(
    *,
    consultation: Consultation,
    name: str,
    body: str,
    organisation: str = "",
    contact: str = "",
    section: str = "",
    file=None,
) -> ConsultationComment:
    """Keep a comment: held for moderation when the consultation says so, else public at once.

    The times are checked again here, inside the transaction: the form may have been drawn while
    the consultation was open.
    """
    reason = refusal(consultation)
    if reason:
        raise ValidationError(reason, code="refused")
    state = ConsultationComment.State.PENDING if consultation.moderated else ConsultationComment.State.PUBLISHED
    comment = ConsultationComment(
        consultation=consultation,
        name=name,
        organisation=organisation,
        contact=contact,
        section=section,
        body=body,
        state=state,
    )
    if file:
        comment.file = file
    with files_removed_on_failure(comment):
        comment.save()
    return comment


@transaction.atomic
def approve_comments(*, comments, by) -> int:
    """Show comments on their consultation's page."""
    return comments.update(state=ConsultationComment.State.PUBLISHED)


@transaction.atomic
def hide_comments(*, comments, by) -> int:
    """Take comments off the page and out of the count received (spam, abuse); the row stays for the record."""
    return comments.update(state=ConsultationComment.State.HIDDEN)


@transaction.atomic
def publish_report(*, consultation: Consultation, by, at=None) -> Consultation:
    """Show the report (tổng hợp, tiếp thu, giải trình) now, or at ``at``; only after the consultation closed."""
    at = at or timezone.now()
    if at < consultation.closes_at:
        raise ValidationError(_("Chỉ công bố kết quả sau khi đã kết thúc lấy ý kiến."))
    consultation.report_published_at = at
    consultation.save(update_fields=["report_published_at", "updated_at"])
    return consultation
