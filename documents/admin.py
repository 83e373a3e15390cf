"""Documents in the admin: one page holds a document, its files and what it amends, replaces or repeals."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from documents import services
from documents.models import Document, DocumentFile, DocumentType, Field, Relation, Validity
from units.admin import UnitOwnedAdmin, UnitOwnedInline


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    """A list shared by every unit: only administrators (the only role with its rights) edit it."""

    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


class DocumentFileForm(forms.ModelForm):
    """Reads a new file's text once the upload checks passed: a file that cannot be read is refused here."""

    class Meta:
        model = DocumentFile
        fields = ["order", "title", "file"]

    def _post_clean(self):
        super()._post_clean()
        upload = self.cleaned_data.get("file")
        if "file" in self.changed_data and upload and not self.has_error("file"):
            try:
                services.read_upload(document_file=self.instance, upload=upload)
            except ValidationError as error:
                self.add_error("file", error)


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    form = DocumentFileForm
    fields = ["order", "title", "file", "size_display", "text_layer"]
    readonly_fields = ["size_display", "text_layer"]
    extra = 1

    @admin.display(description=_("dung lượng"))
    def size_display(self, document_file):
        return filesizeformat(document_file.size) if document_file.pk else "—"

    @admin.display(description=_("lớp chữ"))
    def text_layer(self, document_file):
        if not document_file.pk:
            return "—"
        return _("Có") if document_file.has_text else _("⚠ Không (bản scan)")


class RelationInline(UnitOwnedInline, admin.TabularInline):
    """What this document does to others; the targets are chosen among the unit's documents only."""

    model = Relation
    fk_name = "source"
    fields = ["kind", "target"]
    autocomplete_fields = ["target"]
    extra = 1
    verbose_name = _("văn bản này tác động đến")
    verbose_name_plural = _("văn bản này tác động đến")


class IncomingRelationInline(admin.TabularInline):
    """What other documents do to this one, shown for reading: it is edited on the other document."""

    model = Relation
    fk_name = "target"
    fields = ["source", "kind"]
    readonly_fields = ["source", "kind"]
    extra = 0
    can_delete = False
    verbose_name = _("văn bản tác động đến văn bản này")
    verbose_name_plural = _("văn bản tác động đến văn bản này")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ValidityFilter(admin.SimpleListFilter):
    """The derived validity, as the public list filters it (DocumentQuerySet.in_validity)."""

    title = _("hiệu lực")
    parameter_name = "hieu-luc"

    def lookups(self, request, model_admin):
        return Validity.choices

    def queryset(self, request, queryset):
        return queryset.in_validity(self.value()) if self.value() else queryset


class ScannedFilter(admin.SimpleListFilter):
    """Documents with a scanned file: their content is not searchable until a text version is added."""

    title = _("tệp scan")
    parameter_name = "scan"

    def lookups(self, request, model_admin):
        return [("1", _("Có tệp scan (không có lớp chữ)")), ("0", _("Không có tệp scan"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.with_scanned_file()
        if self.value() == "0":
            return queryset.exclude(pk__in=queryset.with_scanned_file().values("pk"))
        return queryset


@admin.register(Document)
class DocumentAdmin(UnitOwnedAdmin):
    inlines = [DocumentFileInline, RelationInline, IncomingRelationInline]
    list_display = ["number", "short_summary", "doc_type", "issued_on", "validity_display", "scanned", "is_published"]
    list_display_links = ["number", "short_summary"]
    list_filter = ["doc_type", "fields", ValidityFilter, ScannedFilter, "is_normative", "is_published", "issued_on"]
    list_select_related = ["doc_type"]
    search_fields = ["number", "summary", "issuer", "signer"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["fields", "articles"]
    fieldsets = [
        (None, {"fields": ["number", "doc_type", "is_normative", "summary", "slug"]}),
        (_("Ban hành"), {"fields": ["issuer", ("signer", "signer_position"), "issued_on"]}),
        (_("Hiệu lực"), {"fields": [("effective_on", "expires_on")]}),
        (_("Phân loại và công khai"), {"fields": ["fields", "articles", "is_published"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_validity().with_scanned_flag()

    @admin.display(description=_("trích yếu"))
    def short_summary(self, document):
        return document.summary[:120]

    @admin.display(description=_("hiệu lực"))
    def validity_display(self, document):
        return Validity(document.validity()).label

    @admin.display(description=_("có tệp scan"), boolean=True, ordering="has_scanned_file")
    def scanned(self, document):
        return document.has_scanned_file

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            document = self.get_object(request, object_id)
            scans = document.files.filter(has_text=False) if document else DocumentFile.objects.none()
            if scans:
                self.message_user(
                    request,
                    _(
                        "Không tìm được nội dung các tệp sau vì là bản scan không có lớp chữ: %(files)s. "
                        "Hãy tải thêm bản PDF xuất từ Word (có lớp chữ) để người dân tìm thấy văn bản."
                    )
                    % {"files": ", ".join(str(scan) for scan in scans)},
                    messages.WARNING,
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.rebuild_search_text(document=form.instance)

    def view_on_site(self, document):
        """“Xem trên trang web” only for a published document: an unpublished one's address is a 404."""
        return document.get_absolute_url() if document.is_published else None
