from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from units.admin import UnitOwnedAdmin
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
class PageAdmin(UnitOwnedAdmin):
    list_display = ["title", "slug", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(MenuItem)
class MenuItemAdmin(UnitOwnedAdmin):
    list_display = ["label", "order", "target", "category", "page", "url"]
    list_editable = ["order"]
    list_select_related = ["category", "page"]
    autocomplete_fields = ["page"]


@admin.register(MaintenanceNotice)
class MaintenanceNoticeAdmin(UnitOwnedAdmin):
    list_display = ["message", "starts_at", "ends_at"]
    date_hierarchy = "starts_at"
