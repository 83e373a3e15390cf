"""One admin page records a whole meeting: attendees, agenda, tasks and documents as inlines."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.admin import AUTOCOMPLETE_NAMES_JS, NamedColumnsInline, NamedSplitDateTime
from core.revisions import RevisionAdmin
from meetings import services
from meetings.forms import AgendaItemForm, AgendaItemFormSet
from meetings.models import AgendaItem, Attendee, Meeting, MeetingDocument, Official, Task
from units.admin import UnitOwnedAdmin, UnitOwnedInline


@admin.register(Official)
class OfficialAdmin(UnitOwnedAdmin):
    list_display = ["name", "position", "office", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active", "is_leader", "office"]
    search_fields = ["name", "position", "office"]


class AttendeeFormSet(BaseInlineFormSet):
    """A meeting has one chair; a second person leading it is a co-chair."""

    def clean(self):
        super().clean()
        chairs = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("role") == Attendee.Role.CHAIR
        ]
        if len(chairs) > 1:
            raise ValidationError(
                _("Một cuộc họp chỉ có một người chủ trì; người cùng chủ trì hãy chọn vai trò “Đồng chủ trì”.")
            )


class MeetingChildInline:
    """Inlines whose choices (a document's agenda item) are limited to the meeting being edited."""

    def limit_to_meeting(self, request, queryset):
        object_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
        return queryset.filter(meeting_id=object_id) if object_id else queryset.none()


class AttendeeInline(UnitOwnedInline, admin.StackedInline):
    """Two lines an attendee, stacked: as a table row the eight fields ran past a 1280 px screen."""

    model = Attendee
    formset = AttendeeFormSet
    fields = [("order", "official", "role", "attendance"), ("name", "position", "office", "represents")]
    classes = ["compact"]
    autocomplete_fields = ["official"]
    extra = 3


class AgendaItemInline(UnitOwnedInline, admin.StackedInline):
    """The agenda; a presenter may be an attendee typed in above, before the meeting is first saved."""

    model = AgendaItem
    form = AgendaItemForm
    formset = AgendaItemFormSet
    fields = [("order", "number"), "title", ("presenter", "presenter_office"), "summary", "outcome", "is_public"]
    extra = 1

    class Media:
        js = ["admin/js/jquery.init.js", "js/meeting-presenters.js"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.officials = Official.objects.filter(unit=request.unit)
        return formset


class TaskInline(NamedColumnsInline):
    """One row a task, narrow boxes: with the admin's wide ones the deadline and status ran off the table."""

    model = Task
    fields = ["order", "description", "responsible_office", "deadline", "status"]
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})},
        models.CharField: {"widget": forms.TextInput(attrs={"size": 18})},
    }
    extra = 1


class MeetingDocumentInline(UnitOwnedInline, MeetingChildInline, NamedColumnsInline):
    """The meeting's papers: documents entered in “Văn bản” (with their files), chosen among the unit's."""

    model = MeetingDocument
    fields = ["order", "kind", "document", "agenda_item", "files", "published"]
    readonly_fields = ["files", "published"]
    autocomplete_fields = ["document"]
    extra = 1

    @admin.display(description=_("tệp"))
    def files(self, link):
        if not link.document_id:
            return "—"
        return ", ".join(f"{f} ({filesizeformat(f.size)})" for f in link.document.files.all()) or "—"

    @admin.display(description=_("công khai"), boolean=True)
    def published(self, link):
        return link.document.is_published if link.document_id else None

    def get_queryset(self, request):
        return super().get_queryset(request).for_list()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "agenda_item":
            kwargs["queryset"] = self.limit_to_meeting(request, AgendaItem.objects.all())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Meeting)
class MeetingAdmin(RevisionAdmin, UnitOwnedAdmin):
    inlines = [AttendeeInline, AgendaItemInline, TaskInline, MeetingDocumentInline]
    list_display = ["title", "kind", "starts_at", "status", "is_public", "chair_name"]
    list_filter = ["status", "kind", "is_public", "starts_at"]
    date_hierarchy = "starts_at"
    search_fields = ["title", "location", "body"]
    autocomplete_fields = ["articles"]
    actions = ["copy_selected_as_next"]
    change_form_template = "admin/meetings/meeting/change_form.html"
    formfield_overrides = {models.DateTimeField: {"widget": NamedSplitDateTime}}

    class Media:
        css = {"all": ["css/admin.css"]}
        js = AUTOCOMPLETE_NAMES_JS

    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "body", ("starts_at", "ends_at"), "location", "status"]}),
        (_("Nội dung"), {"fields": ["summary", "conclusion"]}),
        (_("Công khai và tin bài"), {"fields": ["is_public", "articles"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).for_list()

    def save_related(self, request, form, formsets, change):
        """Attendees are saved before the agenda, so an item's presenter typed in on this page can be linked."""
        by_model = {formset.model: formset for formset in formsets}
        if AgendaItem in by_model and Attendee in by_model:
            by_model[AgendaItem].attendee_forms = by_model[Attendee].forms
        super().save_related(request, form, formsets, change)

    @admin.display(description=_("chủ trì"))
    def chair_name(self, meeting):
        return meeting.chair.name if meeting.chair else "—"

    def get_urls(self):
        copy_view = self.admin_site.admin_view(require_POST(self.copy_as_next_view))
        return [
            path("<path:object_id>/sao-chep-ky-sau/", copy_view, name="meetings_meeting_copy_next"),
            *super().get_urls(),
        ]

    def copy_as_next_view(self, request, object_id):
        """The “copy as next meeting” button: lands on the new meeting, ready for its agenda."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        meeting = get_object_or_404(Meeting, pk=object_id)
        copy = services.copy_as_next(meeting)
        self.message_user(
            request,
            _("Đã tạo “%(title)s” từ cuộc họp trước: cùng thành phần, chương trình để trống.") % {"title": copy},
            messages.SUCCESS,
        )
        return redirect(reverse("admin:meetings_meeting_change", args=[copy.pk]))

    @admin.action(description=_("Sao chép thành cuộc họp kỳ sau"), permissions=["add"])
    def copy_selected_as_next(self, request, queryset):
        for meeting in queryset:
            services.copy_as_next(meeting)
        self.message_user(request, _("Đã tạo %(count)d cuộc họp kỳ sau.") % {"count": queryset.count()})
