"""The profile in the admin: offices, and the sections with their photos; the leaders are edited as officials."""

from django.contrib import admin

from unitprofile.models import Office, Photo, ProfileSection
from units.admin import UnitOwnedAdmin


@admin.register(Office)
class OfficeAdmin(UnitOwnedAdmin):
    list_display = ["name", "head", "phone", "email", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    autocomplete_fields = ["head"]


class PhotoInline(admin.TabularInline):
    model = Photo
    extra = 1


@admin.register(ProfileSection)
class ProfileSectionAdmin(UnitOwnedAdmin):
    list_display = ["__str__", "kind", "is_published", "updated_at"]
    inlines = [PhotoInline]
