"""Documents (văn bản) a unit must publish (Law 104/2016 Art. 19; Decree 224/2026 Art. 9(1)(d)).

One model for the whole portal: a decision issued by the committee and the minutes of one of its
meetings are both documents; meetings link to theirs (meetings.MeetingDocument). A document's
validity (hiệu lực) is never typed: it follows from its dates and from the documents that amend,
replace or repeal it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from articles.models import search_terms
from core.fields import NFCCharField, NFCTextField
from core.text import unique_slug
from core.uploads import DatedUploadTo, get_protected_storage, protected_file_url, readable_name, validate_document
from units.models import OwnedQuerySet


class DocumentType(models.Model):
    """A kind of document (Nghị quyết, Quyết định, Công văn…): a list administrators edit."""

    name = NFCCharField(_("tên loại văn bản"), max_length=100, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=110, unique=True, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("loại văn bản")
        verbose_name_plural = pgettext_lazy("plural", "loại văn bản")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(DocumentType.objects.all(), self.name, exclude_pk=self.pk, max_length=110)
        super().save(*args, **kwargs)


class Field(models.Model):
    """A field of state management (lĩnh vực: Đất đai, Giáo dục…): a list administrators edit."""

    name = NFCCharField(_("tên lĩnh vực"), max_length=150, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = pgettext_lazy("plural", "lĩnh vực")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Field.objects.all(), self.name, exclude_pk=self.pk, max_length=160)
        super().save(*args, **kwargs)


class Validity(models.TextChoices):
    NOT_YET = "chua-hieu-luc", _("Chưa có hiệu lực")
    IN_FORCE = "con-hieu-luc", _("Còn hiệu lực")
    PARTLY = "het-mot-phan", _("Hết hiệu lực một phần")
    EXPIRED = "het-hieu-luc", _("Hết hiệu lực")


class DocumentQuerySet(OwnedQuerySet):
    def published(self):
        """What the public may see: documents marked public (drafts for consultation included)."""
        return self.filter(is_published=True)

    def with_validity(self, today=None):
        """Each document annotated with ``ended`` and ``partly_ended``: what ``validity`` is derived from."""
        today = today or timezone.localdate()
        ending = Relation.objects.filter(target=OuterRef("pk"), kind__in=Relation.ENDING, source__is_published=True)
        ending = ending.filter(Q(source__effective_on__isnull=True) | Q(source__effective_on__lte=today))
        amending = Relation.objects.filter(target=OuterRef("pk"), kind=Relation.Kind.AMENDS, source__is_published=True)
        amending = amending.filter(Q(source__effective_on__isnull=True) | Q(source__effective_on__lte=today))
        return self.annotate(ended=Exists(ending), partly_ended=Exists(amending))

    def with_scanned_flag(self):
        """Each document annotated with ``has_scanned_file``: a file without a text layer, which search misses."""
        scans = DocumentFile.objects.filter(document=OuterRef("pk"), has_text=False)
        return self.annotate(has_scanned_file=Exists(scans))

    def with_scanned_file(self):
        """Documents with at least one scanned file (no text layer): the admin's list of what to fix."""
        return self.filter(Exists(DocumentFile.objects.filter(document=OuterRef("pk"), has_text=False)))

    def in_validity(self, validity, today=None):
        """Documents whose derived validity is ``validity`` (a Validity value)."""
        today = today or timezone.localdate()
        documents = self.with_validity(today)
        expired = Q(ended=True) | Q(expires_on__lte=today)
        not_yet = Q(effective_on__gt=today) & ~expired
        if validity == Validity.EXPIRED:
            return documents.filter(expired)
        if validity == Validity.NOT_YET:
            return documents.filter(not_yet)
        if validity == Validity.PARTLY:
            return documents.filter(partly_ended=True).exclude(expired).exclude(not_yet)
        if validity == Validity.IN_FORCE:
            return documents.filter(partly_ended=False).exclude(expired).exclude(not_yet)
        return documents.none()

    # The public side: lists, search and open data (documents/views.py).

    def for_list(self, today=None):
        """What a row of the list needs: the type joined, ``validity_code`` derived in the same query.

        The derivation is ``Document.validity()``'s, as SQL, so a page of rows costs no query per row;
        the long folded text is left unread.
        """
        today = today or timezone.localdate()
        documents = self if "ended" in self.query.annotations else self.with_validity(today)
        code = Case(
            When(Q(ended=True) | Q(expires_on__lte=today), then=Value(Validity.EXPIRED)),
            When(effective_on__gt=today, then=Value(Validity.NOT_YET)),
            When(partly_ended=True, then=Value(Validity.PARTLY)),
            default=Value(Validity.IN_FORCE),
            output_field=CharField(),
        )
        return documents.select_related("doc_type").defer("search_text").annotate(validity_code=code)

    def search(self, query):
        """Accent- and case-free match of every word of ``query`` in the number, summary and files' text.

        Both sides are folded (core.text.fold), so ``quy dinh thu phi cho`` finds ``quy định thu phí
        chợ``; on PostgreSQL each LIKE uses the trigram GIN index of migration 0002.
        """
        words = search_terms(query)
        if not words:
            return self.none()
        matches = Q()
        for word in words:
            matches &= Q(search_text__contains=word)
        return self.filter(matches)

    def issuers(self):
        """The distinct issuing bodies, for the list's filter."""
        return self.order_by("issuer").values_list("issuer", flat=True).distinct()


