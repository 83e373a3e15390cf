"""Filters of the public procedure list: field, level, words."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import SEARCH_MAX_LENGTH
from core import generation
from documents.models import Field
from procedures.models import Level, Procedure


class ProcedureFilter(django_filters.FilterSet):
    """Made with the request (its unit); a value that does not fit is ignored and reported, never a 500."""

    q = django_filters.CharFilter(
        label=_("Từ khóa (có dấu hoặc không dấu)"),
        method="filter_words",
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": SEARCH_MAX_LENGTH}),
    )
    field = django_filters.ModelChoiceFilter(
        label=_("Lĩnh vực"),
        field_name="field",
        queryset=Field.objects.none(),
        to_field_name="slug",
        empty_label=_("Tất cả lĩnh vực"),
        error_messages={"invalid_choice": _("Không có lĩnh vực này.")},
    )
    level = django_filters.ChoiceFilter(label=_("Cấp thực hiện"), choices=Level.choices, empty_label=_("Tất cả"))

    class Meta:
        model = Procedure
        fields = ["q", "field", "level"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the fields the unit has procedures in, read once per content generation.
        unit = self.request.unit
        ids = generation.shared(f"procedure-fields:{unit.pk}", lambda: unit_field_ids(unit), seconds=60)
        self.filters["field"].queryset = Field.objects.filter(pk__in=ids)

    def filter_words(self, queryset, name, value):
        return queryset.search(value)

    def filter_queryset(self, queryset):
        """Apply only the fields that are valid: a bad field leaves the list unfiltered by it."""
        cleaned = getattr(self.form, "cleaned_data", {})
        for name, value in cleaned.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset


def unit_field_ids(unit):
    """The fields of the unit's published procedures, for the filter's choices."""
    return list(Procedure.objects.of(unit).published().order_by().values_list("field_id", flat=True).distinct())
