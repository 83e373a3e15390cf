"""News and announcements: categories, articles, their attachments and readers' comments."""

import re
from collections.abc import Sequence
from html import unescape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, connections, models
from django.db.models import Case, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.fields import CleanImageField, NFCCharField, NFCTextField, RichTextField
from core.html import sanitize_html
from core.text import fold, unique_slug
from core.uploads import DatedUploadTo, get_protected_storage, protected_file_url, validate_document
from units.models import OwnedQuerySet, primary_unit_id

# A query longer than this is cut: nobody types more, and a longer LIKE pattern only costs.
SEARCH_MAX_LENGTH = 200
SEARCH_MAX_WORDS = 8
# Search ranks the newest matches only: a word found in thousands of articles must not make every
# search rank them all. Readers are told to add words when there are more.
SEARCH_RESULT_LIMIT = 1000
_TAG = re.compile(r"<[^>]+>")


def html_to_text(html):
    """Plain text of a sanitized rich text."""
    return " ".join(unescape(_TAG.sub(" ", html or "")).split())


def searchable_text(title, lead, body):
    """The folded text search matches: title, lead, and what a reader sees of the body.

    The body's text is read after the sanitizer (core.html), so that what it drops with its element,
    a script's say, never makes the article a match.
    """
    return " ".join(fold(part) for part in (title, lead, html_to_text(sanitize_html(body))) if part)


def search_terms(query):
    """The folded words of a query, cut to a sane length: what ``search`` matches on."""
    folded = fold(" ".join((query or "")[:SEARCH_MAX_LENGTH].split()))
    words = re.findall(r"\w+", folded)
    return words[:SEARCH_MAX_WORDS]


class CategoryQuerySet(OwnedQuerySet):
    def in_menu(self):
        return self.filter(show_in_menu=True).order_by("order", "name")


class Category(models.Model):
    """A section of the portal (chuyên mục) that articles are filed under."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        default=primary_unit_id,
        related_name="+",
    )
    name = NFCCharField(_("tên chuyên mục"), max_length=150)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=160,
        blank=True,
        help_text=_("Để trống để tạo tự động từ tên, không dấu: “Kinh tế” → kinh-te."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0, help_text=_("Số nhỏ đứng trước."))
    show_in_menu = models.BooleanField(_("hiện trên menu"), default=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("chuyên mục")
        verbose_name_plural = pgettext_lazy("plural", "chuyên mục")
        constraints = [models.UniqueConstraint("unit", "slug", name="articles_category_unit_slug_unique")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                Category.objects.filter(unit_id=self.unit_id),
                self.name,
                exclude_pk=self.pk,
                max_length=160,
                fallback="chuyen-muc",
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:category", kwargs={"slug": self.slug})


class ArticleQuerySet(OwnedQuerySet):
    def published(self):
        """What the public may see: published, and its publication time has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def next_publication_time(self):
        """When the next scheduled article comes out by itself, or None."""
        upcoming = self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        return upcoming.order_by("published_at").values_list("published_at", flat=True).first()

    def scheduled(self):
        """Published with a time still to come: they appear by themselves then."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def pending(self):
        """What awaits the editor-in-chief's review, oldest first."""
        return self.filter(status=Article.Status.PENDING).order_by("updated_at", "pk")

    def drafts_of(self, user):
        """A press officer's own drafts, the last edited first."""
        return self.filter(status=Article.Status.DRAFT, created_by=user).order_by("-updated_at", "-pk")

    def returned_to(self, user):
        """A press officer's drafts the editor-in-chief sent back, with the reason, newest first."""
        return self.drafts_of(user).filter(returned_at__isnull=False).order_by("-returned_at", "-pk")

    def recently_published_of(self, user, *, days=7):
        """What of ``user``'s went out in the last ``days``: the author learns their article is out."""
        since = timezone.now() - timezone.timedelta(days=days)
        return self.filter(status=Article.Status.PUBLISHED, created_by=user, published_at__gte=since)

    def news(self):
        return self.filter(kind=Article.Kind.NEWS)

    def announcements(self):
        return self.filter(kind=Article.Kind.ANNOUNCEMENT)

    def current_announcements(self):
        """Announcements for the THÔNG BÁO box: public, not past “show until”, pinned first."""
        now = timezone.now()
        return (
            self.published()
            .announcements()
            .filter(Q(show_until__isnull=True) | Q(show_until__gt=now))
            .order_by("-pinned", "-published_at", "-pk")
        )

    def in_category(self, category):
        return self.filter(category=category)

    def for_list(self):
        """What a list card needs: the category joined, the long text columns left unread."""
        return self.select_related("category").defer("body", "search_text", "search_title")

    def for_page(self):
        """The article page: the search columns unread.

        What else the page shows (attachments, related articles, comments, meetings) is read by its
        template inside the article's cached fragment, so a page drawn again for the same content
        generation reads the article alone.
        """
        return self.defer("search_text", "search_title")

    def newest_per_category(self, categories, per_category):
        """The ``per_category`` newest articles of each category, in one query whatever their number.

        PostgreSQL runs one index-backed ``LIMIT`` per category joined by ``UNION ALL`` (a window
        function would rank every published article); other databases rank with a window function.
        """
        ordering = ("-published_at", "-pk")
        if connection.features.supports_slicing_ordering_in_compound and len(categories) > 1:
            parts = [self.filter(category=category).order_by(*ordering)[:per_category] for category in categories]
            return parts[0].union(*parts[1:], all=True)
        rank = Window(RowNumber(), partition_by=F("category_id"), order_by=(F("published_at").desc(), F("pk").desc()))
        ranked = self.filter(category__in=categories).annotate(rank_in_category=rank)
        return ranked.filter(rank_in_category__lte=per_category).order_by("category_id", *ordering)

    def search(self, query, ranking=None):
        """Accent- and case-free match of every word in title, lead and body; title hits first.

        The matches are counted and ranked from ``search_ranking(query)`` (or the ``ranking`` given,
        as kept from an earlier search); the articles themselves are read a page at a time
        (``SearchResults``), so counting, ranking and showing a page never scan the matches twice.
        """
        return SearchResults(self, self.search_ranking(query) if ranking is None else ranking)

    def search_ranking(self, query):
        """The ids of the SEARCH_RESULT_LIMIT newest matches of ``query``, title hits first.

        Only that many are ranked and counted, so a very common word costs the same as a rare one;
        one query reads their ids and whether the title matched.

        Both sides are folded (core.text.fold), so ``hop thuong ky`` finds ``họp thường kỳ``.
        On PostgreSQL the LIKE conditions use the trigram GIN indexes of migration 0002.
        """
        words = search_terms(query)
        if not words:
            return []
        matches = Q()
        in_title = Q()
        for word in words:
            matches &= Q(search_text__contains=word)
            in_title &= Q(search_title__contains=word)
        title_hit = Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
        newest = (
            self.filter(matches)
            .order_by("-published_at", "-pk")
            .annotate(title_hit=title_hit)
            .values_list("pk", "title_hit")[:SEARCH_RESULT_LIMIT]
        )
        # A stable sort: within title hits and within the rest, the newest stay first.
        ranked = sorted(_plain_rows(newest), key=lambda row: -row[1])
        return [pk for pk, _ in ranked]


