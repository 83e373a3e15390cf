"""Procedures in the admin: mostly kept by the import, corrected or withdrawn here."""

from django.contrib import admin

from procedures.models import Procedure
from units.admin import UnitOwnedAdmin


@admin.register(Procedure)
class ProcedureAdmin(UnitOwnedAdmin):
    list_display = ["code", "name", "field", "level", "is_published", "updated_at"]
    list_filter = ["level", "is_published", "field"]
    search_fields = ["code", "name"]
    list_select_related = ["field"]
    autocomplete_fields = ["field"]
    fields = ["code", "name", "field", "level", "processing_time", "fees", "national_url", "is_published"]
