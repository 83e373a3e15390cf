"""The editing side: press officers write and submit, the editor-in-chief publishes."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles import services
from articles.forms import ArticleAdminForm
from articles.models import Article, Attachment, Category, Comment, search_terms
from core.uploads import files_removed_on_failure
from units.admin import UnitOwnedAdmin


@admin.register(Category)
class CategoryAdmin(UnitOwnedAdmin):
    list_display = ["name", "slug", "order", "show_in_menu"]
    list_editable = ["order", "show_in_menu"]
    search_fields = ["name"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ["title", "file", "order"]
    extra = 1


@admin.register(Article)
class ArticleAdmin(UnitOwnedAdmin):
    form = ArticleAdminForm
    inlines = [AttachmentInline]
    list_display = ["title", "status", "category", "published_at", "author", "view_count"]
    list_filter = ["status", "category", "kind", "published_at"]
    list_select_related = ["category"]
    date_hierarchy = "published_at"
    search_fields = ["search_text"]
    search_help_text = _("Tìm trong tiêu đề, sapo và nội dung; gõ có dấu hay không dấu đều được.")
    autocomplete_fields = ["related"]
    actions = ["submit_selected", "publish_selected", "withdraw_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "kind", "lead", "body"]}),
        (_("Ảnh đại diện"), {"fields": ["image", "image_caption", "image_alt"]}),
        (_("Thông báo"), {"fields": ["show_until", "pinned"]}),
        (
            _("Xuất bản"),
            {"fields": ["status", "published_at", "author", "source", "related", "preview_link", "view_count"]},
        ),
        (_("Lịch sử"), {"fields": ["created_by", "updated_by", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("xem trước"))
    def preview_link(self, obj):
        if not obj or not obj.pk:
            return _("Lưu bài để xem trước.")
        url = reverse("articles:preview", kwargs={"pk": obj.pk})
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Xem trước trên trang"))

    def get_readonly_fields(self, request, obj=None):
        readonly = ["preview_link", "view_count", "created_by", "updated_by", "created_at", "updated_at"]
        if not services.can_publish(request.user):
            readonly.append("published_at")
        if obj is not None and obj.status in (Article.Status.PUBLISHED, Article.Status.WITHDRAWN):
            readonly.append("slug")
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not services.can_publish(request.user) and "status" in form.base_fields:
            allowed = (Article.Status.DRAFT, Article.Status.PENDING)
            form.base_fields["status"].choices = [c for c in Article.Status.choices if c[0] in allowed]
        return form

    def get_search_results(self, request, queryset, search_term):
        """Search the folded column with the folded term: accents and case do not matter."""
        for word in search_terms(search_term):
            queryset = queryset.filter(search_text__contains=word)
        return queryset, False

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or services.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None or services.can_publish(request.user):
            return True
        return services.can_edit(request.user, obj) and obj.status == Article.Status.DRAFT

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        wanted_status, wanted_at = obj.status, obj.published_at
        previous = Article.objects.filter(pk=obj.pk).values("status", "published_at").first() if change else None
        old_status = previous["status"] if previous else Article.Status.DRAFT
        obj.status = old_status
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        with files_removed_on_failure(obj):
            super().save_model(request, obj, form, change)
            if "image" in form.changed_data:
                services.update_image_renditions(article=obj)
        moved = wanted_status != old_status or (previous and wanted_at != previous["published_at"])
        if not moved:
            return
        if wanted_status == Article.Status.PENDING:
            services.submit_for_review(article=obj, by=request.user)
        elif wanted_status == Article.Status.PUBLISHED:
            services.publish_article(article=obj, by=request.user, at=wanted_at)
        elif wanted_status == Article.Status.WITHDRAWN:
            services.withdraw_article(article=obj, by=request.user)
        else:
            obj.status = wanted_status
            obj.save(update_fields=["status"])

    def _apply(self, request, queryset, service, done_message, **extra):
        done = 0
        for article in queryset:
            try:
                service(article=article, by=request.user, **extra)
                done += 1
            except (PermissionDenied, ValidationError) as error:
                messages.error(request, f"{article.title}: {' '.join(getattr(error, 'messages', [str(error)]))}")
        if done:
            messages.success(request, done_message(done))

    @admin.action(description=_("Gửi duyệt các bài đã chọn"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.submit_for_review,
            lambda n: ngettext("Đã gửi duyệt %d bài.", "Đã gửi duyệt %d bài.", n) % n,
        )

    @admin.action(description=_("Xuất bản ngay các bài đã chọn"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.publish_article,
            lambda n: ngettext("Đã xuất bản %d bài.", "Đã xuất bản %d bài.", n) % n,
        )

    @admin.action(description=_("Gỡ các bài đã chọn khỏi trang"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.withdraw_article,
            lambda n: ngettext("Đã gỡ %d bài.", "Đã gỡ %d bài.", n) % n,
        )


@admin.register(Comment)
class CommentAdmin(UnitOwnedAdmin):
    unit_path = "article__unit"

    list_display = ["name", "article", "created_at", "approved"]
    list_filter = ["approved", "created_at"]
    list_select_related = ["article"]
    search_fields = ["name", "body"]
    readonly_fields = ["article", "created_at"]
    actions = ["approve_selected"]

    @admin.action(description=_("Duyệt các nhận xét đã chọn"), permissions=["change"])
    def approve_selected(self, request, queryset):
        count = services.approve_comments(comments=queryset, by=request.user)
        messages.success(request, ngettext("Đã duyệt %d nhận xét.", "Đã duyệt %d nhận xét.", count) % count)
