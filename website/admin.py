from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from solo.admin import SingletonModelAdmin

from website.models import MaintenanceNotice, MenuItem, Page, SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingletonModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["portal_name", "unit_name", "unit_short_name", "unit_level", "emblem"]}),
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
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(MenuItem)
class MenuItemAdmin(admin.ModelAdmin):
    list_display = ["label", "order", "target", "category", "page", "url"]
    list_editable = ["order"]
    list_select_related = ["category", "page"]
    autocomplete_fields = ["page"]


@admin.register(MaintenanceNotice)
class MaintenanceNoticeAdmin(admin.ModelAdmin):
    list_display = ["message", "starts_at", "ends_at"]
    date_hierarchy = "starts_at"
