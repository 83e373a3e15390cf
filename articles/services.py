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
from articles.models import Article, Comment
from core import ratelimit
from core.clients import client_key
from core.uploads import open_image

PUBLISH_PERMISSION = "articles.publish_article"
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
    """Show comments under their articles."""
    return comments.update(approved=True)
