from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from solo.admin import SingletonModelAdmin

from core.models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingletonModelAdmin):
    fieldsets = [
        (None, {"fields": ["portal_name", "unit_name", "unit_short_name", "unit_level", "emblem"]}),
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
