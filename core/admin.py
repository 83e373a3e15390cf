"""Names for the admin's inputs where Django's admin shows a person a label but gives a screen reader none.

axe found them on the article and meeting forms (tests/accounts/test_admin_screen_browser.py): a
tabular inline's inputs are labelled only by their column's header, and a date-time field's two
inputs share one label that points at neither. The autocomplete boxes (select2) are named by
static/js/admin-autocomplete.js, which an admin lists in its ``Media`` (``AUTOCOMPLETE_NAMES_JS``,
after the Django scripts it follows).
"""

from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

AUTOCOMPLETE_NAMES_JS = [
    "admin/js/vendor/jquery/jquery.js",
    "admin/js/jquery.init.js",
    "admin/js/autocomplete.js",
    "js/admin-autocomplete.js",
]


class NamedSplitDateTime(AdminSplitDateTime):
    """The date and time inputs each named as the word printed before it ("Ngày", "Giờ")."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets[0].attrs["aria-label"] = _("Ngày")
        self.widgets[1].attrs["aria-label"] = _("Giờ")


class NamedColumnsFormSet(BaseInlineFormSet):
    """A table's delete box named like its column: in a table row it has no label of its own."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = _("Xóa")


class NamedColumnsInline(admin.TabularInline):
    """A tabular inline whose inputs are named after their column, as a person reads them."""

    formset = NamedColumnsFormSet

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None:
            formfield.widget.attrs.setdefault("aria-label", formfield.label)
        return formfield
