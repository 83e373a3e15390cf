"""Questions in the admin: the editor-in-chief assigns, approves and declines; the answering officer answers.

Each question moves on by the step chosen at the foot of its form (questions/services.py does the
work). The officer sees the questions given to an office and writes only the answer; nobody adds a
question here: they come from citizens.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.uploads import protected_file_url, readable_name
from questions import services
from questions.forms import QuestionAdminForm
from questions.models import OPEN_STATUSES, Office, PublicHoliday, Question, Status
from units.admin import UnitOwnedAdmin

EDITOR_FIELDS = ["title", "body", "field", "office", "answer", "decline_reason", "pinned"]


@admin.register(PublicHoliday)
class PublicHolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(Office)
class OfficeAdmin(UnitOwnedAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


class OverdueFilter(admin.SimpleListFilter):
    """Quá hạn: open questions whose working-day deadline has passed."""

    title = _("hạn trả lời")
    parameter_name = "han"

    def lookups(self, request, model_admin):
        return [("qua-han", _("Quá hạn")), ("con-han", _("Còn hạn"))]

    def queryset(self, request, queryset):
        if self.value() == "qua-han":
            return queryset.overdue()
        if self.value() == "con-han":
            return queryset.filter(status__in=OPEN_STATUSES).exclude(pk__in=queryset.overdue().values("pk"))
        return queryset


@admin.register(Question)
class QuestionAdmin(UnitOwnedAdmin):
    form = QuestionAdminForm
    list_display = ["code", "title", "field", "office", "status", "deadline", "pinned", "created_at"]
    list_filter = [OverdueFilter, "status", "field", "office", "pinned"]
    list_select_related = ["field", "office"]
    search_fields = ["code", "title", "body"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "code",
        "status",
        "name",
        "phone",
        "email",
        "attached_file",
        "created_at",
        "assigned_at",
        "due_on",
        "answered_at",
        "published_at",
        "declined_at",
        "contact_purged_at",
        "public_link",
    ]

    def get_queryset(self, request):
        questions = super().get_queryset(request)
        if services.can_publish(request.user):
            return questions
        # The answering officers see what was given to an office, not what the editor has yet to sort.
        return questions.filter(office__isnull=False)

    def has_add_permission(self, request):
        return False

    def get_fieldsets(self, request, obj=None):
        editor = services.can_publish(request.user)
        return [
            (
                _("Người hỏi (không công khai)"),
                {"fields": ["code", "status", "name", "phone", "email", "contact_purged_at", "created_at"]},
            ),
            (_("Câu hỏi"), {"fields": ["title", "field", "body", "attached_file"]}),
            (_("Phân công"), {"fields": ["office", "assigned_at", "due_on", *(["days"] if editor else [])]}),
            (_("Trả lời"), {"fields": ["answer", "answered_at", "published_at", "public_link", "pinned"]}),
            (_("Không tiếp nhận"), {"fields": ["decline_reason", "declined_at"]}),
            (_("Xử lý"), {"fields": ["step"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(self.readonly_fields)
        if not services.can_publish(request.user):
            # An officer writes the answer until it is approved; after that only the editor changes it.
            closed = obj is not None and obj.status in (Status.PUBLISHED, Status.DECLINED)
            readonly += [name for name in EDITOR_FIELDS if closed or name != "answer"]
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        editor, unit = services.can_publish(request.user), request.unit

        class BoundForm(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, editor=editor, unit=unit, **inner)

        return BoundForm

    def save_model(self, request, obj, form, change):
        if obj.status == Status.PUBLISHED:
            obj.search_text = obj.folded_text()  # an edit of what is public is searched as it now reads
        super().save_model(request, obj, form, change)
        step = form.cleaned_data.get("step")
        try:
            if step == "assign":
                days = form.cleaned_data.get("days")
                services.assign_question(question=obj, office=obj.office, by=request.user, days=days)
                messages.success(request, _("Đã phân công, hạn trả lời %(due)s.") % {"due": f"{obj.due_on:%d/%m/%Y}"})
            elif step == "answer":
                services.answer_question(question=obj, answer=obj.answer, by=request.user)
                messages.success(request, _("Đã lưu trả lời; câu trả lời chờ Trưởng ban biên tập duyệt."))
            elif step == "publish":
                services.publish_answer(question=obj, by=request.user)
                messages.success(request, _("Đã công khai câu hỏi và câu trả lời trên cổng."))
            elif step == "withdraw":
                services.withdraw_answer(question=obj, by=request.user)
            elif step == "decline":
                services.decline_question(question=obj, reason=obj.decline_reason, by=request.user)
                messages.success(request, _("Đã từ chối; người hỏi xem được lý do khi tra cứu bằng mã."))
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))

    @admin.display(description=_("hạn trả lời"), ordering="due_on")
    def deadline(self, obj):
        """Red when an open question has passed its deadline, so that it stands out in the list."""
        if obj.due_on is None:
            return "—"
        if obj.is_overdue(timezone.localdate()):
            marker = '<strong class="overdue" style="color:#ba2121">⚠ {} ({})</strong>'
            return format_html(marker, f"{obj.due_on:%d/%m/%Y}", _("quá hạn"))
        return f"{obj.due_on:%d/%m/%Y}"

    @admin.display(description=_("tệp đính kèm"))
    def attached_file(self, obj):
        if not obj.file:
            return "—"
        return format_html('<a href="{}">{}</a>', protected_file_url(obj.file.name), readable_name(obj.file.name))

    @admin.display(description=_("trang công khai"))
    def public_link(self, obj):
        if obj.status != Status.PUBLISHED:
            return "—"
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())
