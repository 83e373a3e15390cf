"""The workflow of a citizen's question: asked, assigned to an office, answered, published or declined."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import ratelimit
from core.clients import client_key
from core.text import unique_slug
from questions import codes
from questions.models import Office, PublicHoliday, Question, Status
from questions.workdays import add_working_days

PUBLISH_PERMISSION = "questions.publish_question"
ANSWER_PERMISSION = "questions.change_question"
CODE_ATTEMPTS = 5
RESERVED_SLUGS = {"gui-cau-hoi", "tra-cuu"}


def can_publish(user) -> bool:
    """The editor-in-chief (and administrators): assigns, approves, declines."""
    return user.has_perm(PUBLISH_PERMISSION)


def can_answer(user) -> bool:
    return user.has_perm(ANSWER_PERMISSION)


def question_rate_exceeded(request) -> bool:
    """Count this client's questions (an IPv6 /64 is one client); True once past the limit."""
    limit, window = settings.QUESTION_RATE
    return ratelimit.hit("questions:ask", client_key(request), limit=limit, window=window)


def lookup_rate_exceeded(request) -> bool:
    """Count this client's look-ups by code, so that codes cannot be tried one after another."""
    limit, window = settings.QUESTION_LOOKUP_RATE
    return ratelimit.hit("questions:lookup", client_key(request), limit=limit, window=window)


def ask_question(*, unit, name: str, phone: str, email: str, field, title: str, body: str, file=None) -> Question:
    """Keep a citizen's question, private and waiting for the editor-in-chief, under a fresh tracking code.

    A code already taken (a one-in-a-trillion draw) is drawn again; the unique constraint decides.
    """
    for attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                return Question.objects.create(
                    unit=unit,
                    code=codes.new_code(),
                    name=name,
                    phone=phone,
                    email=email,
                    field=field,
                    title=title,
                    body=body,
                    file=file or "",
                )
        except IntegrityError:
            if attempt == CODE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def due_date(*, start: datetime.date, days: int) -> datetime.date:
    """``days`` working days after ``start``, skipping the listed public holidays."""
    # Holidays fall within a few weeks of the weekends: twice the span, plus a month, always covers them.
    holidays = PublicHoliday.objects.dates_between(start, start + datetime.timedelta(days=2 * days + 31))
    return add_working_days(start, days, holidays)


@transaction.atomic
def assign_question(*, question: Question, office: Office, by, days: int | None = None) -> Question:
    """Give a question to an office, due ``days`` working days from today (QUESTION_ANSWER_DAYS by default)."""
    if not can_publish(by):
        raise PermissionDenied(_("Chỉ Trưởng ban biên tập mới phân công câu hỏi."))
    if office.unit_id != question.unit_id:
        raise ValidationError(_("Phòng, ban này không thuộc đơn vị của câu hỏi."))
    if question.status in (Status.PUBLISHED, Status.DECLINED):
        raise ValidationError(_("Câu hỏi đã được xử lý xong."))
    days = settings.QUESTION_ANSWER_DAYS if days is None else days
    now = timezone.now()
    question.office, question.assigned_at = office, now
    question.due_on = due_date(start=timezone.localdate(now), days=days)
    if question.status == Status.RECEIVED:
        question.status = Status.ASSIGNED
    question.save(update_fields=["office", "assigned_at", "due_on", "status", "updated_at"])
    return question


@transaction.atomic
def answer_question(*, question: Question, answer: str, by) -> Question:
    """The office's answer, waiting for the editor-in-chief's approval (it is not public yet)."""
    if not can_answer(by):
        raise PermissionDenied(_("Bạn không có quyền trả lời câu hỏi."))
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError(_("Hãy nhập nội dung trả lời."))
    if question.status in (Status.PUBLISHED, Status.DECLINED):
        raise ValidationError(_("Câu hỏi đã được xử lý xong."))
    if question.office_id is None:
        raise ValidationError(_("Câu hỏi chưa được phân công cho phòng, ban nào."))
    question.answer, question.answered_by, question.answered_at = answer, by, timezone.now()
    question.status = Status.ANSWERED
    question.save(update_fields=["answer", "answered_by", "answered_at", "status", "updated_at"])
    return question


@transaction.atomic
def publish_answer(*, question: Question, by) -> Question:
    """Approve the answer: the question and its answer get their public page and join the list and search."""
    if not can_publish(by):
        raise PermissionDenied(_("Chỉ Trưởng ban biên tập mới duyệt và công khai câu trả lời."))
    if not question.answer.strip() or question.office_id is None:
        raise ValidationError(_("Chỉ công khai được câu hỏi đã có phòng, ban trả lời."))
    if question.status == Status.DECLINED:
        raise ValidationError(_("Câu hỏi đã bị từ chối."))
    if question.answered_at is None:
        question.answered_by, question.answered_at = by, timezone.now()
    if not question.slug:
        rows = Question.objects.filter(unit_id=question.unit_id)
        slug = unique_slug(rows, question.title, exclude_pk=question.pk, fallback="cau-hoi")
        # The addresses of the ask form and the look-up are not a question's.
        question.slug = f"{slug}-cau-hoi" if slug in RESERVED_SLUGS else slug
    question.status, question.published_by = Status.PUBLISHED, by
    question.published_at = question.published_at or timezone.now()
    question.search_text = question.folded_text()
    question.save()
    return question


@transaction.atomic
def withdraw_answer(*, question: Question, by) -> Question:
    """Take a published question off the site (back to waiting for approval); its address is kept."""
    if not can_publish(by):
        raise PermissionDenied(_("Chỉ Trưởng ban biên tập mới gỡ câu hỏi."))
    question.status = Status.ANSWERED
    question.save(update_fields=["status", "updated_at"])
    return question


@transaction.atomic
def decline_question(*, question: Question, reason: str, by) -> Question:
    """Refuse a question; the asker reads the reason through the code, so it is required."""
    if not can_publish(by):
        raise PermissionDenied(_("Chỉ Trưởng ban biên tập mới từ chối câu hỏi."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do không tiếp nhận để người hỏi biết."))
    if question.status == Status.PUBLISHED:
        raise ValidationError(_("Câu hỏi đã được công khai; hãy gỡ trước khi từ chối."))
    question.status, question.decline_reason, question.declined_at = Status.DECLINED, reason, timezone.now()
    question.save(update_fields=["status", "decline_reason", "declined_at", "updated_at"])
    return question


@transaction.atomic
def purge_contacts(*, days: int | None = None, now=None) -> int:
    """Erase the phone and e-mail of questions closed more than ``days`` ago (QUESTION_CONTACT_DAYS)."""
    now = now or timezone.now()
    days = settings.QUESTION_CONTACT_DAYS if days is None else days
    rows = Question.objects.contacts_to_purge(days=days, now=now)
    return rows.update(phone="", email="", contact_purged_at=now)
