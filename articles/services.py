"""The editorial workflow and other multi-step writes on articles."""

import io
import os

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from PIL import Image, ImageOps

from accounts import audit
from articles.models import Article, Comment, Offer
from core import ratelimit, revisions
from core.clients import client_key
from core.html import images_without_alt
from core.uploads import open_image

PUBLISH_PERMISSION = "articles.publish_article"
OFFER_PERMISSION = "articles.offer_article"
DECIDE_PERMISSION = "articles.decide_offer"
THUMB_SIZE = (360, 240)
LARGE_WIDTH = 1200


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def can_edit(user, article):
    """Editors-in-chief edit anything; a press officer only their own drafts and pending articles."""
    if can_publish(user):
        return user.has_perm("articles.change_article")
    if not user.has_perm("articles.change_article"):
        return False
    return article.created_by_id == user.pk and article.status in (Article.Status.DRAFT, Article.Status.PENDING)


class Action(models.TextChoices):
    """The buttons of the article form: each one a step of the workflow."""

    SAVE = "save", _l("Lưu")
    DRAFT = "draft", _l("Lưu nháp")
    SUBMIT = "submit", _l("Gửi duyệt")
    PUBLISH = "publish", _l("Xuất bản")
    SCHEDULE = "schedule", _l("Lên lịch")
    RETURN = "return", _l("Trả lại")
    WITHDRAW = "withdraw", _l("Gỡ bài")


def allowed_actions(user, article) -> list[str]:
    """The workflow buttons ``user`` may press on ``article`` (unsaved when it is being written).

    The form offers these and no others, and refuses any other sent by a crafted POST: the press
    officer saves and submits, the editor-in-chief publishes, schedules, returns and withdraws.
    """
    new = article.pk is None
    if not new and not can_edit(user, article):
        return []
    status = article.status
    publisher = can_publish(user)
    actions = [Action.DRAFT if status == Article.Status.DRAFT else Action.SAVE]
    if status == Article.Status.DRAFT and not publisher:
        actions.append(Action.SUBMIT)
    if publisher:
        if not article.is_public:
            actions += [Action.PUBLISH, Action.SCHEDULE]
        if status == Article.Status.PENDING and not new:
            actions.append(Action.RETURN)
        if status == Article.Status.PUBLISHED:
            actions.append(Action.WITHDRAW)
    return [str(action) for action in actions]


def check_alt_text(*, body: str) -> None:
    """Every image of the body has a text alternative, or the article is not submitted nor published.

    The message names each image by its position and file name, so that the author finds it.
    """
    missing = images_without_alt(body)
    if missing:
        names = "; ".join(_("ảnh thứ %(position)d (%(name)s)") % {"position": p, "name": n} for p, n in missing)
        raise ValidationError(
            _("Ảnh trong nội dung chưa có mô tả (alt) cho người khiếm thị: %(images)s. ") % {"images": names}
            + _("Bấm vào ảnh trong trình soạn thảo, chọn nút “Đổi chữ alt của ảnh” và mô tả ảnh."),
            code="alt_missing",
        )


def check_publishable(*, article: Article, body: str | None = None) -> None:
    """What must hold before an article goes out: its unit still publishes, its images are described."""
    if article.unit.archived and not (
        article.pk and Article.objects.filter(pk=article.pk, status=Article.Status.PUBLISHED).exists()
    ):
        raise ValidationError(
            _("%(unit)s chỉ còn lưu trữ: không xuất bản thêm tin bài.") % {"unit": article.unit}, code="archived"
        )
    check_alt_text(body=article.body if body is None else body)


def _email_configured():
    """E-mail goes out when a server is named, or a non-SMTP backend (console, tests' locmem) is set."""
    return bool(settings.EMAIL_HOST) or settings.EMAIL_BACKEND != "django.core.mail.backends.smtp.EmailBackend"


def _notify_author(article: Article, subject: str, message: str) -> None:
    """Tell the author by e-mail, once the change is committed (a rolled-back step sends nothing)."""
    author = article.created_by
    if author is None or not author.email or not _email_configured():
        return
    transaction.on_commit(
        lambda: send_mail(subject, message, settings.DEFAULT_FROM_EMAIL, [author.email], fail_silently=True)
    )


@transaction.atomic
def submit_for_review(*, article: Article, by) -> Article:
    """Hand a draft to the editor-in-chief; its images must be described first."""
    if not can_edit(by, article):
        raise PermissionDenied(_("Bạn không có quyền gửi duyệt bài này."))
    if article.status not in (Article.Status.DRAFT, Article.Status.PENDING):
        raise ValidationError(_("Chỉ bản nháp mới gửi duyệt được."))
    check_alt_text(body=article.body)
    article.status = Article.Status.PENDING
    article.updated_by = by
    with revisions.revision(by=by, comment=_("Gửi duyệt")):
        article.save(update_fields=["status", "updated_by", "updated_at"])
    return article


