from django import forms
from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.revisions import RevisionAdmin
from units.admin import UnitOwnedAdmin
from website import maintenance
from website.models import MaintenanceNotice, MenuItem, Page, SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(UnitOwnedAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["unit", "portal_name", "editor_in_chief"]
    list_select_related = ["unit"]
    fieldsets = [
        (None, {"fields": ["unit", "portal_name", "emblem"]}),
        (_("Trang chủ và đo lường"), {"fields": ["featured_category", "measurement_site_id"]}),
        (
            _("Chân trang"),
            {
                "fields": [
                    "governing_agency",
                    "editor_in_chief",
                    "standing_office",
                    "address",
                    "phone",
                    "email",
                    "licence",
                    "facebook_url",
                    "youtube_url",
                ]
            },
        ),
    ]


@admin.register(Page)
class PageAdmin(RevisionAdmin, UnitOwnedAdmin):
    list_display = ["title", "slug", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}

    def view_on_site(self, page):
        """“Xem trên trang web” only for a page readers can open: a hidden page's address is a 404."""
        return page.get_absolute_url() if page.is_published else None


@admin.register(MenuItem)
class MenuItemAdmin(UnitOwnedAdmin):
    list_display = ["label", "order", "target", "category", "page", "url"]
    list_editable = ["order"]
    list_select_related = ["category", "page"]
    autocomplete_fields = ["page"]


class MaintenanceNoticeForm(forms.ModelForm):
    """Refuses a planned downtime announced fewer than 7 working days ahead (Decree 224/2026 Art. 13).

    The rule is the announcement's, so it is checked when a notice is written or its start moved, not
    when an old notice is edited afterwards; force majeure (bất khả kháng) is the law's only exception.
    """

    class Meta:
        model = MaintenanceNotice
        fields = ["unit", "whole_province", "starts_at", "ends_at", "message", "force_majeure"]

    def clean(self):
        cleaned = super().clean()
        starts_at = cleaned.get("starts_at")
        moved = self.instance.pk is None or "starts_at" in self.changed_data
        if starts_at and moved and not cleaned.get("force_majeure"):
            earliest = maintenance.earliest_planned_start(timezone.localdate())
            if timezone.localdate(starts_at) < earliest:
                raise forms.ValidationError(
                    {
                        "starts_at": _(
                            "Ngừng cổng theo kế hoạch phải thông báo trước ít nhất %(days)d ngày làm việc: bắt đầu "
                            "sớm nhất ngày %(date)s. Nếu phải ngừng đột xuất, hãy chọn “bất khả kháng”."
                        )
                        % {"days": maintenance.NOTICE_WORKING_DAYS, "date": earliest.strftime("%d/%m/%Y")}
                    }
                )
        return cleaned


@admin.register(MaintenanceNotice)
class MaintenanceNoticeAdmin(UnitOwnedAdmin):
    form = MaintenanceNoticeForm
    list_display = ["message", "starts_at", "ends_at", "force_majeure"]
    date_hierarchy = "starts_at"