def _plain_rows(queryset):
    """The rows of a ``values_list`` query as the database driver returns them.

    For up to a thousand (id, number) pairs the ORM's work per row costs more than the query
    itself (about 5 ms against 0.3 ms); these columns need no conversion.
    """
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class SearchResults(Sequence):
    """Ranked search matches: counted from their ids, read as articles only for the slice shown."""

    def __init__(self, queryset, ranked_ids):
        self.queryset = queryset
        self.ids = ranked_ids

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._articles(self.ids[index])
        return self._articles([self.ids[index]])[0]

    def __iter__(self):
        return iter(self._articles(self.ids))

    def _articles(self, ids):
        if not ids:
            return []
        by_pk = self.queryset.in_bulk(ids)
        return [by_pk[pk] for pk in ids if pk in by_pk]


class Article(models.Model):
    """A news item or an announcement, from a press officer's draft to the public page."""

    class Kind(models.TextChoices):
        NEWS = "news", _("Tin tức")
        ANNOUNCEMENT = "announcement", _("Thông báo")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        PENDING = "pending", _("Chờ duyệt")
        PUBLISHED = "published", _("Đã xuất bản")
        WITHDRAWN = "withdrawn", _("Đã gỡ")

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        default=primary_unit_id,
        related_name="+",
    )
    title = NFCCharField(_("tiêu đề"), max_length=255)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=200,
        blank=True,
        help_text=_("Để trống để tạo tự động từ tiêu đề, không dấu. Không đổi được sau khi xuất bản."),
    )
    lead = NFCTextField(_("sapo"), blank=True, help_text=_("Đoạn mở đầu, in đậm dưới tiêu đề; hai, ba câu."))
    body = RichTextField(_("nội dung"), config_name="default", blank=True)
    image = CleanImageField(
        _("ảnh đại diện"),
        upload_to=DatedUploadTo("articles"),
        blank=True,
        help_text=_("JPEG, PNG, GIF hoặc WebP. Ảnh được lưu lại không kèm dữ liệu vị trí (EXIF) hay chú thích ẩn."),
    )
    image_thumb = models.ImageField(upload_to=DatedUploadTo("articles/thumbs"), blank=True, editable=False)
    image_large = models.ImageField(upload_to=DatedUploadTo("articles/large"), blank=True, editable=False)
    image_caption = NFCCharField(
        _("chú thích ảnh"), max_length=255, blank=True, help_text=_("Hiện dưới ảnh, ví dụ: Toàn cảnh hội nghị.")
    )
    image_alt = NFCCharField(
        _("mô tả ảnh (alt)"),
        max_length=255,
        blank=True,
        help_text=_("Mô tả ảnh cho người khiếm thị dùng trình đọc màn hình. Bắt buộc khi có ảnh."),
    )
    category = models.ForeignKey(
        Category, verbose_name=_("chuyên mục"), on_delete=models.PROTECT, related_name="articles"
    )
    author = NFCCharField(_("tác giả"), max_length=150, blank=True, help_text=_("Tên ký dưới bài, ví dụ: Thanh Tâm."))
    source = NFCCharField(
        _("nguồn"), max_length=200, blank=True, help_text=_("Cơ quan đưa tin, ví dụ: Phòng Văn hóa và Thông tin.")
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind, default=Kind.NEWS)
    show_until = models.DateTimeField(
        _("hiện trong hộp Thông báo đến"),
        null=True,
        blank=True,
        help_text=_("Chỉ dùng cho thông báo. Sau thời điểm này thông báo rời hộp THÔNG BÁO nhưng vẫn đọc được."),
    )
    pinned = models.BooleanField(_("ghim lên đầu"), default=False, help_text=_("Thông báo được ghim đứng đầu hộp."))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(
        _("thời điểm xuất bản"),
        null=True,
        blank=True,
        help_text=_("Có thể đặt trong tương lai: bài tự hiện ra vào đúng thời điểm đó."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người sửa cuối"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    # The editor-in-chief's last “Trả lại”: the author reads why on their dashboard and in the form.
    returned_reason = NFCTextField(_("lý do trả lại"), blank=True, editable=False)
    returned_at = models.DateTimeField(_("trả lại lúc"), null=True, blank=True, editable=False)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người trả lại"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    related = models.ManyToManyField(
        "self", verbose_name=_("bài liên quan"), symmetrical=False, blank=True, related_name="+"
    )
    view_count = models.PositiveBigIntegerField(_("lượt xem"), default=0, editable=False)
    # NULL, not "", for articles written here: the unique (unit, external_id) ignores NULLs.
    external_id = models.CharField(  # noqa: DJ001
        _("mã ở cổng cũ"), max_length=100, null=True, blank=True, editable=False
    )
    # Folded (accent-free, lower-case) copies of the text, kept by save() for search.
    search_title = models.TextField(default="", editable=False)
    search_text = models.TextField(default="", editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("tin bài")
        verbose_name_plural = pgettext_lazy("plural", "tin bài")
        permissions = [
            ("publish_article", _("Có thể xuất bản, hẹn giờ và gỡ tin bài")),
            ("offer_article", _("Có thể đề xuất tin bài lên Cổng tỉnh")),
        ]
        indexes = [
            # A unit's lists (news, the home page, feeds, the sitemap): its newest public articles.
            models.Index(fields=["unit", "status", "-published_at"], name="articles_unit_pub_idx"),
            # Category pages and the home page's blocks: the newest of one category, without a sort.
            models.Index(fields=["category", "status", "-published_at"], name="articles_cat_pub_idx"),
            # The THÔNG BÁO box on every page: pinned first, newest first, read in index order.
            models.Index(
                fields=["unit", "-pinned", "-published_at"],
                condition=Q(kind="announcement", status="published"),
                name="articles_announcement_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint("unit", "slug", name="articles_article_unit_slug_unique"),
            models.UniqueConstraint("unit", "external_id", name="articles_article_unit_external_id_unique"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                Article.objects.filter(unit_id=self.unit_id), self.title, exclude_pk=self.pk, fallback="bai-viet"
            )
        self.refresh_search_columns()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_title", "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        """Nothing new is published on an archived unit's portal: what it published stays as it was."""
        super().clean()
        if self.status != self.Status.PUBLISHED or self.unit_id is None or not self.unit.archived:
            return
        was_published = (
            self.pk is not None
            and Article.objects.filter(pk=self.pk, status=self.Status.PUBLISHED, unit_id=self.unit_id).exists()
        )
        if not was_published:
            raise ValidationError(
                {"status": _("%(unit)s chỉ còn lưu trữ: không xuất bản thêm tin bài.") % {"unit": self.unit}}
            )

    def refresh_search_columns(self):
        self.search_title = fold(self.title)
        self.search_text = searchable_text(self.title, self.lead, self.body)

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.published_at and self.published_at > timezone.now()

    @property
    def image_for_list(self):
        return self.image_thumb or self.image

    @property
    def image_for_page(self):
        return self.image_large or self.image

    def public_related(self):
        """The related articles a reader may open from this one: published, of its unit, newest first.

        Only the article's own unit: the page's addresses are relative, so another unit's would be a 404.
        """
        related = self.related.of(self.unit_id).published()
        return related.only("title", "slug", "published_at").order_by("-published_at")


class AttachmentQuerySet(models.QuerySet):
    def public(self):
        """Attachments anyone may download: those of articles on the public site."""
        return self.filter(article__in=Article.objects.published())


class Attachment(models.Model):
    """A document attached to an article (PDF, Word, Excel, OpenDocument)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attachments")
    title = NFCCharField(_("tên tài liệu"), max_length=255)
    file = models.FileField(
        _("tệp"),
        upload_to=DatedUploadTo("attachments"),
        storage=get_protected_storage,
        validators=[validate_document],
        help_text=_("PDF, Word, Excel hoặc OpenDocument."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("tài liệu đính kèm")
        verbose_name_plural = pgettext_lazy("plural", "tài liệu đính kèm")

    def __str__(self):
        return self.title

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""

    @property
    def download_url(self):
        """The address of the protected-file view, which checks that the article is public."""
        return protected_file_url(self.file.name)


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(approved=True)


class Comment(models.Model):
    """A reader's comment, held until an editor approves it. No IP address is kept."""

    article = models.ForeignKey(Article, verbose_name=_("tin bài"), on_delete=models.CASCADE, related_name="comments")
    name = NFCCharField(_("họ tên"), max_length=100)
    email = models.EmailField(_("email"), blank=True, help_text=_("Không bao giờ hiện trên trang."))
    body = NFCTextField(_("nội dung"), max_length=2000)
    approved = models.BooleanField(_("đã duyệt"), default=False, db_index=True)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("nhận xét")
        verbose_name_plural = pgettext_lazy("plural", "nhận xét")

    def __str__(self):
        return f"{self.name}: {self.body[:50]}"


class OfferQuerySet(models.QuerySet):
    def to(self, province):
        """Offers made to ``province``'s portal: the province's editor-in-chief's inbox."""
        return self.filter(province=province)

    def from_unit(self, unit):
        """Offers a commune made of its own articles: what its admin shows, with the province's answer."""
        return self.filter(article__unit=unit)

    def waiting(self):
        return self.filter(status=Offer.Status.OFFERED)

    def on_portal(self, province):
        """The communes' articles the province shows: accepted, and still public on the commune.

        Read in the order of the (province, status, decided_at) index; an article withdrawn on its
        commune drops out here, with nothing to undo on the province.
        """
        now = timezone.now()
        return (
            self.filter(province=province, status=Offer.Status.ACCEPTED)
            .filter(article__status=Article.Status.PUBLISHED, article__published_at__lte=now)
            .select_related("article__unit", "article__category")
            .defer("article__body", "article__search_text", "article__search_title")
            .order_by("-decided_at", "-pk")
        )


class Offer(models.Model):
    """A commune's published article offered to its province's portal, and the province's answer.

    The province shows an accepted article as a link to its one page on the commune's host: never a
    copy that would have to be edited twice.
    """

    class Status(models.TextChoices):
        OFFERED = "offered", _("Chờ Cổng tỉnh xem xét")
        ACCEPTED = "accepted", _("Đã nhận đăng")
        DECLINED = "declined", _("Không nhận đăng")

    article = models.OneToOneField(Article, verbose_name=_("tin bài"), on_delete=models.CASCADE, related_name="offer")
    # The province the article is offered to, kept on the row so its block reads one index.
    province = models.ForeignKey(
        "units.Unit", verbose_name=_("đề xuất lên"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status, default=Status.OFFERED)
    reason = NFCTextField(
        _("lý do"),
        blank=True,
        help_text=_("Bắt buộc khi không nhận đăng: xã, phường đọc được lý do này trong trang quản trị của mình."),
    )
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đề xuất"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    offered_at = models.DateTimeField(_("đề xuất lúc"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["-offered_at", "-pk"]
        verbose_name = _("tin đề xuất lên Cổng tỉnh")
        verbose_name_plural = pgettext_lazy("plural", "tin đề xuất lên Cổng tỉnh")
        permissions = [("decide_offer", _("Có thể nhận đăng hoặc từ chối tin do xã, phường đề xuất"))]
        indexes = [
            # The province's "Tin từ xã, phường" block and list: its newest accepted offers, read in order.
            models.Index(fields=["province", "status", "-decided_at", "-id"], name="articles_offer_portal_idx"),
        ]

    def __str__(self):
        return str(self.article)