@transaction.atomic
def publish_article(*, article: Article, by, at=None) -> Article:
    """Publish now, or at ``at`` (a future time schedules it: it appears by itself then).

    An archived unit publishes nothing new, and a body with an undescribed image is refused.
    """
    if not can_publish(by):
        raise PermissionDenied(_("Chỉ Trưởng ban biên tập mới được xuất bản tin bài."))
    check_publishable(article=article)
    article.status = Article.Status.PUBLISHED
    article.published_at = at or timezone.now()
    article.updated_by = by
    when = revisions.when(article.published_at)
    scheduled = article.published_at > timezone.now()
    comment = _("Lên lịch xuất bản lúc %(when)s") % {"when": when} if scheduled else _("Xuất bản")
    with audit.as_action(audit.Action.PUBLISH), revisions.revision(by=by, comment=comment):
        article.save(update_fields=["status", "published_at", "updated_by", "updated_at", "slug"])
    _notify_author(
        article,
        _("Tin bài đã được xuất bản: %(title)s") % {"title": article.title},
        _("Bài “%(title)s” được %(editor)s xuất bản lúc %(when)s.")
        % {"title": article.title, "editor": by.get_full_name() or by.get_username(), "when": when},
    )
    return article


@transaction.atomic
def return_article(*, article: Article, by, reason: str) -> Article:
    """Send a pending article back to its author as a draft, with the reason they read on their dashboard."""
    if not can_publish(by):
        raise PermissionDenied(_("Chỉ Trưởng ban biên tập mới được trả lại tin bài."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do trả lại để người viết biết cần sửa gì."), code="reason")
    if article.status != Article.Status.PENDING:
        raise ValidationError(_("Chỉ bài đang chờ duyệt mới trả lại được."))
    article.status = Article.Status.DRAFT
    article.returned_reason, article.returned_at, article.returned_by = reason, timezone.now(), by
    article.updated_by = by
    with revisions.revision(by=by, comment=_("Trả lại: %(reason)s") % {"reason": reason}):
        article.save(
            update_fields=["status", "returned_reason", "returned_at", "returned_by", "updated_by", "updated_at"]
        )
    _notify_author(
        article,
        _("Tin bài được trả lại: %(title)s") % {"title": article.title},
        _("Bài “%(title)s” được %(editor)s trả lại để sửa.\n\nLý do: %(reason)s")
        % {"title": article.title, "editor": by.get_full_name() or by.get_username(), "reason": reason},
    )
    return article


@transaction.atomic
def withdraw_article(*, article: Article, by) -> Article:
    """Take an article off the site; it stays in the admin and can be published again."""
    if not can_publish(by):
        raise PermissionDenied(_("Chỉ Trưởng ban biên tập mới được gỡ tin bài."))
    article.status = Article.Status.WITHDRAWN
    article.updated_by = by
    with audit.as_action(audit.Action.WITHDRAW), revisions.revision(by=by, comment=_("Gỡ bài")):
        article.save(update_fields=["status", "updated_by", "updated_at"])
    return article


# What a restore never puts back: the workflow moves these (and a published article's address stays).
WORKFLOW_FIELDS = {"status", "published_at"}


@transaction.atomic
def restore_article(*, article: Article, version, fields, relations, by) -> Article:
    """Put back a saved version's content as a new revision; its status and publication time stay.

    A restore is an edit: only who may edit the article as it is now restores it, nothing is submitted
    or published by it, a published article keeps its address, and an article that is pending or
    published keeps every image of its body described, as submitting and publishing require.
    """
    if not can_edit(by, article):
        raise PermissionDenied(_("Bạn không có quyền sửa bài này nên không khôi phục được."))
    locked = WORKFLOW_FIELDS | (
        {"slug"} if article.status in (Article.Status.PUBLISHED, Article.Status.WITHDRAWN) else set()
    )
    fields = [field for field in fields if field.name not in locked]
    if article.status in (Article.Status.PENDING, Article.Status.PUBLISHED) and any(f.name == "body" for f in fields):
        check_alt_text(body=version.field_dict.get("body", article.body))
    image = article.image.name
    article.updated_by = by
    revisions.restore(obj=article, version=version, fields=fields, relations=relations, by=by)
    if article.image.name != image:
        update_image_renditions(article=article)
    return article


def _rendition(image, size, *, crop):
    if crop:
        resized = ImageOps.fit(image, size, Image.Resampling.LANCZOS)
    else:
        resized = image.copy()
        resized.thumbnail(size, Image.Resampling.LANCZOS)
    if resized.mode not in ("RGB", "L"):
        resized = resized.convert("RGB")
    out = io.BytesIO()
    resized.save(out, format="JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue()


def update_image_renditions(*, article: Article) -> Article:
    """Store a list thumbnail and a page-width rendition of the featured image (or clear them)."""
    if not article.image:
        if article.image_thumb or article.image_large:
            article.image_thumb = article.image_large = ""
            article.save(update_fields=["image_thumb", "image_large"])
        return article
    with article.image.open("rb") as handle:
        image = ImageOps.exif_transpose(open_image(handle))
    stem = os.path.splitext(os.path.basename(article.image.name))[0]
    article.image_thumb.save(f"{stem}-thumb.jpg", ContentFile(_rendition(image, THUMB_SIZE, crop=True)), save=False)
    article.image_large.save(
        f"{stem}-large.jpg", ContentFile(_rendition(image, (LARGE_WIDTH, LARGE_WIDTH), crop=False)), save=False
    )
    article.save(update_fields=["image_thumb", "image_large"])
    return article


def comment_rate_exceeded(request) -> bool:
    """Count this client's comments (an IPv6 client's whole /64 is one client); True once past the limit."""
    limit, window = settings.ARTICLES_COMMENT_RATE
    return ratelimit.hit("articles:comments", client_key(request), limit=limit, window=window)


@transaction.atomic
def add_comment(*, article: Article, name: str, email: str, body: str) -> Comment:
    """Keep a reader's comment, held for moderation."""
    return Comment.objects.create(article=article, name=name, email=email, body=body, approved=False)


@transaction.atomic
def approve_comments(*, comments, by) -> int:
    """Show comments under their articles, each approval in the audit trail."""
    return _moderate(comments.filter(approved=False), approved=True, action=audit.Action.APPROVE, by=by)


@transaction.atomic
def hide_comments(*, comments, by) -> int:
    """Take comments off their articles again (an approval taken back), each in the audit trail."""
    return _moderate(comments.filter(approved=True), approved=False, action=audit.Action.HIDE, by=by)


def _moderate(comments, *, approved, action, by):
    chosen = list(comments.select_for_update())
    Comment.objects.filter(pk__in=[c.pk for c in chosen]).update(approved=approved)
    for comment in chosen:
        audit.record(action, comment, actor=by)
    return len(chosen)


def can_offer(user):
    return user.has_perm(OFFER_PERMISSION)


def can_decide(user):
    return user.has_perm(DECIDE_PERMISSION)


@transaction.atomic
def offer_article(*, article: Article, by, unit) -> Offer:
    """Offer a commune's published article to its province's portal (“Đề xuất đăng lên Cổng tỉnh”).

    ``unit`` is the unit whose admin the offer is made in: only the article's own unit offers it.
    """
    if not can_offer(by) or article.unit_id != unit.pk:
        raise PermissionDenied(_("Chỉ Trưởng ban biên tập của đơn vị mới được đề xuất bài này lên Cổng tỉnh."))
    if unit.archived:
        raise ValidationError(_("Đơn vị đã chuyển sang lưu trữ nên không đề xuất thêm tin bài."))
    if unit.parent_id is None:
        raise ValidationError(_("Chỉ xã, phường và đơn vị trực thuộc mới đề xuất tin lên Cổng tỉnh."))
    if not article.is_public:
        raise ValidationError(_("Chỉ tin bài đã xuất bản mới đề xuất được."))
    if Offer.objects.filter(article=article).exists():
        raise ValidationError(_("Bài này đã được đề xuất lên Cổng tỉnh."))
    return Offer.objects.create(article=article, province=unit.province, offered_by=by)


def _decide(offer: Offer, *, by, unit, status, reason=""):
    if not can_decide(by) or offer.province_id != unit.pk:
        raise PermissionDenied(_("Chỉ Trưởng ban biên tập của Cổng tỉnh mới nhận hoặc từ chối tin đề xuất."))
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    if offer.status != Offer.Status.OFFERED:
        raise ValidationError(_("Tin này đã được quyết định."))
    offer.status, offer.reason = status, reason
    offer.decided_by, offer.decided_at = by, timezone.now()
    offer.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    return offer


@transaction.atomic
def accept_offer(*, offer: Offer, by, unit) -> Offer:
    """Show an offered article on the province's portal, as a link to its page on the commune's host."""
    return _decide(offer, by=by, unit=unit, status=Offer.Status.ACCEPTED)


@transaction.atomic
def decline_offer(*, offer: Offer, by, unit, reason: str) -> Offer:
    """Decline an offer; the reason is shown to the commune, so it is required."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do không nhận đăng để xã, phường biết."))
    return _decide(offer, by=by, unit=unit, status=Offer.Status.DECLINED, reason=reason)
