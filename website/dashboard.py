"""The admin's first screen: each role's own work in the request's unit, nothing else.

What a panel lists is a named query of its app; this module only chooses, by the permissions the
role gives in ``request.unit``, which panels a person sees, and caps each list to a screenful.
"""

from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from articles.models import Article, Comment, Offer
from meetings.models import Meeting, MeetingDocument, Task
from questions.models import Question
from stats.models import Feedback

LIMIT = 8
UNUSED_DAYS = 90


def panels(request):
    """The panels of ``request.user`` on ``request.unit``'s admin, in the order they are read."""
    user, unit = request.user, request.unit
    found = []
    if user.has_perm("articles.publish_article"):
        found += _editor_in_chief(unit)
    elif user.has_perm("articles.add_article"):
        found += _press_officer(user, unit)
    if user.has_perm("meetings.change_meeting"):
        found += _secretary(unit)
    if user.has_perm("auth.change_user"):
        found += _administrator(unit)
    return found


NOTHING = _("Không có việc nào.")


def _panel(title, rows, link=None, note=None, empty=NOTHING, text=str):
    """A titled list of at most LIMIT rows, each (text, address of its admin page, a note or "")."""
    return {
        "title": title,
        "rows": [(text(row), _change_url(row), note(row) if note else "") for row in rows[:LIMIT]],
        "link": link,
        "empty": empty,
    }


def _change_url(row):
    meta = row._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[row.pk])
    except NoReverseMatch:
        return None


def _when(value):
    return timezone.localtime(value).strftime("%H:%M %d/%m/%Y") if value else ""


def _article_list(**filters):
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    return reverse("admin:articles_article_changelist") + (f"?{query}" if query else "")


def _press_officer(user, unit):
    articles = Article.objects.of(unit).only("pk", "title", "updated_at", "returned_reason", "returned_at")
    return [
        _panel(
            pgettext_lazy("dashboard panel: a list of articles", "Bài được trả lại để sửa"),
            articles.returned_to(user),
            note=lambda a: f"{_when(a.returned_at)}: {a.returned_reason}",
        ),
        _panel(_("Bản nháp của tôi"), articles.drafts_of(user), _article_list(status__exact="draft")),
        _panel(
            _("Bài của tôi vừa xuất bản"), articles.recently_published_of(user).only("pk", "title", "published_at")
        ),
    ]


def _editor_in_chief(unit):
    articles = Article.objects.of(unit).only("pk", "title", "updated_at", "published_at")
    found = [
        _panel(_("Chờ duyệt"), articles.pending(), _article_list(status__exact="pending")),
        _panel(
            _("Đã lên lịch xuất bản"),
            articles.scheduled().order_by("published_at"),
            note=lambda a: _when(a.published_at),
        ),
        _panel(
            _("Nhận xét chờ duyệt"),
            Comment.objects.filter(article__unit=unit, approved=False)
            .select_related("article")
            .order_by("created_at"),
            reverse("admin:articles_comment_changelist") + "?approved__exact=0",
        ),
        _panel(
            _("Góp ý chờ duyệt"),
            Feedback.objects.of(unit).filter(approved=False).exclude(comment="").order_by("created_at"),
        ),
    ]
    if unit.parent_id is None:
        found.append(
            _panel(
                _("Tin đề xuất từ xã, phường"),
                Offer.objects.to(unit).waiting().select_related("article__unit").order_by("offered_at"),
                reverse("admin:articles_offer_changelist"),
            )
        )
    found.append(_panel(_("Câu hỏi sắp đến hạn trả lời"), Question.objects.filter(unit=unit).near_deadline()))
    return found


def _secretary(unit):
    upcoming = Meeting.objects.of(unit).upcoming().only("pk", "title", "starts_at")
    return [
        _panel(_("Cuộc họp sắp tới chưa có chương trình"), upcoming.lacking_paper(MeetingDocument.Kind.PROGRAMME)),
        _panel(
            _("Cuộc họp đã diễn ra chưa có biên bản"),
            Meeting.objects.of(unit)
            .past()
            .exclude(status=Meeting.Status.CANCELLED)
            .lacking_paper(MeetingDocument.Kind.MINUTES)
            .only("pk", "title", "starts_at"),
        ),
        _panel(
            _("Nhiệm vụ quá hạn"),
            Task.objects.filter(meeting__unit=unit).overdue().select_related("meeting"),
            note=lambda task: f"{task.deadline:%d/%m/%Y} · {task.meeting.title}",
        ),
    ]


def _administrator(unit):
    members = get_user_model().objects.filter(memberships__unit=unit).distinct()
    since = timezone.now() - timedelta(days=UNUSED_DAYS)
    # The compliance check has its own link above the dashboard (compliance_tags), for whom may open it.
    return [
        _panel(
            _("Tài khoản đang bị khóa đăng nhập"),
            AccessAttempt.objects.filter(
                username__in=members.values("username"), failures_since_start__gte=settings.AXES_FAILURE_LIMIT
            ).order_by("-attempt_time"),
            reverse("admin:axes_accessattempt_changelist"),
            # The account's name, not django-axes' own "Attempted Access: <time>" in English.
            text=lambda attempt: attempt.username,
            note=lambda attempt: f"{_when(attempt.attempt_time)} · {attempt.ip_address}",
        ),
        _panel(
            _("Tài khoản không dùng từ %(days)d ngày") % {"days": UNUSED_DAYS},
            members.filter(is_active=True).exclude(last_login__gte=since).order_by("last_login", "username"),
        ),
    ]
