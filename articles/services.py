"""The editorial workflow and other multi-step writes on articles."""

import io
import os

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from accounts import audit
from articles.models import Article, Comment, Offer
from core import ratelimit
from core.clients import client_key
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


@transaction.atomic
def submit_for_review(*, article: Article, by) -> Article:
    """Hand a draft to the editor-in-chief."""
    if not can_edit(by, article):
        raise PermissionDenied(_("Bạn không có quyền gửi duyệt bài này."))
    if article.status not in (Article.Status.DRAFT, Article.Status.PENDING):
        raise ValidationError(_("Chỉ bản nháp mới gửi duyệt được."))
    article.status = Article.Status.PENDING
    article.updated_by = by
    article.save(update_fields=["status", "updated_by", "updated_at"])
    return article


@transaction.atomic
def publish_article(*, article: Article, by, at=None) -> Article:
    """Publish now, or at ``at`` (a future time schedules it: it appears by itself then)."""
    if not can_publish(by):
        raise PermissionDenied(_("Chỉ Trưởng ban biên tập mới được xuất bản tin bài."))
    article.status = Article.Status.PUBLISHED
    article.published_at = at or timezone.now()
    article.updated_by = by
    with audit.as_action(audit.Action.PUBLISH):
        article.save(update_fields=["status", "published_at", "updated_by", "updated_at", "slug"])
    return article


@transaction.atomic
def withdraw_article(*, article: Article, by) -> Article:
    """Take an article off the site; it stays in the admin and can be published again."""
    if not can_publish(by):
        raise PermissionDenied(_("Chỉ Trưởng ban biên tập mới được gỡ tin bài."))
    article.status = Article.Status.WITHDRAWN
    article.updated_by = by
    with audit.as_action(audit.Action.WITHDRAW):
        article.save(update_fields=["status", "updated_by", "updated_at"])
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
