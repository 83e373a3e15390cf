"""The editing side: press officers write and submit, the editor-in-chief publishes."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from articles import services
from articles.forms import ArticleAdminForm
from articles.models import Article, Attachment, Category, Comment, Offer, search_terms
from core.admin import AUTOCOMPLETE_NAMES_JS, NamedColumnsInline, NamedSplitDateTime
from core.revisions import RevisionAdmin
from core.uploads import files_removed_on_failure
from units.admin import UnitOwnedAdmin


@admin.register(Category)
class CategoryAdmin(UnitOwnedAdmin):
    list_display = ["name", "slug", "order", "show_in_menu"]
    list_editable = ["order", "show_in_menu"]
    search_fields = ["name"]


class AttachmentInline(NamedColumnsInline):
    model = Attachment
    fields = ["title", "file", "order"]
    extra = 1


@admin.register(Article)
class ArticleAdmin(RevisionAdmin, UnitOwnedAdmin):
    form = ArticleAdminForm
    inlines = [AttachmentInline]
    list_display = ["title", "status", "category", "published_at", "author", "view_count"]
    list_filter = ["status", "category", "kind", "published_at"]
    list_select_related = ["category"]
    date_hierarchy = "published_at"
    search_fields = ["search_text"]
    search_help_text = _("Tìm trong tiêu đề, sapo và nội dung; gõ có dấu hay không dấu đều được.")
    autocomplete_fields = ["related"]
    actions = ["submit_selected", "publish_selected", "withdraw_selected", "offer_selected"]
    change_form_template = "admin/articles/article/change_form.html"
    formfield_overrides = {models.DateTimeField: {"widget": NamedSplitDateTime}}

    class Media:
        js = AUTOCOMPLETE_NAMES_JS

    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "kind", "lead", "body"]}),
        (_("Ảnh đại diện"), {"fields": ["image", "image_caption", "image_alt"]}),
        (_("Thông báo"), {"fields": ["show_until", "pinned"]}),
        (
            _("Xuất bản"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "returned_note",
                    "author",
                    "source",
                    "related",
                    "preview_link",
                    "view_count",
                    "province_offer",
                ]
            },
        ),
        (_("Lịch sử"), {"fields": ["created_by", "updated_by", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("trả lại"))
    def returned_note(self, obj):
        if not obj or not obj.returned_at:
            return "—"
        who = obj.returned_by.get_full_name() or obj.returned_by.get_username() if obj.returned_by else ""
        when = timezone.localtime(obj.returned_at).strftime("%H:%M %d/%m/%Y")
        return format_html("{} ({}, {})", obj.returned_reason, who, when)

    @admin.display(description=_("xem trước"))
    def preview_link(self, obj):
        if not obj or not obj.pk:
            return _("Lưu bài để xem trước.")
        url = reverse("articles:preview", kwargs={"pk": obj.pk})
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Xem trước trên trang"))

    @admin.display(description=_("đề xuất lên Cổng tỉnh"))
    def province_offer(self, obj):
        offer = getattr(obj, "offer", None) if obj and obj.pk else None
        if offer is None:
            return _("Chưa đề xuất.")
        if offer.reason:
            return format_html("{}: {}", offer.get_status_display(), offer.reason)
        return offer.get_status_display()

    def get_readonly_fields(self, request, obj=None):
        # The status moves only by the workflow buttons (submit_line.html), never by a field.
        readonly = ["status", "returned_note", "preview_link", "province_offer", "view_count"]
        readonly += ["created_by", "updated_by", "created_at", "updated_at"]
        if not services.can_publish(request.user):
            readonly.append("published_at")
        if obj is not None and obj.status in (Article.Status.PUBLISHED, Article.Status.WITHDRAWN):
            readonly.append("slug")
        return readonly

    def get_fieldsets(self, request, obj=None):
        """The publication time of an editor-in-chief is asked beside the “Lên lịch” button instead."""
        fieldsets = super().get_fieldsets(request, obj)
        if not services.can_publish(request.user):
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "published_at"]})
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if services.can_publish(request.user):
            fields = kwargs.get("fields") or flatten_fieldsets(self.get_fieldsets(request, obj))
            kwargs["fields"] = [*fields, "published_at"] if "published_at" not in fields else fields
        form = super().get_form(request, obj, change=change, **kwargs)
        action = request.POST.get("_action") if request.method == "POST" else None
        if action is None and request.method == "POST":
            # A plain submit (Enter in a field) saves, as the first button would.
            draft = obj is None or obj.status == Article.Status.DRAFT
            action = str(services.Action.DRAFT if draft else services.Action.SAVE)
        return type(form.__name__, (form,), {"user": request.user, "action": action})

    def get_search_results(self, request, queryset, search_term):
        """Search the folded column with the folded term: accents and case do not matter."""
        for word in search_terms(search_term):
            queryset = queryset.filter(search_text__contains=word)
        return queryset, False

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    def has_offer_permission(self, request):
        """Offering is a commune's: the province's own articles are on its portal already."""
        return services.can_offer(request.user) and request.unit.parent_id is not None

    def get_urls(self):
        offer_view = self.admin_site.admin_view(require_POST(self.offer_view))
        return [
            path("<path:object_id>/de-xuat-cong-tinh/", offer_view, name="articles_article_offer"),
            *super().get_urls(),
        ]

    def offer_view(self, request, object_id):
        """The “Đề xuất đăng lên Cổng tỉnh” button of an article's page."""
        if not self.has_offer_permission(request):
            raise PermissionDenied
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        self._apply(request, [article], services.offer_article, self._offered_message, unit=request.unit)
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        offerable = (
            obj is not None and self.has_offer_permission(request) and obj.is_public and not hasattr(obj, "offer")
        )
        context["can_offer"] = offerable
        article = obj if obj is not None else Article(unit=request.unit)
        context["workflow_actions"] = [
            (action, services.Action(action).label) for action in services.allowed_actions(request.user, article)
        ]
        context["workflow_action_names"] = [action for action, _label in context["workflow_actions"]]
        returned = obj is not None and obj.status == Article.Status.DRAFT and obj.returned_at
        context["returned"] = obj if returned else None
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    @staticmethod
    def _offered_message(count):
        return ngettext("Đã đề xuất %d bài lên Cổng tỉnh.", "Đã đề xuất %d bài lên Cổng tỉnh.", count) % count

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
        """Save the content, then take the step of the button pressed (the form checked it is allowed)."""
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        with files_removed_on_failure(obj):
            super().save_model(request, obj, form, change)
            if "image" in form.changed_data:
                services.update_image_renditions(article=obj)
        Action = services.Action
        action = form.action
        if action == Action.SUBMIT:
            services.submit_for_review(article=obj, by=request.user)
        elif action == Action.PUBLISH:
            at = obj.published_at if obj.published_at and obj.published_at <= timezone.now() else None
            services.publish_article(article=obj, by=request.user, at=at)
        elif action == Action.SCHEDULE:
            services.publish_article(article=obj, by=request.user, at=obj.published_at)
        elif action == Action.RETURN:
            services.return_article(article=obj, by=request.user, reason=form.cleaned_data["return_reason"])
        elif action == Action.WITHDRAW:
            services.withdraw_article(article=obj, by=request.user)

    def response_add(self, request, obj, post_url_continue=None):
        self._workflow_message(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._workflow_message(request, obj)
        return super().response_change(request, obj)

    def restore_notice(self, obj):
        if obj.is_public:
            return _("Bài đang hiện trên trang: nội dung khôi phục hiện ngay cho bạn đọc. Trạng thái bài giữ nguyên.")
        return _("Trạng thái bài giữ nguyên: khôi phục không gửi duyệt, không xuất bản bài.")

    def restore_version(self, request, obj, version, fields, relations):
        """A restore is an edit of the content: the workflow's status and publication time stay as they are."""
        services.restore_article(article=obj, version=version, fields=fields, relations=relations, by=request.user)

    def _workflow_message(self, request, obj):
        messages_by_action = {
            services.Action.SUBMIT: _("Đã gửi bài cho Trưởng ban biên tập duyệt."),
            services.Action.PUBLISH: _("Đã xuất bản bài."),
            services.Action.SCHEDULE: _("Đã lên lịch: bài tự xuất bản lúc %(when)s."),
            services.Action.RETURN: _("Đã trả lại bài cho người viết kèm lý do."),
            services.Action.WITHDRAW: _("Đã gỡ bài khỏi trang."),
        }
        message = messages_by_action.get(request.POST.get("_action"))
        if message:
            when = timezone.localtime(obj.published_at).strftime("%H:%M %d/%m/%Y") if obj.published_at else ""
            messages.info(request, message % {"when": when} if "%(when)s" in message else message)

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

    @admin.action(description=_("Đề xuất đăng lên Cổng tỉnh"), permissions=["offer"])
    def offer_selected(self, request, queryset):
        self._apply(request, queryset, services.offer_article, self._offered_message, unit=request.unit)

    def view_on_site(self, obj):
        """“Xem trên trang web”: the article's page once the public sees it, until then its preview (not a 404)."""
        if obj.is_public:
            return obj.get_absolute_url()
        return reverse("articles:preview", kwargs={"pk": obj.pk})


class OfferDecisionForm(forms.ModelForm):
    """The province's answer to an offer: accept, or decline with a reason the commune will read."""

    decision = forms.ChoiceField(
        label=_("Quyết định"),
        choices=[("accept", _("Nhận đăng lên Cổng tỉnh")), ("decline", _("Không nhận đăng"))],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Offer
        fields = ["reason"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "decline" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Hãy ghi lý do không nhận đăng để xã, phường biết."))
        return cleaned


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    """Offers, as each side sees them.

    On the province's host: the offers its communes made to it, to accept or decline. On a commune's
    host: the offers it made, with the province's answer and reason. Never another commune's.
    """

    form = OfferDecisionForm
    change_form_template = "admin/articles/offer/change_form.html"
    list_display = ["article", "offering_unit", "status", "offered_at", "decided_at", "reason"]
    list_filter = ["status"]
    list_select_related = ["article__unit"]
    actions = ["accept_selected"]
    readonly_fields = [
        "article_link",
        "offering_unit",
        "status",
        "offered_by",
        "offered_at",
        "decided_by",
        "decided_at",
    ]

    def get_queryset(self, request):
        offers = super().get_queryset(request)
        if request.unit.parent_id is None:
            return offers.to(request.unit)
        return offers.from_unit(request.unit)

    def get_fields(self, request, obj=None):
        fields = ["article_link", "offering_unit", "offered_by", "offered_at", "status"]
        if obj is not None and self._can_decide(request, obj):
            return [*fields, "decision", "reason"]
        return [*fields, "reason", "decided_by", "decided_at"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and self._can_decide(request, obj):
            return self.readonly_fields
        return [*self.readonly_fields, "reason"]

    @admin.display(description=_("tin bài"))
    def article_link(self, obj):
        # Without the request a unit's address has no port: the page's "Xem trên trang" link has it.
        return format_html("{} ({})", obj.article.title, obj.article.unit.short_name)

    @admin.display(description=_("đơn vị đề xuất"), ordering="article__unit__short_name")
    def offering_unit(self, obj):
        return obj.article.unit.short_name

    def _can_decide(self, request, obj):
        return (
            services.can_decide(request.user)
            and obj.province_id == request.unit.pk
            and obj.status == Offer.Status.OFFERED
        )

    def has_add_permission(self, request):
        return False  # an offer is made from the article's page

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return services.can_decide(request.user) and request.unit.parent_id is None
        return self._can_decide(request, obj)

    def has_decide_permission(self, request):
        return services.can_decide(request.user) and request.unit.parent_id is None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["show_save_and_continue"] = False  # a decided offer is not edited further
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    def save_model(self, request, obj, form, change):
        """Only the services write a decision: the form's own save would skip their checks."""
        if form.cleaned_data["decision"] == "accept":
            services.accept_offer(offer=obj, by=request.user, unit=request.unit)
        else:
            services.decline_offer(offer=obj, by=request.user, unit=request.unit, reason=form.cleaned_data["reason"])

    @admin.action(description=_("Nhận đăng các tin đã chọn lên Cổng tỉnh"), permissions=["decide"])
    def accept_selected(self, request, queryset):
        done = 0
        for offer in queryset:
            try:
                services.accept_offer(offer=offer, by=request.user, unit=request.unit)
                done += 1
            except (PermissionDenied, ValidationError) as error:
                messages.error(request, f"{offer}: {' '.join(getattr(error, 'messages', [str(error)]))}")
        if done:
            messages.success(request, ngettext("Đã nhận đăng %d tin.", "Đã nhận đăng %d tin.", done) % done)


@admin.register(Comment)
class CommentAdmin(UnitOwnedAdmin):
    """Moderation: the editor reads each comment in the list and approves or hides a page of them at once."""

    unit_path = "article__unit"

    list_display = ["text", "name", "article", "created_at", "approved"]
    list_display_links = ["text"]
    list_filter = ["approved", "created_at"]
    list_select_related = ["article"]
    search_fields = ["name", "body"]
    readonly_fields = ["article", "created_at"]
    actions = ["approve_selected", "hide_selected"]

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("nội dung"), ordering="body")
    def text(self, comment):
        return Truncator(comment.body).chars(300)

    @admin.action(description=_("Duyệt các nhận xét đã chọn"), permissions=["change"])
    def approve_selected(self, request, queryset):
        count = services.approve_comments(comments=queryset, by=request.user)
        messages.success(request, ngettext("Đã duyệt %d nhận xét.", "Đã duyệt %d nhận xét.", count) % count)

    @admin.action(description=_("Ẩn các nhận xét đã chọn (bỏ duyệt)"), permissions=["change"])
    def hide_selected(self, request, queryset):
        count = services.hide_comments(comments=queryset, by=request.user)
        messages.success(request, ngettext("Đã ẩn %d nhận xét.", "Đã ẩn %d nhận xét.", count) % count)
