"""Consultations in a unit's admin: the consultation with its report inline, and comment moderation."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from consultations import services
from consultations.models import Consultation, ConsultationComment, ReportEntry
from units.admin import UnitOwnedAdmin, UnitOwnedInline
from units.models import Unit


class ReportEntryInline(UnitOwnedInline, admin.StackedInline):
    model = ReportEntry
    extra = 0
    fields = ["order", "comments", "summary", "decision", "reason"]
    filter_horizontal = ["comments"]

    def get_formset(self, request, obj=None, **kwargs):
        """An entry groups comments of this consultation only (a comment has no unit of its own to limit by)."""
        formset = super().get_formset(request, obj, **kwargs)
        comments = ConsultationComment.objects.received()
        formset.form.base_fields["comments"].queryset = comments.filter(consultation=obj) if obj else comments.none()
        return formset


@admin.register(Consultation)
class ConsultationAdmin(UnitOwnedAdmin):
    list_display = ["title", "kind", "opens_at", "closes_at", "status_label", "report_published_at"]
    list_filter = ["kind"]
    search_fields = ["title"]
    date_hierarchy = "opens_at"
    filter_horizontal = ["drafts"]
    inlines = [ReportEntryInline]
    actions = ["publish_report_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "drafts", "question", "sections"]}),
        (_("Thời gian và đối tượng"), {"fields": ["opens_at", "closes_at", "audience", "moderated"]}),
        (_("Kết quả"), {"fields": ["report", "report_published_at", "issued_document"]}),
    ]

    @admin.display(description=_("trạng thái"))
    def status_label(self, obj):
        return obj.get_status_display()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """The audience is everyone (empty), this unit's residents, or those of one of its communes."""
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "audience" and field is not None:
            field.queryset = Unit.objects.filter(Q(pk=request.unit.pk) | Q(parent=request.unit))
        return field

    @admin.action(description=_("Công bố kết quả lấy ý kiến ngay"), permissions=["change"])
    def publish_report_selected(self, request, queryset):
        done = 0
        for consultation in queryset:
            try:
                services.publish_report(consultation=consultation, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{consultation}: {' '.join(error.messages)}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, ngettext("Đã công bố %d kết quả.", "Đã công bố %d kết quả.", done) % done)


@admin.register(ConsultationComment)
class ConsultationCommentAdmin(UnitOwnedAdmin):
    unit_path = "consultation__unit"
    list_display = ["name", "organisation", "consultation", "section", "state", "created_at"]
    list_filter = ["state", "consultation"]
    list_select_related = ["consultation"]
    search_fields = ["name", "organisation", "body"]
    readonly_fields = ["consultation", "name", "organisation", "contact", "section", "body", "file", "created_at"]
    fields = [*readonly_fields, "state"]
    actions = ["approve_selected", "hide_selected"]

    def has_add_permission(self, request):
        return False  # comments come from the public page

    @admin.action(description=_("Duyệt, công khai các ý kiến đã chọn"), permissions=["change"])
    def approve_selected(self, request, queryset):
        count = services.approve_comments(comments=queryset, by=request.user)
        self.message_user(request, ngettext("Đã duyệt %d ý kiến.", "Đã duyệt %d ý kiến.", count) % count)

    @admin.action(description=_("Ẩn các ý kiến đã chọn"), permissions=["change"])
    def hide_selected(self, request, queryset):
        count = services.hide_comments(comments=queryset, by=request.user)
        self.message_user(request, ngettext("Đã ẩn %d ý kiến.", "Đã ẩn %d ý kiến.", count) % count)