class Document(models.Model):
    """A document as issued: number and symbol, type, issuer, signer, dates, fields, summary, files."""

    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    number = NFCCharField(
        _("số, ký hiệu"), max_length=100, blank=True, help_text=_("Như in trên văn bản, ví dụ: 15/2026/QĐ-UBND.")
    )
    slug = models.SlugField(_("đường dẫn"), max_length=200, blank=True)
    doc_type = models.ForeignKey(
        DocumentType, verbose_name=_("loại văn bản"), on_delete=models.PROTECT, related_name="documents"
    )
    is_normative = models.BooleanField(_("văn bản quy phạm pháp luật"), default=False)
    issuer = NFCCharField(_("cơ quan ban hành"), max_length=200, help_text=_("Ví dụ: Ủy ban nhân dân xã Hòa Bình."))
    signer = NFCCharField(_("người ký"), max_length=150, blank=True)
    signer_position = NFCCharField(_("chức vụ người ký"), max_length=150, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_on = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    expires_on = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    fields = models.ManyToManyField(Field, verbose_name=_("lĩnh vực"), blank=True, related_name="documents")
    summary = NFCTextField(_("trích yếu"), help_text=_("Nội dung tóm tắt in dưới số, ký hiệu."))
    articles = models.ManyToManyField(
        "articles.Article", verbose_name=_("tin bài liên quan"), blank=True, related_name="documents"
    )
    is_published = models.BooleanField(
        _("công khai"), default=True, help_text=_("Bỏ chọn để giữ văn bản trong nội bộ (không hiện trên cổng).")
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    # The document's key in the portal it was imported from (import_documents): importing again updates it.
    # NULL, not "", for documents entered here: the unit's unique constraint ignores NULLs only.
    external_id = models.CharField(_("mã gốc"), max_length=100, null=True, blank=True, editable=False)  # noqa: DJ001
    # Folded (accent-free, lower-case) copy of the number, summary and the files' text, for search.
    search_text = models.TextField(default="", editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("văn bản")
        verbose_name_plural = pgettext_lazy("plural", "văn bản")
        indexes = [models.Index(fields=["unit", "is_published", "-issued_on"], name="documents_unit_issued_idx")]
        constraints = [
            models.UniqueConstraint("unit", "slug", name="documents_document_unit_slug_unique"),
            models.UniqueConstraint("unit", "external_id", name="documents_document_unit_external_id_unique"),
        ]

    def __str__(self):
        return f"{self.number} {self.summary[:80]}".strip()

    def save(self, *args, **kwargs):
        if not self.slug:
            rows = Document.objects.filter(unit_id=self.unit_id)
            # "15/2026/QĐ-UBND" → "15-2026-qd-ubnd": the slashes of a number separate its parts.
            text = self.number.replace("/", "-") if self.number else self.summary
            self.slug = unique_slug(rows, text, exclude_pk=self.pk, fallback="van-ban")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.effective_on and self.expires_on and self.expires_on <= self.effective_on:
            raise ValidationError({"expires_on": _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")})
        if self.issued_on and self.effective_on and self.effective_on < self.issued_on:
            raise ValidationError({"effective_on": _("Ngày có hiệu lực không thể trước ngày ban hành.")})

    def validity(self, today=None):
        """The validity derived from the dates and from the published documents that end or amend this one."""
        today = today or timezone.localdate()
        if hasattr(self, "ended") and hasattr(self, "partly_ended"):
            # Annotated by DocumentQuerySet.with_validity: a list of documents asks no query per row.
            kinds = {Relation.Kind.REPEALS} if self.ended else set()
            kinds |= {Relation.Kind.AMENDS} if self.partly_ended else set()
        else:
            incoming = self.incoming_relations.filter(source__is_published=True)
            incoming = incoming.filter(Q(source__effective_on__isnull=True) | Q(source__effective_on__lte=today))
            kinds = set(incoming.values_list("kind", flat=True))
        if kinds & set(Relation.ENDING) or (self.expires_on and self.expires_on <= today):
            return Validity.EXPIRED
        if self.effective_on and self.effective_on > today:
            return Validity.NOT_YET
        if Relation.Kind.AMENDS in kinds:
            return Validity.PARTLY
        return Validity.IN_FORCE


class DocumentFileQuerySet(models.QuerySet):
    def public(self):
        """Files anyone may download: those of published documents (the protected-file view asks)."""
        return self.filter(document__is_published=True)


class DocumentFile(models.Model):
    """A file of a document (PDF, DOCX, XLSX, ODT…), with its text extracted when uploaded, for search."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="files")
    title = NFCCharField(_("tên tệp"), max_length=255, blank=True)
    file = models.FileField(
        _("tệp"),
        upload_to=DatedUploadTo("documents"),
        storage=get_protected_storage,
        validators=[validate_document],
        help_text=_("PDF, Word, Excel hoặc OpenDocument."),
    )
    size = models.PositiveBigIntegerField(_("dung lượng"), default=0, editable=False)
    text = models.TextField(_("nội dung chữ"), blank=True, editable=False)
    has_text = models.BooleanField(
        _("có lớp chữ"), default=True, editable=False, help_text=_("Tệp PDF scan không có lớp chữ thì không tìm được.")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = DocumentFileQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("tệp văn bản")
        verbose_name_plural = pgettext_lazy("plural", "tệp văn bản")

    def __str__(self):
        return self.title or readable_name(self.file.name)

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""

    @property
    def download_url(self):
        """The address of the protected-file view, which checks that the document is public."""
        return protected_file_url(self.file.name)


class Relation(models.Model):
    """``source`` amends, replaces, repeals or guides ``target``: shown from both ends."""

    class Kind(models.TextChoices):
        AMENDS = "sua-doi", _("sửa đổi, bổ sung")
        REPLACES = "thay-the", _("thay thế")
        REPEALS = "bai-bo", _("bãi bỏ")
        GUIDES = "huong-dan", _("hướng dẫn")

    ENDING = (Kind.REPLACES, Kind.REPEALS)

    source = models.ForeignKey(
        Document, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="outgoing_relations"
    )
    kind = models.CharField(_("quan hệ"), max_length=20, choices=Kind)
    target = models.ForeignKey(
        Document, verbose_name=_("văn bản được tác động"), on_delete=models.CASCADE, related_name="incoming_relations"
    )

    class Meta:
        verbose_name = _("quan hệ văn bản")
        verbose_name_plural = pgettext_lazy("plural", "quan hệ văn bản")
        constraints = [
            models.UniqueConstraint("source", "kind", "target", name="documents_relation_unique"),
            models.CheckConstraint(condition=~Q(source=models.F("target")), name="documents_relation_not_itself"),
        ]

    def __str__(self):
        return f"{self.source} {self.get_kind_display()} {self.target}"
