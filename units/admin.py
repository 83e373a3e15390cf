"""Units in the admin, and the rule every content admin follows: a unit's admin shows that unit's content.

The admin is opened on a unit's host (``request.unit``): its lists, forms, choices, autocompletes
and actions hold that unit's rows only, and what is added there belongs to it.
"""

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db.models.constants import LOOKUP_SEP
from django.utils.translation import gettext_lazy as _

from units.models import Unit, UnitAlias


def _unit_field(model):
    """The name of ``model``'s foreign key to Unit, or None when the model is not a unit's."""
    for field in model._meta.get_fields():
        if getattr(field, "related_model", None) is Unit and field.many_to_one | field.one_to_one:
            return field.name
    return None


class UnitChoicesMixin:
    """Foreign keys and many-to-many choices limited to the rows of the request's unit."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return _limited(field, db_field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return _limited(field, db_field, request)


def _limited(formfield, db_field, request):
    unit_field = _unit_field(db_field.related_model)
    if formfield is not None and unit_field and db_field.related_model is not Unit and hasattr(formfield, "queryset"):
        formfield.queryset = formfield.queryset.filter(**{unit_field: request.unit})
    return formfield


def _unit_scoped_filter(model, entry):
    """A list filter on a foreign key to another unit's rows offers only those the unit's own list uses.

    Django's plain related-field filter lists every row of the related table: every unit's offices
    or categories. ``RelatedOnlyFieldListFilter`` takes its choices from the (unit-scoped) list itself.
    """
    if not isinstance(entry, str) or LOOKUP_SEP in entry:
        return entry
    try:
        related = model._meta.get_field(entry).related_model
    except FieldDoesNotExist:
        return entry
    if related is None or related is Unit or not _unit_field(related):
        return entry
    return (entry, admin.RelatedOnlyFieldListFilter)


class UnitOwnedAdmin(UnitChoicesMixin, admin.ModelAdmin):
    """A unit's content: listed, chosen and added on that unit's admin only.

    ``unit_path`` is the lookup from the model to its unit ("article__unit" for a comment).
    """

    unit_path = "unit"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(**{self.unit_path: request.unit})

    def get_list_filter(self, request):
        return [_unit_scoped_filter(self.model, entry) for entry in super().get_list_filter(request)]

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        return [*exclude, "unit"] if self.unit_path == "unit" else exclude

    def get_fieldsets(self, request, obj=None):
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "unit"]})
            for name, options in super().get_fieldsets(request, obj)
        ]

    def save_model(self, request, obj, form, change):
        if not change and self.unit_path == "unit":
            obj.unit = request.unit
        super().save_model(request, obj, form, change)


class UnitOwnedInline(UnitChoicesMixin):
    """An inline whose choices (officials, articles…) are the unit's."""


class UnitAliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 0


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["short_name", "code", "level", "parent", "host", "archived"]
    list_filter = ["level", "archived"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "code", "host"]
    inlines = [UnitAliasInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "code", "level", "parent"]}),
        (_("Tên miền và trạng thái"), {"fields": ["host", "archived"]}),
    ]
